package io.hyperscalelab.psql;

/** A connection string libpq would refuse; the message is libpq's own text. */
public class ConnectionStringException extends Exception {

    public ConnectionStringException(String message) {
        super(message);
    }
}
