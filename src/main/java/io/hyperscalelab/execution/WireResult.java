package io.hyperscalelab.execution;

import java.nio.charset.StandardCharsets;
import java.sql.SQLWarning;
import java.util.ArrayList;
import java.util.List;
import org.postgresql.core.Field;
import org.postgresql.core.Tuple;

/**
 * What the server sent back for one statement, as it came over the wire: the columns, every
 * row as text bytes, the command tag and the notices.
 */
record WireResult(Field[] fields, List<Tuple> tuples, String commandTag, long updateCount, List<SQLWarning> notices) {

    boolean hasRows() {
        return fields != null;
    }

    int columnCount() {
        return fields == null ? 0 : fields.length;
    }

    /** Bytes of row data received, as Citus counts "tuple data received". */
    long bytes() {
        long bytes = 0;
        for (Tuple tuple : tuples) {
            for (int i = 0; i < tuple.fieldCount(); i++) {
                byte[] value = tuple.get(i);
                bytes += value == null ? 0 : value.length;
            }
        }
        return bytes;
    }

    String text(int row, int column) {
        return text(tuples.get(row), column);
    }

    static String text(Tuple tuple, int column) {
        byte[] value = tuple.get(column);
        return value == null ? null : new String(value, StandardCharsets.UTF_8);
    }

    List<List<String>> textRows() {
        List<List<String>> rows = new ArrayList<>(tuples.size());
        for (Tuple tuple : tuples) {
            List<String> row = new ArrayList<>(tuple.fieldCount());
            for (int i = 0; i < tuple.fieldCount(); i++) {
                row.add(text(tuple, i));
            }
            rows.add(row);
        }
        return rows;
    }
}
