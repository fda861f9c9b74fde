package io.hyperscalelab.psql;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Consumer;

/**
 * Where the statements of one psql connection go once it is open: straight to the server
 * ({@link #direct}), or through another engine that uses the same connection (a distributed
 * executor), so that everything else psql does on it ({@code \copy}, the transaction status in the
 * prompt) stays in the same server session.
 */
public interface StatementRoute {

    /** The contract of {@link SqlConnection#execute}. */
    List<SqlResult> execute(String sql, Consumer<ServerMessage> notices) throws SqlException;

    /** Cancels the running statement wherever it runs; returns at once. */
    void cancel();

    /** Releases what the route holds besides the connection, which its owner closes. */
    void close();

    /** Opens the route of each new connection, including one opened again after a reset. */
    @FunctionalInterface
    interface Opener {
        StatementRoute open(Connection connection, ConnectionRequest request) throws SQLException;
    }

    /** Each statement as one simple query on the connection, as psql sends it. */
    static StatementRoute direct(Connection connection) throws SQLException {
        return new DirectRoute(connection);
    }
}
