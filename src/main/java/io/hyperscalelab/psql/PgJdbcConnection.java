package io.hyperscalelab.psql;

import io.hyperscalelab.load.LoadException;
import io.hyperscalelab.load.LoadProgress;
import io.hyperscalelab.load.ShardedLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.Field;
import org.postgresql.core.Query;
import org.postgresql.core.QueryExecutor;
import org.postgresql.core.ResultCursor;
import org.postgresql.core.ResultHandlerBase;
import org.postgresql.core.TransactionState;
import org.postgresql.core.Tuple;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;
import org.postgresql.util.PSQLWarning;
import org.postgresql.util.ServerErrorMessage;

/**
 * A pgjdbc session used the way psql uses libpq: each statement as one simple query, results
 * as the server's text, the command tag as the server wrote it, notices as they arrive.
 * (pgjdbc's JDBC layer hides tags and column type ids, so this goes one level down, to its
 * query executor.)
 */
final class PgJdbcConnection implements SqlConnection {

    private static final String CANCELED = "canceling statement due to user request";

    /** Opens a fresh connection with the same parameters. */
    @FunctionalInterface
    interface Reopener {
        Connection open() throws SQLException;
    }

    private static final String TOO_LARGE = "maxResultBuffer";

    private final Reopener reopener;
    private volatile Connection connection;
    private volatile BaseConnection base;
    private final ShardedLoader loader;
    private final ServerInfo server;
    private final AtomicBoolean copyCanceled = new AtomicBoolean();

    PgJdbcConnection(Connection connection, ConnectionRequest request, ShardedLoader loader, Reopener reopener) throws SQLException {
        this.reopener = reopener;
        this.connection = connection;
        this.base = connection.unwrap(BaseConnection.class);
        this.loader = loader;
        PGConnection pg = connection.unwrap(PGConnection.class);
        String ssl = null;
        int versionNum;
        try (PreparedStatement ps = connection.prepareStatement("SELECT current_setting('server_version_num')::int, "
                + "s.version, s.cipher FROM (SELECT 1) one LEFT JOIN pg_stat_ssl s ON s.pid = pg_backend_pid() AND s.ssl");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            versionNum = rs.getInt(1);
            if (rs.getString(2) != null) {
                // psql 15 no longer prints the key's bits
                ssl = "protocol: " + rs.getString(2) + ", cipher: " + rs.getString(3) + ", compression: off";
            }
        }
        String user = pg.getParameterStatus("session_authorization");
        this.server = new ServerInfo(pg.getParameterStatus("server_version"), versionNum, user != null ? user : request.user(),
                request.database(), "on".equals(pg.getParameterStatus("is_superuser")), request.host(), request.port(), ssl);
    }

    @Override
    public ServerInfo server() {
        return server;
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
            if (String.valueOf(e.getMessage()).contains(TOO_LARGE)) {
                throw tooLarge(e);
            }
            throw fromServer(e);
        }
        return collector.results(this::typeName);
    }

    @Override
    public long copyIn(CopyIn copy, InputStream data, Consumer<LoadProgress> progress) throws SqlException {
        copyCanceled.set(false);
        InputStream counted = new ProgressInputStream(data, copy.totalBytes(), progress, copyCanceled);
        try {
            if (copy.plainCsv() && copy.columns().isEmpty() && transactionStatus() == TransactionStatus.IDLE
                    && hasCitusMetadata()) {
                return loader.load(connection, copy.table(), counted, copy.sourceName(), copy.totalBytes(), progress);
            }
            return new CopyManager(base).copyIn(copy.sql(), counted);
        } catch (LoadException e) {
            throw fromLoader(e, copy.table());
        } catch (SQLException e) {
            throw fromServer(e);
        } catch (IOException e) {
            throw new SqlException(ServerMessage.error("58030", e.getMessage()), false, e);
        }
    }

    @Override
    public long copyOut(String sql, OutputStream out) throws SqlException {
        try {
            return new CopyManager(base).copyOut(sql, out);
        } catch (SQLException e) {
            throw fromServer(e);
        } catch (IOException e) {
            throw new SqlException(ServerMessage.error("58030", e.getMessage()), false, e);
        }
    }

    @Override
    public void cancel() {
        copyCanceled.set(true);
        try {
            base.cancelQuery();
        } catch (SQLException ignored) {
            // nothing was running, or the server is gone: both end the statement anyway
        }
    }

    @Override
    public TransactionStatus transactionStatus() {
        TransactionState state = base.getTransactionState();
        return switch (state) {
            case IDLE -> TransactionStatus.IDLE;
            case OPEN -> TransactionStatus.IN_TRANSACTION;
            case FAILED -> TransactionStatus.FAILED;
        };
    }

    @Override
    public boolean isClosed() {
        try {
            return connection.isClosed();
        } catch (SQLException e) {
            return true;
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // closing a broken connection has nothing left to release
        }
    }

    private boolean hasCitusMetadata() throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT to_regclass('pg_catalog.pg_dist_partition') IS NOT NULL");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() && rs.getBoolean(1);
        }
    }

    private String typeName(int oid) {
        try {
            String name = base.getTypeInfo().getPGType(oid);
            return name != null ? name : "oid " + oid;
        } catch (SQLException e) {
            return "oid " + oid;
        }
    }

    /**
     * pgjdbc gives up on a result past maxResultBuffer and drops the connection; a new one
     * takes its place, and the learner is told what was lost with it.
     */
    private SqlException tooLarge(SQLException e) {
        try {
            closeQuietly();
            Connection fresh = reopener.open();
            base = fresh.unwrap(BaseConnection.class);
            connection = fresh;
        } catch (SQLException reopenFailed) {
            return SqlException.connectionLost(reopenFailed);
        }
        return new SqlException(new ServerMessage("ERROR", "54000", "the result is larger than this Cloud Shell can hold ("
                + PgJdbcBackend.MAX_RESULT_BYTES + "B of rows)", "The session was reconnected: settings, temporary tables and "
                + "any open transaction were lost.", "Narrow the query down with WHERE or LIMIT.", 0, null, 0, null), false, e);
    }

    private void closeQuietly() {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // it is being replaced because it broke
        }
    }

    private SqlException fromServer(SQLException e) {
        ServerErrorMessage server = e instanceof PSQLException pe ? pe.getServerErrorMessage() : null;
        boolean lost = isClosed() || PSQLState.CONNECTION_FAILURE.getState().equals(e.getSQLState());
        if (server != null) {
            return new SqlException(message(server), lost || "FATAL".equals(server.getSeverity()), e);
        }
        if (lost) {
            return SqlException.connectionLost(e);
        }
        return new SqlException(ServerMessage.error(e.getSQLState(), e.getMessage()), false, e);
    }

    private SqlException fromLoader(LoadException e, String table) {
        if (copyCanceled.get()) {
            return new SqlException(ServerMessage.error("57014", CANCELED), false, e);
        }
        if (e.line() > 0) {
            String prefix = e.fileName() + ", line " + e.line() + (e.column() != null ? ", column " + e.column() : "") + ": ";
            String problem = e.getMessage().startsWith(prefix) ? e.getMessage().substring(prefix.length()) : e.getMessage();
            String context = "COPY " + table + ", line " + e.line() + (e.column() != null ? ", column " + e.column() : "");
            return new SqlException(new ServerMessage("ERROR", "22P02", problem, null, null, 0, null, 0, context), false, e);
        }
        return new SqlException(ServerMessage.error("XX000", e.getMessage()), false, e);
    }

    static ServerMessage message(ServerErrorMessage m) {
        return new ServerMessage(m.getSeverity() != null ? m.getSeverity() : "ERROR", m.getSQLState(), m.getMessage(),
                m.getDetail(), m.getHint(), m.getPosition(), m.getInternalQuery(), m.getInternalPosition(), m.getWhere());
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
                notices.accept(message(pw.getServerErrorMessage()));
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
