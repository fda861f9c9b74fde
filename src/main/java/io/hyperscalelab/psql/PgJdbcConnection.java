package io.hyperscalelab.psql;

import io.hyperscalelab.load.LoadException;
import io.hyperscalelab.load.LoadProgress;
import io.hyperscalelab.load.ShardedLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.TransactionState;

/**
 * A pgjdbc session used the way psql uses libpq. Statements go along its {@link StatementRoute};
 * {@code \copy}, the transaction status and a reconnection after an oversized result are its own.
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
    private final StatementRoute.Opener routes;
    private final ConnectionRequest request;
    private volatile Connection connection;
    private volatile BaseConnection base;
    private volatile StatementRoute route;
    private final ShardedLoader loader;
    private final ServerInfo server;
    private final AtomicBoolean copyCanceled = new AtomicBoolean();

    PgJdbcConnection(Connection connection, ConnectionRequest request, ShardedLoader loader, Reopener reopener,
                     StatementRoute.Opener routes) throws SQLException {
        this.reopener = reopener;
        this.routes = routes;
        this.request = request;
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
        this.route = routes.open(connection, request);
    }

    @Override
    public ServerInfo server() {
        return server;
    }

    @Override
    public List<SqlResult> execute(String sql, Consumer<ServerMessage> notices) throws SqlException {
        try {
            return route.execute(sql, notices);
        } catch (SqlException e) {
            if (mentions(e, TOO_LARGE)) {
                throw tooLarge(e);
            }
            throw e;
        }
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
            throw SqlErrors.fromServer(e, connection);
        } catch (IOException e) {
            throw new SqlException(ServerMessage.error("58030", e.getMessage()), false, e);
        }
    }

    @Override
    public long copyOut(String sql, OutputStream out) throws SqlException {
        try {
            return new CopyManager(base).copyOut(sql, out);
        } catch (SQLException e) {
            throw SqlErrors.fromServer(e, connection);
        } catch (IOException e) {
            throw new SqlException(ServerMessage.error("58030", e.getMessage()), false, e);
        }
    }

    @Override
    public void cancel() {
        copyCanceled.set(true);
        route.cancel();
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
        return SqlErrors.isClosed(connection);
    }

    @Override
    public void close() {
        route.close();
        closeQuietly();
    }

    private boolean hasCitusMetadata() throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT to_regclass('pg_catalog.pg_dist_partition') IS NOT NULL");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() && rs.getBoolean(1);
        }
    }

    private static boolean mentions(Throwable e, String text) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (String.valueOf(t.getMessage()).contains(text)) {
                return true;
            }
        }
        return false;
    }

    /**
     * pgjdbc gives up on a result past maxResultBuffer and drops the connection; a new one
     * takes its place, and the learner is told what was lost with it.
     */
    private SqlException tooLarge(SqlException e) {
        try {
            route.close();
            closeQuietly();
            Connection fresh = reopener.open();
            base = fresh.unwrap(BaseConnection.class);
            connection = fresh;
            route = routes.open(fresh, request);
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
            // closing a broken connection has nothing left to release
        }
    }

    private SqlException fromLoader(LoadException e, String table) {
        if (copyCanceled.get()) {
            return new SqlException(ServerMessage.error("57014", CANCELED), false, e);
        }
        if (e.line() > 0) {
            String prefix = e.fileName() + ", line " + e.line() + (e.column() != null ? ", column " + e.column() : "") + ": ";
            String problem = e.getMessage().startsWith(prefix) ? e.getMessage().substring(prefix.length()) : e.getMessage();
            // psql's CONTEXT line, naming the learner's file too: the line is that file's, not a shard's
            String context = "COPY " + table + " from '" + e.fileName() + "', line " + e.line()
                    + (e.column() != null ? ", column " + e.column() : "");
            return new SqlException(new ServerMessage("ERROR", "22P02", problem, null, null, 0, null, 0, context), false, e);
        }
        return new SqlException(ServerMessage.error("XX000", e.getMessage()), false, e);
    }
}
