package io.hyperscalelab.psql;

/**
 * The libpq parameters a backend needs, after psql's defaults were applied.
 *
 * @param host     as the user wrote it (a host name or an address)
 * @param password null when none was given; the backend then reports {@link PasswordRequiredException}
 * @param sslMode  libpq's: disable, allow, prefer, require, verify-ca, verify-full
 */
public record ConnectionRequest(String host, int port, String database, String user, String password,
                                String sslMode, String applicationName) {

    public ConnectionRequest withPassword(String newPassword) {
        return new ConnectionRequest(host, port, database, user, newPassword, sslMode, applicationName);
    }

    @Override
    public String toString() {
        return "ConnectionRequest[host=" + host + ", port=" + port + ", database=" + database + ", user=" + user
                + ", sslMode=" + sslMode + "]";
    }
}
