package io.hyperscalelab.execution;

import java.util.List;

/**
 * How the tasks' rows become the statement's result.
 *
 * <p>Without {@link #coordinator} the rows are simply concatenated (then OFFSET and LIMIT are
 * applied), which is all a filter or a full pushdown without ORDER BY needs. Otherwise the
 * coordinator runs the merge query over the rows: aggregates combined, GROUP BY, HAVING,
 * DISTINCT, ORDER BY, OFFSET and LIMIT, with PostgreSQL's own semantics for every type.
 *
 * @param targets      the result columns; null to pass the workers' columns through
 * @param extraColumns worker columns at the end that only serve the merge (sort keys), not returned
 * @param limit        null for none
 */
record MergeSpec(boolean coordinator, List<Target> targets, int extraColumns, boolean distinct, List<MergeText> groupBy,
                 MergeText having, List<Order> orderBy, Long limit, long offset, List<AggregateMerge> aggregates) {

    record Target(MergeText expression, String label) {
    }

    record Order(MergeText expression, String direction) {
    }

    MergeSpec {
        targets = targets == null ? null : List.copyOf(targets);
        groupBy = List.copyOf(groupBy);
        orderBy = List.copyOf(orderBy);
        aggregates = List.copyOf(aggregates);
    }

    /** The router's case: one task, its rows are the result. */
    static MergeSpec none() {
        return new MergeSpec(false, null, 0, false, List.of(), null, List.of(), null, 0, List.of());
    }
}
