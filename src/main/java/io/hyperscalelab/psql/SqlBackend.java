package io.hyperscalelab.psql;

/**
 * Where psql's statements go. {@link PgJdbcBackend} talks to a PostgreSQL server; another
 * implementation may route statements through a distributed executor, as long as it keeps the
 * contracts of {@link SqlConnection}.
 */
public interface SqlBackend {

    /**
     * Opens a session for {@code request}.
     *
     * @throws PasswordRequiredException when the server asks for a password and the request has none
     * @throws ConnectionFailedException with libpq's message, e.g. {@code connection to server at
     *                                   "127.0.0.1", port 5432 failed: FATAL:  password authentication failed for user "citus"}
     */
    SqlConnection connect(ConnectionRequest request) throws ConnectionFailedException, PasswordRequiredException;
}
