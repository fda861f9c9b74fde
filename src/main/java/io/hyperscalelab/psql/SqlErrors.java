package io.hyperscalelab.psql;

import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;
import org.postgresql.util.ServerErrorMessage;

/** pgjdbc's exceptions as psql reports them: the server's message, or a lost connection. */
final class SqlErrors {

    private SqlErrors() {
    }

    static SqlException fromServer(SQLException e, Connection connection) {
        ServerErrorMessage server = e instanceof PSQLException pe ? pe.getServerErrorMessage() : null;
        boolean lost = isClosed(connection) || PSQLState.CONNECTION_FAILURE.getState().equals(e.getSQLState());
        if (server != null) {
            return new SqlException(ServerMessage.from(server), lost || "FATAL".equals(server.getSeverity()), e);
        }
        if (lost) {
            return SqlException.connectionLost(e);
        }
        return new SqlException(ServerMessage.error(e.getSQLState(), e.getMessage()), false, e);
    }

    static boolean isClosed(Connection connection) {
        try {
            return connection.isClosed();
        } catch (SQLException e) {
            return true;
        }
    }
}
