package io.hyperscalelab.psql;

/** The connection could not be made; the message is libpq's (psql prefixes it with "psql: error: "). */
public class ConnectionFailedException extends Exception {

    public ConnectionFailedException(String message) {
        super(message);
    }

    public ConnectionFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
