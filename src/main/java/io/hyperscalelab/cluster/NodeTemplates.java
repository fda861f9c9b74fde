package io.hyperscalelab.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;

/**
 * Ready-made data directories for a coordinator and for a worker: initdb, the roles, the
 * citus database and the extensions, done once. A new node is a copy of one (cp -a is about
 * twice as fast as initdb) plus its port and passwords. Templates are keyed by the binaries'
 * version and the extension scripts, so a change to either builds fresh ones. Each PostgreSQL
 * major version has its own.
 */
final class NodeTemplates {

    static final String DATABASE = ServerGroup.DATABASE;
    static final String ADMIN_USER = ServerGroup.ADMIN_USERNAME;
    static final String SUPERUSER = "postgres";

    private final PostgresBinaries binaries;
    private final ServerUser user;
    private final ClusterProperties properties;
    private final Path root;
    private boolean outdatedRemoved;

    NodeTemplates(PostgresBinaries binaries, ServerUser user, ClusterProperties properties) {
        this.binaries = binaries;
        this.user = user;
        this.properties = properties;
        this.root = properties.dataDirectory().resolve("templates").resolve(key(binaries));
    }

    /** The template data directory for a role, building both templates on first use. */
    synchronized Path template(NodeRole role) {
        if (!Files.exists(root.resolve("ready"))) {
            build();
        }
        if (!outdatedRemoved) {
            removeOutdatedTemplates();
            outdatedRemoved = true;
        }
        return root.resolve(role.name().toLowerCase());
    }

    /** The superuser password every node has until its group gives it its own. */
    synchronized String templatePassword() {
        template(NodeRole.COORDINATOR);
        try {
            return Files.readString(root.resolve("superuser.secret")).strip();
        } catch (IOException e) {
            throw new ClusterException("Cannot read the node template password: " + e.getMessage(), e);
        }
    }

    /** Settings every node shares; each node adds its own port. */
    String configuration() {
        return String.join("\n",
                "",
                "# Hyperscale Lab",
                "listen_addresses = '127.0.0.1'",
                "unix_socket_directories = ''",
                "shared_buffers = " + properties.sharedBuffers(),
                "max_connections = " + properties.maxConnections(),
                "max_prepared_transactions = " + properties.maxConnections(),
                "work_mem = 16MB",
                "maintenance_work_mem = 64MB",
                "max_wal_size = 1GB",
                "synchronous_commit = off",
                "jit = off",
                "log_min_messages = warning",
                "citus.shard_count = 32",
                "citus.explain_all_tasks = off",
                "");
    }

    private void build() {
        Path staging = root.resolveSibling(root.getFileName() + ".building");
        try {
            PostgresBinaries.deleteTree(staging);
            Files.createDirectories(staging);
            user.handOver(staging);
            String password = Passwords.generate();
            Path passwordFile = staging.resolve("pwfile");
            Files.writeString(passwordFile, password + "\n");
            Files.setPosixFilePermissions(passwordFile, PosixFilePermissions.fromString("rw-------"));
            user.handOver(passwordFile);
            for (NodeRole role : NodeRole.values()) {
                buildOne(staging.resolve(role.name().toLowerCase()), passwordFile, password, role);
            }
            Files.delete(passwordFile);
            Path secret = staging.resolve("superuser.secret");
            Files.writeString(secret, password);
            Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
            Files.writeString(staging.resolve("ready"), binaries.version());
            PostgresBinaries.deleteTree(root);
            Files.move(staging, root, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new ClusterException("Cannot build the node templates in " + staging + ": " + e.getMessage(), e);
        }
    }

    // Templates of older binaries or extension scripts of this major version are never used
    // again (groups are copies); other major versions' templates are theirs to keep.
    private void removeOutdatedTemplates() {
        String sameMajor = "pg" + binaries.majorVersion() + ".";
        try (var siblings = Files.list(root.getParent())) {
            for (Path other : (Iterable<Path>) siblings::iterator) {
                if (!other.equals(root) && other.getFileName().toString().startsWith(sameMajor)) {
                    PostgresBinaries.deleteTree(other);
                }
            }
        } catch (IOException e) {
            throw new ClusterException("Cannot remove outdated node templates: " + e.getMessage(), e);
        }
    }

    private void buildOne(Path dataDir, Path passwordFile, String password, NodeRole role) throws IOException {
        user.run(List.of(binaries.bin("initdb").toString(), "-D", dataDir.toString(), "-U", SUPERUSER,
                "--auth=scram-sha-256", "--pwfile=" + passwordFile, "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"), 120);
        Files.writeString(dataDir.resolve("postgresql.conf"), configuration(), java.nio.file.StandardOpenOption.APPEND);
        Files.writeString(dataDir.resolve("pg_hba.conf"), PgHba.loopbackOnly());
        PostgresServer server = new PostgresServer(binaries, user, dataDir);
        int port = startOnFreePort(server);
        try {
            String url = "jdbc:postgresql://127.0.0.1:" + port + "/";
            try (Connection c = DriverManager.getConnection(url + "postgres", SUPERUSER, password);
                 Statement s = c.createStatement()) {
                s.execute("CREATE ROLE " + ADMIN_USER + " LOGIN CREATEDB CREATEROLE PASSWORD '" + Passwords.generate() + "'");
                s.execute("CREATE DATABASE " + DATABASE + " OWNER " + ADMIN_USER);
            }
            try (Connection c = DriverManager.getConnection(url + DATABASE, SUPERUSER, password);
                 Statement s = c.createStatement()) {
                s.execute(sql(role == NodeRole.COORDINATOR ? "coordinator-setup.sql" : "worker-setup.sql"));
            }
        } catch (SQLException e) {
            throw new ClusterException("Cannot prepare the " + role.name().toLowerCase() + " template: " + e.getMessage(), e);
        } finally {
            server.stop();
        }
        Files.deleteIfExists(dataDir.resolve("server.log"));
    }

    private static String sql(String resource) throws IOException {
        try (InputStream in = NodeTemplates.class.getResourceAsStream("/citus/" + resource)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    // The port is the OS's pick and free a moment before the server binds it; another process may take it in between.
    private static int startOnFreePort(PostgresServer server) throws IOException {
        for (int attempt = 1; ; attempt++) {
            int port = freePort();
            try {
                server.start("-p " + port);
                return port;
            } catch (PortInUseException e) {
                if (attempt == EmbeddedCluster.PORT_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String key(PostgresBinaries binaries) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(binaries.version().getBytes());
            for (String resource : List.of("citus--12.1-1.sql", "citus_worker--1.0.sql", "coordinator-setup.sql",
                    "worker-setup.sql")) {
                digest.update(sql(resource).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            digest.update(PgHba.loopbackOnly().getBytes());
            return "pg" + binaries.version() + "-" + HexFormat.of().formatHex(digest.digest()).substring(0, 12);
        } catch (Exception e) {
            throw new IllegalStateException("cannot fingerprint the node templates", e);
        }
    }
}
