package io.hyperscalelab.execution;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.util.ArrayList;
import java.util.List;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.Field;
import org.postgresql.core.Query;
import org.postgresql.core.QueryExecutor;
import org.postgresql.core.ResultCursor;
import org.postgresql.core.ResultHandlerBase;
import org.postgresql.core.Tuple;

/**
 * Sends one statement over pgjdbc's protocol layer rather than through java.sql.Statement, to
 * get what JDBC hides: the command tag ({@code UPDATE 1}, {@code CREATE TABLE}), the rows as the
 * server's text (no re-formatting, exact byte counts) and every notice in order. The text goes
 * as a simple Query message, like psql sends it, so a {@code ?} stays an operator and notices
 * raised at the end of a statement (auto_explain's) arrive with it.
 */
final class Wire {

    private Wire() {
    }

    static WireResult run(Connection connection, String sql) throws SQLException {
        // BOTH_ROWS_AND_STATUS: the tag of a statement that returned rows too (SELECT 4, EXPLAIN)
        return execute(connection, sql, QueryExecutor.QUERY_EXECUTE_AS_SIMPLE | QueryExecutor.QUERY_BOTH_ROWS_AND_STATUS);
    }

    /** The result columns of a statement, from the server's analysis of it, without running it. */
    static Field[] describe(Connection connection, String sql) throws SQLException {
        WireResult result = execute(connection, sql, QueryExecutor.QUERY_DESCRIBE_ONLY | QueryExecutor.QUERY_ONESHOT);
        return result.fields() == null ? new Field[0] : result.fields();
    }

    private static WireResult execute(Connection connection, String sql, int flags) throws SQLException {
        QueryExecutor executor = connection.unwrap(BaseConnection.class).getQueryExecutor();
        Query query = executor.createSimpleQuery(sql);
        Collector collector = new Collector();
        try {
            executor.execute(query, null, collector, 0, 0, QueryExecutor.QUERY_SUPPRESS_BEGIN | flags);
        } finally {
            query.close();
        }
        return collector.result();
    }

    private static final class Collector extends ResultHandlerBase {
        private Field[] fields;
        private final List<Tuple> tuples = new ArrayList<>();
        private String tag = "";
        private long updateCount;
        private final List<SQLWarning> notices = new ArrayList<>();

        @Override
        public void handleResultRows(Query fromQuery, Field[] fields, List<Tuple> tuples, ResultCursor cursor) {
            this.fields = fields;
            this.tuples.addAll(tuples);
        }

        @Override
        public void handleCommandStatus(String status, long updateCount, long insertOID) {
            this.tag = status;
            this.updateCount = updateCount;
        }

        @Override
        public void handleWarning(SQLWarning warning) {
            notices.add(warning);
        }

        WireResult result() {
            return new WireResult(fields, tuples, tag, Math.max(0, updateCount), notices);
        }
    }
}
