package io.hyperscalelab.psql;

import io.hyperscalelab.load.ShardedLoader;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.net.SocketTimeoutException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * psql's connections to a PostgreSQL server over pgjdbc, from the Cloud Shell's own address (so
 * that the server's firewall rules, in pg_hba.conf, see the shell as the client they allow or
 * refuse), with libpq's connection errors; statements go straight to the server or along the
 * {@link StatementRoute} given.
 */
public final class PgJdbcBackend implements SqlBackend {

    private static final int CONNECT_TIMEOUT_SECONDS = 10;
    /** The most row data one statement may return (pgjdbc's maxResultBuffer). */
    static final String MAX_RESULT_BYTES = "64M";
    private static final String REFUSED = "Connection refused\n\tIs the server running on that host and accepting TCP/IP connections?";

    private final HostDirectory hosts;
    private final String localAddress;
    private final StatementRoute.Opener routes;

    /**
     * Statements straight to the server.
     *
     * @param localAddress the address connections come from, e.g. {@code 127.0.0.3}; null for any
     */
    public PgJdbcBackend(HostDirectory hosts, String localAddress) {
        this(hosts, localAddress, (connection, request) -> StatementRoute.direct(connection));
    }

    /** Statements along the route {@code routes} opens for each connection. */
    public PgJdbcBackend(HostDirectory hosts, String localAddress, StatementRoute.Opener routes) {
        this.hosts = hosts;
        this.localAddress = localAddress;
        this.routes = routes;
    }

    @Override
    public SqlConnection connect(ConnectionRequest request) throws ConnectionFailedException, PasswordRequiredException {
        Optional<InetSocketAddress> resolved = hosts.resolve(request.host(), request.port());
        if (resolved.isEmpty()) {
            if (isAddress(request.host())) {
                // an address the directory keeps closed looks like one where nothing listens
                throw new ConnectionFailedException("connection to server at \"" + request.host() + "\", port " + request.port()
                        + " failed: " + REFUSED);
            }
            throw new ConnectionFailedException("could not translate host name \"" + request.host()
                    + "\" to address: Name or service not known");
        }
        InetSocketAddress endpoint = resolved.get();
        String target = "connection to server at \"" + request.host() + "\""
                + (endpoint.getHostString().equals(request.host()) ? "" : " (" + endpoint.getHostString() + ")")
                + ", port " + request.port() + " failed: ";
        Properties properties = properties(request);
        String url = "jdbc:postgresql://" + jdbcHost(endpoint.getHostString()) + ":" + endpoint.getPort() + "/"
                + URLEncoder.encode(request.database(), StandardCharsets.UTF_8);
        Connection connection;
        try {
            connection = DriverManager.getConnection(url, properties);
        } catch (PSQLException e) {
            throw failure(e, target, request);
        } catch (SQLException e) {
            throw new ConnectionFailedException(target + e.getMessage(), e);
        }
        try {
            return new PgJdbcConnection(connection, request, loader(request), () -> DriverManager.getConnection(url, properties),
                    routes);
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new ConnectionFailedException(target + e.getMessage(), e);
        }
    }

    private Properties properties(ConnectionRequest request) {
        Properties p = new Properties();
        p.setProperty("user", request.user());
        if (request.password() != null) {
            p.setProperty("password", request.password());
        }
        p.setProperty("sslmode", request.sslMode());
        p.setProperty("ApplicationName", request.applicationName());
        p.setProperty("connectTimeout", String.valueOf(CONNECT_TIMEOUT_SECONDS));
        p.setProperty("tcpKeepAlive", "true");
        // psql reads every value as text; so does this session, whatever the driver prefers
        p.setProperty("preferQueryMode", "simple");
        if (localAddress != null) {
            p.setProperty("localSocketAddress", localAddress);
        }
        // psql would page through any result; here the rows live in the server's memory, so a
        // learner's SELECT * of a large table must stop at a bound rather than take the app down
        p.setProperty("maxResultBuffer", MAX_RESULT_BYTES);
        return p;
    }

    /**
     * The loader opens one connection per shard, as the same user. Those go to the workers, which
     * only the coordinator and the product reach, from the product's own loopback address and
     * without TLS: the shell's address and the learner's {@code sslmode=require}, right for the
     * coordinator, would both be refused there. The workers' addresses come from the
     * coordinator's metadata, which the learner cannot change.
     */
    private ShardedLoader loader(ConnectionRequest request) {
        return new ShardedLoader((host, port) -> {
            Properties p = properties(request);
            p.remove("localSocketAddress");
            p.setProperty("sslmode", "prefer");
            return DriverManager.getConnection("jdbc:postgresql://" + jdbcHost(host) + ":" + port + "/"
                    + URLEncoder.encode(request.database(), StandardCharsets.UTF_8), p);
        });
    }

    private static boolean isAddress(String host) {
        return host.matches("\\d{1,3}(\\.\\d{1,3}){3}") || host.contains(":");
    }

    private static String jdbcHost(String host) {
        return host.contains(":") ? "[" + host + "]" : host;
    }

    private static ConnectionFailedException failure(PSQLException e, String target, ConnectionRequest request)
            throws PasswordRequiredException {
        ServerErrorMessage server = e.getServerErrorMessage();
        if (server != null) {
            return new ConnectionFailedException(target + server.getSeverity() + ":  " + server.getMessage(), e);
        }
        String message = String.valueOf(e.getMessage());
        if (message.contains("no password was provided") || message.contains("password-based authentication")
                && request.password() == null) {
            throw new PasswordRequiredException();
        }
        if (message.contains("does not support SSL")) {
            return new ConnectionFailedException(target + "server does not support SSL, but SSL was required", e);
        }
        Throwable cause = e.getCause();
        if (cause instanceof ConnectException) {
            return new ConnectionFailedException(target + REFUSED, e);
        }
        if (cause instanceof SocketTimeoutException) {
            return new ConnectionFailedException(target + "timeout expired", e);
        }
        return new ConnectionFailedException(target + message, e);
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // the connection was never handed out
        }
    }
}
