package io.hyperscalelab.psql;

import java.util.List;

/** One result of a statement, as psql prints it. */
public sealed interface SqlResult {

    /** Rows in PostgreSQL's text output format; a null value is SQL NULL. */
    record Rows(List<Column> columns, List<List<String>> rows, String commandTag) implements SqlResult {
        public Rows {
            columns = List.copyOf(columns);
            rows = List.copyOf(rows);
        }
    }

    /** A command without rows: its tag, e.g. {@code CREATE TABLE} or {@code INSERT 0 1}. */
    record Command(String commandTag) implements SqlResult {
    }

    /** A result column; {@code typeName} is the pg_type name, e.g. {@code int8}, {@code text}. */
    record Column(String name, String typeName) {

        /** psql right-aligns the numeric types (its column_type_alignment). */
        public boolean rightAligned() {
            return switch (typeName) {
                case "int2", "int4", "int8", "float4", "float8", "numeric", "oid", "xid", "xid8", "cid", "money" -> true;
                default -> false;
            };
        }
    }
}
