package io.hyperscalelab.psql;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.Field;
import org.postgresql.core.Query;
import org.postgresql.core.QueryExecutor;
import org.postgresql.core.ResultCursor;
import org.postgresql.core.ResultHandlerBase;
import org.postgresql.core.Tuple;
import org.postgresql.util.PSQLWarning;

/**
 * Statements sent the way psql sends them with libpq: each as one simple query, results as the
 * server's text, the command tag as the server wrote it, notices as they arrive. (pgjdbc's JDBC
 * layer hides tags and column type ids, so this goes one level down, to its query executor.)
 */
final class DirectRoute implements StatementRoute {

    private final Connection connection;
    private final BaseConnection base;

    DirectRoute(Connection connection) throws SQLException {
        this.connection = connection;
        this.base = connection.unwrap(BaseConnection.class);
    }

    @Override
    public List<SqlResult> execute(String sql, Consumer<ServerMessage> notices) throws SqlException {
        Collector collector = new Collector(notices);
        try {
            QueryExecutor executor = base.getQueryExecutor();
            Query query = executor.createSimpleQuery(sql);
            executor.execute(query, null, collector, 0, 0, QueryExecutor.QUERY_EXECUTE_AS_SIMPLE
                    | QueryExecutor.QUERY_SUPPRESS_BEGIN | QueryExecutor.QUERY_BOTH_ROWS_AND_STATUS);
        } catch (SQLException e) {
            throw SqlErrors.fromServer(e, connection);
        }
        return collector.results(this::typeName);
    }

    @Override
    public void cancel() {
        try {
            base.cancelQuery();
        } catch (SQLException ignored) {
            // nothing was running, or the server is gone: both end the statement anyway
        }
    }

    @Override
    public void close() {
        // nothing of its own: the connection is its owner's
    }

    private String typeName(int oid) {
        try {
            String name = base.getTypeInfo().getPGType(oid);
            return name != null ? name : "oid " + oid;
        } catch (SQLException e) {
            return "oid " + oid;
        }
    }

    /** Collects results in order and passes notices on as they come. */
    private static final class Collector extends ResultHandlerBase {

        private interface TypeNames {
            String of(int oid);
        }

        private record Pending(Field[] fields, List<Tuple> tuples, String[] tag) {
        }

        private final Consumer<ServerMessage> notices;
        private final List<Object> pending = new ArrayList<>();

        Collector(Consumer<ServerMessage> notices) {
            this.notices = notices;
        }

        @Override
        public void handleResultRows(Query fromQuery, Field[] fields, List<Tuple> tuples, ResultCursor cursor) {
            pending.add(new Pending(fields, tuples, new String[1]));
        }

        @Override
        public void handleCommandStatus(String status, long updateCount, long insertOID) {
            if (!pending.isEmpty() && pending.get(pending.size() - 1) instanceof Pending rows && rows.tag()[0] == null) {
                rows.tag()[0] = status;
            } else {
                pending.add(status);
            }
        }

        @Override
        public void handleWarning(SQLWarning warning) {
            if (warning instanceof PSQLWarning pw && pw.getServerErrorMessage() != null) {
                notices.accept(ServerMessage.from(pw.getServerErrorMessage()));
            } else {
                notices.accept(new ServerMessage("WARNING", warning.getSQLState(), warning.getMessage(), null, null, 0, null, 0, null));
            }
        }

        List<SqlResult> results(TypeNames types) {
            List<SqlResult> results = new ArrayList<>();
            for (Object item : pending) {
                if (item instanceof Pending rows) {
                    List<SqlResult.Column> columns = new ArrayList<>();
                    for (Field field : rows.fields()) {
                        columns.add(new SqlResult.Column(field.getColumnLabel(), types.of(field.getOID())));
                    }
                    List<List<String>> values = new ArrayList<>(rows.tuples().size());
                    for (Tuple tuple : rows.tuples()) {
                        List<String> row = new ArrayList<>(rows.fields().length);
                        for (int i = 0; i < rows.fields().length; i++) {
                            byte[] value = tuple.get(i);
                            row.add(value == null ? null : new String(value, StandardCharsets.UTF_8));
                        }
                        values.add(Collections.unmodifiableList(row));
                    }
                    results.add(new SqlResult.Rows(columns, values, rows.tag()[0]));
                } else {
                    results.add(new SqlResult.Command((String) item));
                }
            }
            return results;
        }
    }
}
