package io.hyperscalelab.cluster;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;

/**
 * One plain PostgreSQL server of the same version as the cluster's nodes: the reference that
 * differential tests and benchmarks compare a server group with.
 */
public final class PlainPostgres implements AutoCloseable {

    private final PostgresServer server;
    private final int port;
    private final String password;

    private PlainPostgres(PostgresServer server, int port, String password) {
        this.server = server;
        this.port = port;
        this.password = password;
    }

    /**
     * Starts a copy of the worker node template (initdb done, database citus, no coordinator
     * logic) under {@code <data>/<name>}, on a port of its own, reached as its superuser.
     */
    public static PlainPostgres start(ClusterProperties properties, String name) throws Exception {
        ServerUser user = new ServerUser(properties.serverUid());
        PostgresBinaries binaries = PostgresBinaries.install(properties.dataDirectory());
        NodeTemplates templates = new NodeTemplates(binaries, user, properties);
        Path dataDirectory = properties.dataDirectory().resolve(name);
        user.createOwnedDirectory(dataDirectory);
        user.run(List.of("cp", "-a", templates.template(NodeRole.WORKER) + "/.", dataDirectory.toString()), 120);
        int port = NodeTemplates.freePort();
        Files.writeString(dataDirectory.resolve("postgresql.conf"), "port = " + port + "\n", StandardOpenOption.APPEND);
        PostgresServer server = new PostgresServer(binaries, user, dataDirectory);
        server.start();
        return new PlainPostgres(server, port, templates.templatePassword());
    }

    /** The loopback port it listens on, for clients other than JDBC (psql). */
    public int port() {
        return port;
    }

    /** The superuser's password, for clients that take a URL and credentials. */
    public String password() {
        return password;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + NodeTemplates.DATABASE,
                NodeTemplates.SUPERUSER, password);
    }

    /** Stops the server and deletes its data (tens of MB per run otherwise). */
    @Override
    public void close() throws Exception {
        server.stop();
        PostgresBinaries.deleteTree(server.dataDirectory());
    }

    /**
     * Milliseconds for initdb plus a started server, the way one would set up a single node.
     * It listens on a socket in its own directory only, so trust authentication exposes nothing.
     */
    public static double initdbAndStartMillis(Path dataDirectory, ClusterProperties properties) throws Exception {
        ServerUser user = new ServerUser(properties.serverUid());
        PostgresBinaries binaries = PostgresBinaries.install(properties.dataDirectory());
        user.createOwnedDirectory(dataDirectory);
        long start = System.nanoTime();
        user.run(List.of(binaries.bin("initdb").toString(), "-D", dataDirectory.toString(), "-U", "postgres",
                "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"), 120);
        PostgresServer server = new PostgresServer(binaries, user, dataDirectory);
        server.start("-p " + NodeTemplates.freePort() + " -c listen_addresses='' -c unix_socket_directories='"
                + dataDirectory + "'");
        double millis = (System.nanoTime() - start) / 1e6;
        server.kill();
        PostgresBinaries.deleteTree(dataDirectory);
        return millis;
    }
}
