package io.hyperscalelab.execution;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.postgresql.core.Tuple;

/**
 * The tasks' rows as text, ready for the merge, with partial counts and sums of the same group
 * already added up: 32 shards × 240 minutes become 240 rows before they travel to the
 * coordinator. Only additions that are exact in Java are done here (integer and numeric
 * partials, never floating point); rows group only when every other column has the same
 * text, which means the same value. The coordinator still does the real merge, so the result
 * is exactly what it would be without this step, only cheaper to ship.
 */
final class PartialRows {

    private static final Set<String> EXACT_TYPES = Set.of("\"int2\"", "\"int4\"", "\"int8\"", "\"numeric\"");

    private PartialRows() {
    }

    static List<String[]> of(MergeSpec spec, List<String> typeNames, List<Tuple> tuples, int columns) {
        List<String[]> rows = new ArrayList<>(tuples.size());
        for (Tuple tuple : tuples) {
            String[] row = new String[columns];
            for (int i = 0; i < columns; i++) {
                row[i] = WireResult.text(tuple, i);
            }
            rows.add(row);
        }
        boolean[] additive = additiveColumns(spec, typeNames, columns);
        return additive == null || rows.size() < 2 ? rows : combine(rows, additive);
    }

    /** Which columns hold partials that add up exactly, or null when some aggregate does not allow adding rows. */
    private static boolean[] additiveColumns(MergeSpec spec, List<String> typeNames, int columns) {
        if (!spec.coordinator() || spec.aggregates().isEmpty()) {
            return null;
        }
        boolean[] additive = new boolean[columns];
        for (AggregateMerge aggregate : spec.aggregates()) {
            switch (aggregate.kind()) {
                case COUNT, SUM -> additive[aggregate.column()] = true;
                case AVG -> {
                    additive[aggregate.column()] = true;
                    additive[aggregate.countColumn()] = true;
                }
                case DISTINCT -> {
                    // its column is a grouping key on the shards: rows stay apart by it
                }
                default -> {
                    return null;
                }
            }
        }
        for (int i = 0; i < columns; i++) {
            if (additive[i] && !EXACT_TYPES.contains(typeNames.get(i))) {
                return null;
            }
        }
        return additive;
    }

    private static List<String[]> combine(List<String[]> rows, boolean[] additive) {
        Map<List<String>, BigDecimal[]> groups = new LinkedHashMap<>();
        Map<List<String>, String[]> firstRow = new LinkedHashMap<>();
        for (String[] row : rows) {
            List<String> key = new ArrayList<>();
            for (int i = 0; i < row.length; i++) {
                key.add(additive[i] ? "" : row[i]);
            }
            BigDecimal[] sums = groups.get(key);
            if (sums == null) {
                sums = new BigDecimal[row.length];
                groups.put(key, sums);
                firstRow.put(key, row);
            }
            for (int i = 0; i < row.length; i++) {
                if (additive[i] && row[i] != null) {
                    BigDecimal value;
                    try {
                        value = new BigDecimal(row[i]);
                    } catch (NumberFormatException e) {
                        return rows; // NaN or Infinity: leave the arithmetic to PostgreSQL
                    }
                    sums[i] = sums[i] == null ? value : sums[i].add(value);
                }
            }
        }
        List<String[]> combined = new ArrayList<>(groups.size());
        for (Map.Entry<List<String>, BigDecimal[]> group : groups.entrySet()) {
            String[] row = Arrays.copyOf(firstRow.get(group.getKey()), additive.length);
            for (int i = 0; i < row.length; i++) {
                if (additive[i]) {
                    row[i] = group.getValue()[i] == null ? null : group.getValue()[i].toPlainString();
                }
            }
            combined.add(row);
        }
        return combined;
    }
}
