package io.hyperscalelab.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.postgresql.PGConnection;

/**
 * The PostgreSQL server that keeps the product's own state (accounts, lab progress, ...), as
 * opposed to the learners' server groups. One plain server under {@code <data>/state/}: its data
 * directory {@code pgdata/}, and {@code secret} (mode 600) with the passwords of its superuser
 * and of the role the app connects as, both generated here. It listens on a free loopback port
 * only and asks for a SCRAM password, like every node.
 *
 * <p>The first start runs initdb; later starts reuse the data, so nothing the app wrote is lost
 * across restarts. {@link #close()} stops the server (fast shutdown: committed data is on disk).
 */
public final class StateServer implements AutoCloseable {

    /** The database and the (non-superuser) role that own the product's tables. */
    public static final String DATABASE = "hyperscale";
    public static final String APP_ROLE = "hyperscale";

    private static final String SETTINGS = String.join("\n",
            "",
            "# Hyperscale Lab: the product's own state",
            "listen_addresses = '127.0.0.1'",
            "unix_socket_directories = ''",
            "max_connections = 40",
            "shared_buffers = 32MB",
            "log_min_messages = warning",
            "");

    private final PostgresServer server;
    private final int port;
    private final StateSecret secret;
    private final StateLock lock;

    private StateServer(PostgresServer server, int port, StateSecret secret, StateLock lock) {
        this.server = server;
        this.port = port;
        this.secret = secret;
        this.lock = lock;
    }

    /**
     * Starts the state server of a data directory, creating it on first use.
     *
     * @param dataDirectory the product's data directory (the same one the cluster uses)
     * @param serverUid     the unprivileged user the server runs as when the app is root
     */
    public static StateServer start(Path dataDirectory, int serverUid) {
        ServerUser user = new ServerUser(serverUid);
        Path root = dataDirectory.resolve("state");
        Path pgdata = root.resolve("pgdata");
        Path ready = root.resolve("ready");
        try {
            Files.createDirectories(root);
            Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException e) {
            throw new ClusterException("Cannot create " + root + ": " + e.getMessage(), e);
        }
        user.checkReachable(root);
        StateLock lock = StateLock.acquire(root);
        try {
            PostgresBinaries binaries = PostgresBinaries.install(dataDirectory);
            PostgresServer server = new PostgresServer(binaries, user, pgdata);
            int port = freePort();
            if (Files.exists(ready)) {
                checkMajorVersion(pgdata, binaries);
                // we hold the lock, so a running server was left by an app that died, on a port we do not know
                server.stop();
                server.start("-p " + port);
                return new StateServer(server, port, StateSecret.read(root.resolve("secret")), lock);
            }
            StateSecret secret = initialize(root, pgdata, binaries, user, server, port);
            try {
                Files.writeString(ready, binaries.version() + "\n");
            } catch (IOException e) {
                server.stop();
                throw new ClusterException("Cannot write " + ready + ": " + e.getMessage(), e);
            }
            return new StateServer(server, port, secret, lock);
        } catch (RuntimeException e) {
            lock.release();
            throw e;
        }
    }

    /** JDBC URL of the state database, for {@link #APP_ROLE}. */
    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    public String username() {
        return APP_ROLE;
    }

    public String password() {
        return secret.appPassword();
    }

    public int port() {
        return port;
    }

    /** The postmaster's process, for tests and measurements; empty when it is not running. */
    public java.util.Optional<ProcessHandle> process() {
        return server.isRunning() ? ProcessHandle.of(server.pid()) : java.util.Optional.empty();
    }

    @Override
    public void close() {
        try {
            server.stop();
        } finally {
            lock.release();
        }
    }

    /** Lets go of the data directory but leaves the server running, as an app that dies does. For tests. */
    void abandon() {
        lock.release();
    }

    // Runs initdb in place and leaves the server running. Without the "ready" marker written after
    // this, a half-done attempt (crash, full disk) is thrown away by the next start.
    private static StateSecret initialize(Path root, Path pgdata, PostgresBinaries binaries, ServerUser user,
                                          PostgresServer server, int port) {
        StateSecret secret = StateSecret.generate();
        Path passwordFile = root.resolve("initdb.pwfile");
        try {
            server.kill();
            PostgresBinaries.deleteTree(pgdata);
            secret.write(root.resolve("secret"));
            user.createOwnedDirectory(pgdata);
            Files.writeString(passwordFile, secret.superuserPassword() + "\n");
            Files.setPosixFilePermissions(passwordFile, PosixFilePermissions.fromString("rw-------"));
            user.handOver(passwordFile);
            user.run(List.of(binaries.bin("initdb").toString(), "-D", pgdata.toString(), "-U", NodeTemplates.SUPERUSER,
                    "--auth=scram-sha-256", "--pwfile=" + passwordFile, "-E", "UTF8", "--locale=C.UTF-8"), 120);
            Files.writeString(pgdata.resolve("postgresql.conf"), SETTINGS, StandardOpenOption.APPEND);
            Files.writeString(pgdata.resolve("pg_hba.conf"), PgHba.loopbackOnly());
        } catch (IOException e) {
            throw new ClusterException("Cannot create the state database in " + pgdata + ": " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(passwordFile);
            } catch (IOException ignored) {
                // initdb has read it; a leftover is removed by the next initialisation
            }
        }
        server.start("-p " + port);
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres",
                NodeTemplates.SUPERUSER, secret.superuserPassword());
             Statement s = c.createStatement()) {
            s.execute("CREATE ROLE " + APP_ROLE + " LOGIN");
            // pgjdbc hashes the password (SCRAM) before sending it, so it never reaches a server log
            c.unwrap(PGConnection.class).alterUserPassword(APP_ROLE, secret.appPassword().toCharArray(), "scram-sha-256");
            s.execute("CREATE DATABASE " + DATABASE + " OWNER " + APP_ROLE);
            s.execute("REVOKE CONNECT ON DATABASE postgres FROM PUBLIC");
        } catch (SQLException e) {
            server.kill();
            throw new ClusterException("Cannot prepare the state database: " + e.getMessage(), e);
        }
        return secret;
    }

    private static void checkMajorVersion(Path pgdata, PostgresBinaries binaries) {
        String written;
        try {
            written = Files.readString(pgdata.resolve("PG_VERSION")).strip();
        } catch (IOException e) {
            throw new ClusterException("The state database in " + pgdata + " is damaged (no PG_VERSION): " + e.getMessage(), e);
        }
        if (!written.equals(String.valueOf(binaries.majorVersion()))) {
            throw new ClusterException("The state database in " + pgdata + " was written by PostgreSQL " + written
                    + ", but this build runs PostgreSQL " + binaries.majorVersion() + ". Upgrade it with pg_upgrade, "
                    + "or point hyperscale.state.url at a PostgreSQL server of your own.");
        }
    }

    private static int freePort() {
        try {
            return NodeTemplates.freePort();
        } catch (IOException e) {
            throw new ClusterException("No free loopback port for the state database: " + e.getMessage(), e);
        }
    }
}
