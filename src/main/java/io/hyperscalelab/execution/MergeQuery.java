package io.hyperscalelab.execution;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.postgresql.core.Field;
import org.postgresql.core.Tuple;

/**
 * The coordinator's query over the tasks' rows. The rows travel as one text array per column,
 * typed as the workers returned them and unnested together, under the name Citus gives that
 * relation in its plans, {@code remote_scan}:
 *
 * <pre>
 * SELECT remote_scan.minute AS minute, (sum(remote_scan.num_commits))::"int8" AS num_commits
 * FROM unnest('{...}'::text[]::"timestamp"[], '{...}'::text[]::"int8"[]) AS remote_scan(minute, num_commits)
 * GROUP BY remote_scan.minute ORDER BY 1
 * </pre>
 *
 * Each value travels in its text form, which PostgreSQL reads back as exactly the value the
 * worker had; the coordinator then applies PostgreSQL's own semantics to grouping, HAVING,
 * ordering and the aggregates' final values.
 */
final class MergeQuery {

    private MergeQuery() {
    }

    /** The merge SQL over these rows; {@code rows} may be empty, e.g. for EXPLAIN without ANALYZE. */
    static String sql(MergeSpec spec, Field[] fields, List<String> typeNames, List<Tuple> tuples) {
        List<String[]> rows = PartialRows.of(spec, typeNames, tuples, fields.length);
        List<String> names = columnNames(fields);
        int returned = fields.length - spec.extraColumns();
        StringBuilder sql = new StringBuilder("SELECT ");
        if (spec.distinct()) {
            sql.append("DISTINCT ");
        }
        List<String> targets = new ArrayList<>();
        if (spec.targets() == null) {
            for (int i = 0; i < returned; i++) {
                targets.add(reference(names, i) + " AS " + Sql.identifier(fields[i].getColumnLabel()));
            }
        } else {
            for (MergeSpec.Target target : spec.targets()) {
                targets.add(render(spec, target.expression(), names, typeNames) + " AS " + Sql.identifier(target.label()));
            }
        }
        sql.append(String.join(", ", targets));
        sql.append(" FROM ").append(rowsSource(fields, typeNames, names, rows));
        if (!spec.groupBy().isEmpty()) {
            List<String> keys = new ArrayList<>();
            for (MergeText key : spec.groupBy()) {
                keys.add(render(spec, key, names, typeNames));
            }
            sql.append(" GROUP BY ").append(String.join(", ", keys));
        }
        if (spec.having() != null) {
            sql.append(" HAVING ").append(render(spec, spec.having(), names, typeNames));
        }
        if (!spec.orderBy().isEmpty()) {
            List<String> order = new ArrayList<>();
            for (MergeSpec.Order item : spec.orderBy()) {
                order.add(render(spec, item.expression(), names, typeNames) + item.direction());
            }
            sql.append(" ORDER BY ").append(String.join(", ", order));
        }
        if (spec.limit() != null) {
            sql.append(" LIMIT ").append(spec.limit());
        }
        if (spec.offset() > 0) {
            sql.append(" OFFSET ").append(spec.offset());
        }
        return sql.toString();
    }

    /**
     * The rows as a relation named remote_scan: one typed array per column, unnested together.
     * An array-typed column cannot travel as an element of an array (PostgreSQL's arrays of
     * arrays are just more dimensions), so such rows travel as text and are cast after.
     */
    private static String rowsSource(Field[] fields, List<String> typeNames, List<String> names, List<String[]> rows) {
        boolean arrayColumn = typeNames.stream().anyMatch(t -> t.startsWith("\"_"));
        List<String> arrays = new ArrayList<>();
        List<String> columns = new ArrayList<>();
        List<String> casts = new ArrayList<>();
        for (int i = 0; i < fields.length; i++) {
            List<String> values = column(rows, i);
            if (arrayColumn) {
                arrays.add(Sql.textArray(values));
                columns.add("c" + (i + 1));
                casts.add("u.c" + (i + 1) + "::" + typeNames.get(i) + " AS " + Sql.identifier(names.get(i)));
            } else {
                arrays.add(Sql.arrayLiteral(values) + "::" + typeNames.get(i) + "[]");
                columns.add(Sql.identifier(names.get(i)));
            }
        }
        String unnest = "unnest(" + String.join(", ", arrays) + ")";
        if (!arrayColumn) {
            return unnest + " AS remote_scan(" + String.join(", ", columns) + ")";
        }
        return "(SELECT " + String.join(", ", casts) + " FROM " + unnest + " AS u(" + String.join(", ", columns)
                + ")) remote_scan";
    }

    /** The workers' column labels, made unique: they name remote_scan's columns. */
    private static List<String> columnNames(Field[] fields) {
        List<String> names = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (int i = 0; i < fields.length; i++) {
            String label = fields[i].getColumnLabel();
            names.add(!label.equals("?column?") && used.add(label) ? label : "worker_column_" + (i + 1));
            used.add(names.get(i));
        }
        return names;
    }

    private static String reference(List<String> names, int index) {
        return "remote_scan." + Sql.identifier(names.get(index < 0 ? names.size() + index : index));
    }

    private static String render(MergeSpec spec, MergeText text, List<String> names, List<String> typeNames) {
        return text.render(i -> reference(names, i), a -> spec.aggregates().get(a).sql(
                i -> reference(names, i), i -> typeNames.get(i)));
    }

    private static List<String> column(List<String[]> rows, int index) {
        List<String> values = new ArrayList<>(rows.size());
        for (String[] row : rows) {
            values.add(row[index]);
        }
        return values;
    }
}
