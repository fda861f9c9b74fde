package io.hyperscalelab.execution;

import java.util.function.IntFunction;

/**
 * How the coordinator combines the workers' partial results of one aggregate. The combining SQL
 * reproduces PostgreSQL's own result type and value: a count is the sum of counts, cast back to
 * bigint; a sum is cast back to the type the workers' sums had (sum of bigint partials is
 * numeric in PostgreSQL); avg is numeric_div(sum, count) for integer and numeric input, exactly
 * as PostgreSQL's avg computes its result; an aggregate over DISTINCT values sees each
 * distinct value once, because the workers grouped by it.
 *
 * @param column      the worker column holding the partial (for AVG, the partial sum)
 * @param countColumn for AVG, the worker column holding the partial count
 */
record AggregateMerge(Kind kind, String function, int column, int countColumn) {

    enum Kind {
        /** count(...) on the workers, summed. */
        COUNT,
        /** sum(...) on the workers, summed and cast back to the workers' type. */
        SUM,
        /** An aggregate that combines its own partial results: min, max, bool_and, bit_or, ... */
        SELF,
        /** avg as sum and count on the workers. */
        AVG,
        /** agg(DISTINCT x) over x, which the workers returned one row per distinct value. */
        DISTINCT
    }

    /** The combining SQL, given each worker column's reference and its type name. */
    String sql(IntFunction<String> reference, IntFunction<String> typeOf) {
        String partial = reference.apply(column);
        return switch (kind) {
            case COUNT -> "coalesce(sum(" + partial + "), 0)::bigint";
            case SUM -> "(sum(" + partial + "))::" + typeOf.apply(column);
            case SELF -> function + "(" + partial + ")";
            case DISTINCT -> function + "(DISTINCT " + partial + ")";
            case AVG -> average(partial, reference.apply(countColumn), typeOf.apply(column));
        };
    }

    private static String average(String sum, String count, String sumType) {
        return switch (sumType) {
            case "\"int8\"", "\"numeric\"" -> "(sum(" + sum + ")::numeric / nullif(sum(" + count + "), 0))";
            case "\"float4\"", "\"float8\"" -> "(sum(" + sum + ")::float8 / nullif(sum(" + count + "), 0)::float8)";
            case "\"interval\"" -> "(sum(" + sum + ") / nullif(sum(" + count + "), 0)::float8)";
            default -> throw new IllegalStateException("cannot combine averages of " + sumType);
        };
    }
}
