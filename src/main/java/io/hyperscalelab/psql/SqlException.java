package io.hyperscalelab.psql;

/**
 * A statement failed. {@link #connectionLost()} says the session is gone (server stopped,
 * group deleted), which psql reports differently from an ordinary error.
 */
public class SqlException extends Exception {

    private final ServerMessage serverMessage;
    private final boolean connectionLost;

    public SqlException(ServerMessage serverMessage, boolean connectionLost, Throwable cause) {
        super(serverMessage.message(), cause);
        this.serverMessage = serverMessage;
        this.connectionLost = connectionLost;
    }

    public ServerMessage serverMessage() {
        return serverMessage;
    }

    public boolean connectionLost() {
        return connectionLost;
    }
}
