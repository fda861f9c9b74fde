package io.hyperscalelab.execution;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.Field;

/** A statement's result as the coordinator sent it, in the learner's terms: columns with their type names, rows as text. */
final class StatementResults {

    private StatementResults() {
    }

    static StatementResult of(Connection coordinator, WireResult wire) throws SQLException {
        return new StatementResult(wire.commandTag(), columns(wire.fields(), typeNames(coordinator, wire.fields())),
                wire.textRows(), wire.updateCount(), Notices.of(wire.notices()));
    }

    static List<ResultColumn> columns(Field[] fields, List<String> typeNames) {
        List<ResultColumn> columns = new ArrayList<>();
        if (fields == null) {
            return columns;
        }
        for (int i = 0; i < fields.length && i < typeNames.size(); i++) {
            String type = typeNames.get(i);
            columns.add(new ResultColumn(fields[i].getColumnLabel(), type.startsWith("\"") && type.endsWith("\"")
                    ? type.substring(1, type.length() - 1) : type));
        }
        return columns;
    }

    /** The type name of each field, as the connection's type cache knows it. */
    static List<String> typeNames(Connection connection, Field[] fields) throws SQLException {
        List<String> names = new ArrayList<>();
        if (fields != null) {
            var types = connection.unwrap(BaseConnection.class).getTypeInfo();
            for (Field field : fields) {
                names.add(types.getPGType(field.getOID()));
            }
        }
        return names;
    }
}
