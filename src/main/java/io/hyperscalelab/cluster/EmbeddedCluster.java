package io.hyperscalelab.cluster;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server groups this machine runs: each a coordinator and 2..20 workers, real PostgreSQL
 * processes on loopback ports, with Citus' SQL interface on the coordinator.
 *
 * <p>Groups are stored under the data directory and outlive the app: {@link #resumeGroups()}
 * starts again those that were running, {@link #close()} stops them without forgetting that.
 */
public class EmbeddedCluster implements AutoCloseable {

    public static final int MIN_WORKERS = 2;
    public static final int MAX_WORKERS = 20;
    private static final Logger log = LoggerFactory.getLogger(EmbeddedCluster.class);

    private final ClusterProperties properties;
    private final ServerUser user;
    private final PostgresBinaries binaries;
    private final NodeTemplates templates;
    private final ServerGroupStore store;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Map<String, ServerGroup> groups = new ConcurrentHashMap<>();
    /** Groups being created or deleted; their nodes report this status. */
    private final Map<String, NodeStatus> transitions = new ConcurrentHashMap<>();
    /** Groups still being created, so that their status can be followed. */
    private final Map<String, ServerGroup> provisioning = new ConcurrentHashMap<>();
    /** Ports promised to groups still being created. Guarded by {@code this}. */
    private final Set<Integer> reservedPorts = new HashSet<>();

    public EmbeddedCluster(ClusterProperties properties) {
        this.properties = properties;
        this.user = new ServerUser(properties.serverUid());
        Path dataDirectory = properties.dataDirectory();
        try {
            Files.createDirectories(dataDirectory);
            if (Files.getOwner(dataDirectory).getName().equals(System.getProperty("user.name"))) {
                Files.setPosixFilePermissions(dataDirectory, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        } catch (IOException e) {
            throw new ClusterException("Cannot create the data directory " + dataDirectory + ": " + e.getMessage(), e);
        }
        user.checkReachable(dataDirectory);
        this.binaries = PostgresBinaries.install(dataDirectory);
        this.templates = new NodeTemplates(binaries, user, properties);
        this.store = new ServerGroupStore(dataDirectory);
        store.loadAll().forEach(g -> groups.put(g.name(), g));
    }

    /** Starts the servers of every group that was running when the app last stopped. */
    public void resumeGroups() {
        for (ServerGroup group : groups.values()) {
            if (group.running()) {
                try {
                    startNodes(group);
                } catch (ClusterException e) {
                    log.warn("Server group {} needs attention: {}", group.name(), e.getMessage());
                }
            }
        }
    }

    /** Builds the node templates now rather than on the first create (a one-off ~2 s). */
    public void prepare() {
        templates.template(NodeRole.COORDINATOR);
    }

    public List<ServerGroup> groups() {
        return groups.values().stream().sorted(java.util.Comparator.comparing(ServerGroup::name)).toList();
    }

    public Optional<ServerGroup> group(String name) {
        return Optional.ofNullable(groups.get(name));
    }

    public int postgresMajorVersion() {
        return binaries.majorVersion();
    }

    /**
     * Provisions a group: copies the node templates, starts every node, sets the admin password
     * of role {@code citus} on all of them and registers the workers with the coordinator.
     * Fails with a clear message and leaves nothing behind.
     */
    public ServerGroup create(String name, int workerCount, String adminPassword) {
        ServerGroupName groupName = new ServerGroupName(name);
        if (workerCount < MIN_WORKERS || workerCount > MAX_WORKERS) {
            throw new ClusterException("A server group has " + MIN_WORKERS + " to " + MAX_WORKERS + " worker nodes, not "
                    + workerCount + ".");
        }
        AdminPassword.problem(adminPassword, AdminPassword.LOGIN).ifPresent(problem -> {
            throw new ClusterException(problem);
        });
        ServerGroup group = reserve(groupName, workerCount);
        try {
            provision(groupName, group, adminPassword);
            store.save(group);
            groups.put(group.name(), group);
            return group;
        } catch (RuntimeException e) {
            removeQuietly(groupName, group);
            throw new ClusterException("Server group " + name + " could not be created: " + e.getMessage(), e);
        } finally {
            synchronized (this) {
                group.nodes().forEach(n -> reservedPorts.remove(n.port()));
                provisioning.remove(group.name());
                transitions.remove(group.name());
            }
        }
    }

    public void start(String name) {
        ServerGroup group = existing(name).withRunning(true);
        store.save(group);
        groups.put(name, group);
        startNodes(group);
    }

    public void stop(String name) {
        ServerGroup group = existing(name).withRunning(false);
        store.save(group);
        groups.put(name, group);
        forEachNode(group, node -> server(group, node).stop());
    }

    /** Stops the group's servers and removes its data. */
    public void delete(String name) {
        ServerGroup group = existing(name);
        if (transitions.putIfAbsent(name, NodeStatus.DROPPING) != null) {
            throw new ClusterException("Server group " + name + " is already being " + transitions.get(name).label().toLowerCase() + ".");
        }
        try {
            forEachNode(group, node -> server(group, node).kill());
            store.delete(new ServerGroupName(name));
            groups.remove(name);
        } finally {
            transitions.remove(name);
        }
    }

    /** Each node's status, in the order coordinator, w0, w1, ... */
    public Map<ServerGroupNode, NodeStatus> status(String name) {
        ServerGroup pending = provisioning.get(name);
        ServerGroup group = pending != null ? pending : existing(name);
        NodeStatus transition = transitions.get(name);
        Map<ServerGroupNode, NodeStatus> result = new LinkedHashMap<>();
        for (ServerGroupNode node : group.nodes()) {
            NodeStatus status;
            if (transition != null) {
                status = transition;
            } else if (server(group, node).isRunning()) {
                status = NodeStatus.AVAILABLE;
            } else {
                status = group.running() ? NodeStatus.NEED_ATTENTION : NodeStatus.DISABLED;
            }
            result.put(node, status);
        }
        return result;
    }

    /** JDBC URL of the group's coordinator database, for the admin role {@code citus}. */
    public String jdbcUrl(String name) {
        return "jdbc:postgresql://127.0.0.1:" + existing(name).coordinator().port() + "/" + NodeTemplates.DATABASE;
    }

    /** A superuser connection to one node, for the product's own work (never for learners' SQL). */
    public Connection superuserConnection(String name, ServerGroupNode node) throws SQLException {
        ServerGroup group = existing(name);
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + node.port() + "/" + NodeTemplates.DATABASE,
                NodeTemplates.SUPERUSER, store.secret(new ServerGroupName(group.name())));
    }

    /** The postmaster process of a node, for measurements; empty when it is not running. */
    public Optional<ProcessHandle> process(String name, ServerGroupNode node) {
        PostgresServer server = server(existing(name), node);
        return server.isRunning() ? ProcessHandle.of(server.pid()) : Optional.empty();
    }

    /** Stops every server; groups stay marked running, so the next start resumes them. */
    @Override
    public void close() {
        for (ServerGroup group : groups.values()) {
            try {
                forEachNode(group, node -> server(group, node).stop());
            } catch (ClusterException e) {
                log.warn("Could not stop server group {}: {}", group.name(), e.getMessage());
            }
        }
        executor.shutdown();
    }

    private synchronized ServerGroup reserve(ServerGroupName name, int workerCount) {
        if (groups.containsKey(name.value()) || transitions.containsKey(name.value()) || Files.exists(store.directory(name))) {
            throw new ClusterException("A server group named " + name + " already exists.");
        }
        List<Integer> ports = allocatePorts(workerCount + 1);
        List<ServerGroupNode> nodes = new ArrayList<>();
        nodes.add(new ServerGroupNode(name + "-c", NodeRole.COORDINATOR, ports.get(0)));
        for (int i = 0; i < workerCount; i++) {
            nodes.add(new ServerGroupNode(name + "-w" + i, NodeRole.WORKER, ports.get(i + 1)));
        }
        reservedPorts.addAll(ports);
        transitions.put(name.value(), NodeStatus.PROVISIONING);
        ServerGroup group = new ServerGroup(name.value(), nodes, binaries.version(), Instant.now(), true);
        provisioning.put(name.value(), group);
        return group;
    }

    // Ports of stored groups stay theirs even while stopped, so connection strings keep working.
    private List<Integer> allocatePorts(int count) {
        Set<Integer> taken = new HashSet<>(reservedPorts);
        groups.values().forEach(g -> g.nodes().forEach(n -> taken.add(n.port())));
        List<Integer> ports = new ArrayList<>();
        for (int port = properties.firstPort(); port <= properties.lastPort() && ports.size() < count; port++) {
            if (!taken.contains(port) && isFree(port)) {
                ports.add(port);
            }
        }
        if (ports.size() < count) {
            throw new ClusterException("No free ports left in " + properties.firstPort() + "-" + properties.lastPort()
                    + " for " + count + " nodes: delete a server group or widen hyperscale.cluster.first-port/last-port.");
        }
        return ports;
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private void provision(ServerGroupName name, ServerGroup group, String adminPassword) {
        String superuserPassword = Passwords.generate();
        try {
            Files.createDirectories(store.directory(name));
        } catch (IOException e) {
            throw new ClusterException("Cannot create " + store.directory(name) + ": " + e.getMessage(), e);
        }
        store.saveSecret(name, superuserPassword);
        String templatePassword = templates.templatePassword();
        forEachNode(group, node -> {
            Path dataDirectory = store.dataDirectory(name, node);
            try {
                user.createOwnedDirectory(dataDirectory);
                user.run(List.of("cp", "-a", templates.template(node.role()) + "/.", dataDirectory.toString()), 120);
                Files.writeString(dataDirectory.resolve("postgresql.conf"), "port = " + node.port() + "\n",
                        StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new ClusterException("Node " + node.name() + " could not be created: " + e.getMessage(), e);
            }
            server(group, node).start();
            setPasswords(node, templatePassword, superuserPassword, adminPassword);
        });
        try (Connection c = nodeConnection(group.coordinator(), superuserPassword)) {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO citus_internal.worker_credentials VALUES (?, ?)")) {
                insert.setString(1, NodeTemplates.ADMIN_USER);
                insert.setString(2, adminPassword);
                insert.execute();
            }
            for (ServerGroupNode worker : group.workers()) {
                try (PreparedStatement add = c.prepareStatement("SELECT citus_add_node(?, ?)")) {
                    add.setString(1, worker.host());
                    add.setInt(2, worker.port());
                    add.execute();
                }
            }
        } catch (SQLException e) {
            throw new ClusterException("The workers could not be added to the coordinator: " + e.getMessage(), e);
        }
    }

    // pgjdbc hashes the password (SCRAM) before sending it, so it never appears in a server log.
    private void setPasswords(ServerGroupNode node, String templatePassword, String superuserPassword, String adminPassword) {
        try (Connection c = nodeConnection(node, templatePassword)) {
            PGConnection pg = c.unwrap(PGConnection.class);
            pg.alterUserPassword(NodeTemplates.ADMIN_USER, adminPassword.toCharArray(), "scram-sha-256");
            pg.alterUserPassword(NodeTemplates.SUPERUSER, superuserPassword.toCharArray(), "scram-sha-256");
        } catch (SQLException e) {
            throw new ClusterException("Node " + node.name() + " did not accept its passwords: " + e.getMessage(), e);
        }
    }

    private static Connection nodeConnection(ServerGroupNode node, String superuserPassword) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + node.port() + "/" + NodeTemplates.DATABASE,
                NodeTemplates.SUPERUSER, superuserPassword);
    }

    private void startNodes(ServerGroup group) {
        forEachNode(group, node -> {
            PostgresServer server = server(group, node);
            if (!server.isRunning()) {
                server.start();
            }
        });
    }

    private void removeQuietly(ServerGroupName name, ServerGroup group) {
        for (ServerGroupNode node : group.nodes()) {
            try {
                server(group, node).kill();
            } catch (RuntimeException e) {
                log.warn("Could not stop node {} of the failed group {}: {}", node.name(), name, e.getMessage());
            }
        }
        try {
            store.delete(name);
        } catch (RuntimeException e) {
            log.warn("Could not remove the files of the failed group {}: {}", name, e.getMessage());
        }
    }

    private ServerGroup existing(String name) {
        ServerGroup group = groups.get(name);
        if (group == null) {
            throw new ClusterException("There is no server group named " + name + ".");
        }
        return group;
    }

    private PostgresServer server(ServerGroup group, ServerGroupNode node) {
        return new PostgresServer(binaries, user, store.dataDirectory(new ServerGroupName(group.name()), node));
    }

    /** Runs an action on all nodes at once; the first failure is rethrown after all have ended. */
    private void forEachNode(ServerGroup group, NodeAction action) {
        List<Future<?>> futures = new ArrayList<>();
        for (ServerGroupNode node : group.nodes()) {
            futures.add(executor.submit(() -> {
                action.run(node);
                return null;
            }));
        }
        RuntimeException failure = null;
        for (Future<?> future : futures) {
            try {
                future.get();
            } catch (ExecutionException e) {
                if (failure == null) {
                    failure = e.getCause() instanceof RuntimeException re ? re : new ClusterException(e.getCause().getMessage(), e.getCause());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ClusterException("Interrupted while working on server group " + group.name(), e);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    @FunctionalInterface
    private interface NodeAction {
        void run(ServerGroupNode node);
    }
}
