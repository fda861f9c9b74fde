package io.hyperscalelab.psql;

import java.util.Optional;

/**
 * A statement failed. {@link #connectionLost()} says the session is gone (server stopped,
 * backend terminated, group deleted), which psql reports differently from an ordinary error;
 * a lost connection may come without any message from the server.
 */
public class SqlException extends Exception {

    private final ServerMessage serverMessage;
    private final boolean connectionLost;

    public SqlException(ServerMessage serverMessage, boolean connectionLost, Throwable cause) {
        super(serverMessage != null ? serverMessage.message() : "the connection to the server was lost", cause);
        this.serverMessage = serverMessage;
        this.connectionLost = connectionLost;
    }

    /** The connection broke without a word from the server. */
    public static SqlException connectionLost(Throwable cause) {
        return new SqlException(null, true, cause);
    }

    public Optional<ServerMessage> serverMessage() {
        return Optional.ofNullable(serverMessage);
    }

    public boolean connectionLost() {
        return connectionLost;
    }
}
