package io.hyperscalelab.cluster;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Properties;
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
 *
 * <p>A coordinator speaks TLS and sits behind its group's {@link Firewall}; {@link SourceAddresses}
 * says which loopback address stands for the learner's machine, the Cloud Shell and the portal's
 * own services.
 */
public class EmbeddedCluster implements ServerGroups, AutoCloseable {

    /** How many ports a new node tries when other processes take them as it starts. */
    static final int PORT_ATTEMPTS = 5;
    private static final String PORT_SETTING = "port = ";
    private static final Logger log = LoggerFactory.getLogger(EmbeddedCluster.class);

    private final ClusterProperties properties;
    private final ServerUser user;
    private final PostgresVersions versions;
    private final CoordinatorAccess coordinatorAccess;
    private final CatalogReader catalogReader = new CatalogReader();
    private final ServerGroupStore store;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Map<String, ServerGroup> groups = new ConcurrentHashMap<>();
    /** Groups being created or deleted; their nodes report this status. */
    private final Map<String, NodeStatus> transitions = new ConcurrentHashMap<>();
    /** Groups still being created, so that their nodes can be followed; their ports are promised to them. */
    private final Map<String, Provisioning> provisioning = new ConcurrentHashMap<>();
    /** One lock per group: changes to a stored group (start, stop, firewall, password) take turns. */
    private final Map<String, Object> groupLocks = new ConcurrentHashMap<>();
    private final ServerGroupActivity activity = new ServerGroupActivity(Clock.systemUTC());
    /** Groups stopped because nobody used them; the next action starts them again. */
    private final Set<String> idleStopped = ConcurrentHashMap.newKeySet();
    /** What answers on the coordinator port of a group stopped for idleness. */
    private final Map<String, StoppedCoordinatorListener> standIns = new ConcurrentHashMap<>();

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
        this.versions = new PostgresVersions(properties, user);
        versions.binaries(versions.defaultVersion());
        this.coordinatorAccess = new CoordinatorAccess(user, properties.sourceAddresses());
        this.store = new ServerGroupStore(dataDirectory);
        store.loadAll().forEach(g -> groups.put(g.name(), g));
        groups.keySet().stream().filter(g -> store.isIdleStopped(new ServerGroupName(g))).forEach(g -> {
            idleStopped.add(g);
            openStandIn(groups.get(g));
        });
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

    /** Builds the default version's node templates now rather than on the first create (a one-off ~2 s). */
    public void prepare() {
        versions.templates(versions.defaultVersion()).template(NodeRole.COORDINATOR);
    }

    @Override
    public ClusterKind kind() {
        return ClusterKind.EMBEDDED;
    }

    @Override
    public LearnerEndpoint learnerEndpoint(String name) {
        ServerGroupNode coordinator = existing(name).coordinator();
        return new LearnerEndpoint(coordinator.host(), coordinator.port(), ServerGroup.DATABASE, ServerGroup.ADMIN_USERNAME,
                "require");
    }

    @Override
    public OptionalInt fixedWorkerCount() {
        return OptionalInt.empty();
    }

    @Override
    public Optional<ServerGroup> groupOfLearner(int serverPort, String database, String user) {
        if (!user.equals(ServerGroup.ADMIN_USERNAME) || !database.equals(ServerGroup.DATABASE)) {
            return Optional.empty();
        }
        return groups.values().stream().filter(g -> g.coordinator().port() == serverPort).findFirst();
    }

    public List<ServerGroup> groups() {
        return groups.values().stream().sorted(java.util.Comparator.comparing(ServerGroup::name)).toList();
    }

    public Optional<ServerGroup> group(String name) {
        return Optional.ofNullable(groups.get(name));
    }

    /** The default PostgreSQL major version: the newest the product ships. */
    public int postgresMajorVersion() {
        return versions.defaultVersion();
    }

    /** The PostgreSQL major versions a group can run, oldest first: the form's choices. */
    public List<Integer> availablePostgresVersions() {
        return versions.available();
    }

    /** Which loopback address stands for whom; see {@link SourceAddresses}. */
    public SourceAddresses sourceAddresses() {
        return properties.sourceAddresses();
    }

    /**
     * A group of the default PostgreSQL version whose firewall admits the learner's own machine
     * ({@link Firewall#thisMachine()}), for callers that predate {@link ServerGroupSpec}.
     */
    public ServerGroup create(String name, int workerCount, String adminPassword) {
        return create(new ServerGroupSpec(name, workerCount, adminPassword, postgresMajorVersion(), Firewall.thisMachine()));
    }

    /**
     * Provisions a group: copies the node templates of its PostgreSQL version, gives the
     * coordinator a TLS certificate and the spec's firewall, starts every node, sets the admin
     * password of role {@code citus} on all of them and registers the workers with the
     * coordinator. Fails with a clear message and leaves nothing behind.
     */
    public ServerGroup create(ServerGroupSpec spec) {
        ServerGroupName groupName = new ServerGroupName(spec.name());
        int workerCount = spec.workerCount();
        if (workerCount < MIN_WORKERS || workerCount > MAX_WORKERS) {
            throw new ClusterException("A server group has " + MIN_WORKERS + " to " + MAX_WORKERS + " worker nodes, not "
                    + workerCount + ".");
        }
        checkAdminPassword(spec.adminPassword());
        PostgresBinaries binaries = versions.binaries(spec.postgresVersion());
        Provisioning pending = reserve(groupName, workerCount, binaries.version(), spec.firewall());
        try {
            ServerGroup group = provision(groupName, pending, spec.adminPassword());
            store.save(group);
            groups.put(group.name(), group);
            return group;
        } catch (RuntimeException e) {
            removeQuietly(groupName, pending.group());
            throw new ClusterException("Server group " + groupName + " could not be created: " + e.getMessage(), e);
        } finally {
            synchronized (this) {
                provisioning.remove(groupName.value());
                transitions.remove(groupName.value());
            }
        }
    }

    public void start(String name) {
        synchronized (lock(name)) {
            ServerGroup group = existing(name).withRunning(true);
            store.save(group);
            groups.put(name, group);
            closeStandIn(name);
            startNodes(group);
            clearIdleStopped(name);
        }
    }

    public void stop(String name) {
        synchronized (lock(name)) {
            ServerGroup group = existing(name).withRunning(false);
            store.save(group);
            groups.put(name, group);
            forEachNode(group, node -> server(group, node).stop());
            clearIdleStopped(name);
        }
    }

    /** Who may connect to the group's coordinator. */
    public Firewall firewall(String name) {
        return existing(name).firewall();
    }

    /**
     * Replaces the group's firewall (the Networking blade's Save): stored, and in force for new
     * connections when this returns; sessions already open stay open, as on Azure. Either all of
     * it applies, or nothing changes and the error says why. A stopped group gets the rules when
     * it next starts.
     */
    public ServerGroup replaceFirewall(String name, Firewall firewall) {
        if (firewall == null) {
            throw new ClusterException("The firewall must be given: Firewall.NO_ACCESS for none.");
        }
        synchronized (lock(name)) {
            ServerGroup group = existing(name);
            ServerGroup changed = group.withFirewall(firewall);
            applyFirewall(group, firewall);
            try {
                store.save(changed);
            } catch (RuntimeException e) {
                applyFirewall(group, group.firewall());
                throw e;
            }
            groups.put(name, changed);
            return changed;
        }
    }

    /** The learner's admin role and password, for running the learner's SQL as the learner. */
    public LearnerCredentials learnerCredentials(String name) {
        ServerGroup group = existing(name);
        ServerGroupName groupName = new ServerGroupName(group.name());
        String password = store.adminSecret(groupName).orElseGet(() -> {
            // groups made before the password was stored: the coordinator has it for its workers
            String stored = storedWorkerPassword(group);
            store.saveAdminSecret(groupName, stored);
            return stored;
        });
        return new LearnerCredentials(NodeTemplates.ADMIN_USER, password);
    }

    /**
     * A connection as the learner's admin role, over TLS, whose client end is bound to
     * {@code sourceAddress} (a loopback address, e.g. {@link SourceAddresses#azureServices()}), so
     * the group's firewall judges it as a connection from there. A group stopped for idleness
     * starts first (see {@link #wake}).
     */
    public Connection learnerConnection(String name, String sourceAddress) throws SQLException {
        return learnerConnection(name, sourceAddress, new Properties());
    }

    /** The same, with pgjdbc options of the caller's (an application name, a result size limit, ...). */
    public Connection learnerConnection(String name, String sourceAddress, Properties options) throws SQLException {
        if (!Ipv4.isLoopback(sourceAddress)) {
            throw new ClusterException("A learner connection comes from a loopback address (127.0.0.0/8), not " + sourceAddress + ".");
        }
        wake(name);
        LearnerCredentials credentials = learnerCredentials(name);
        Properties connection = new Properties();
        connection.putAll(options);
        connection.setProperty("user", credentials.username());
        connection.setProperty("password", credentials.password());
        connection.setProperty("localSocketAddress", sourceAddress);
        return DriverManager.getConnection(jdbcUrl(name), connection);
    }

    /**
     * The Overview's "Reset the password": the admin role's new password on every node, in the
     * coordinator's worker credentials and in the product's store, all together (two-phase
     * commit), or not at all. Every node must be running.
     */
    public void resetAdminPassword(String name, String newPassword) {
        checkAdminPassword(newPassword);
        synchronized (lock(name)) {
            ServerGroup group = existing(name);
            ServerGroupName groupName = new ServerGroupName(group.name());
            for (ServerGroupNode node : group.nodes()) {
                if (!server(group, node).isRunning()) {
                    throw new ClusterException("The password cannot be reset while node " + node.name()
                            + " is not running: start the server group first.");
                }
            }
            Map<ServerGroupNode, Connection> connections = new LinkedHashMap<>();
            try {
                for (ServerGroupNode node : group.nodes()) {
                    connections.put(node, superuserConnection(name, node));
                }
                AdminPasswordChange.apply(connections, newPassword, () -> store.saveAdminSecret(groupName, newPassword));
            } catch (SQLException e) {
                throw new ClusterException("The password was not changed: a node refused the connection: " + e.getMessage(), e);
            } finally {
                for (Connection c : connections.values()) {
                    try {
                        c.close();
                    } catch (SQLException e) {
                        log.debug("closing a superuser connection of {}: {}", name, e.getMessage());
                    }
                }
            }
        }
    }

    /** Stops the group's servers and removes its data. */
    public void delete(String name) {
        ServerGroup group = existing(name);
        if (transitions.putIfAbsent(name, NodeStatus.DROPPING) != null) {
            throw new ClusterException("Server group " + name + " is already being " + transitions.get(name).label().toLowerCase() + ".");
        }
        try {
            synchronized (lock(name)) {
                forEachNode(group, node -> server(group, node).kill());
                store.delete(new ServerGroupName(name));
                groups.remove(name);
                idleStopped.remove(name);
                closeStandIn(name);
                activity.forget(name);
            }
        } finally {
            transitions.remove(name);
        }
    }

    /**
     * Each node's status, in the order coordinator, w0, w1, ... While a group is being created,
     * each worker turns Available as soon as it runs with its passwords, and the coordinator
     * when the group is ready (see {@link Provisioning}).
     */
    public Map<ServerGroupNode, NodeStatus> status(String name) {
        Provisioning pending = provisioning.get(name);
        if (pending != null) {
            return pending.statuses();
        }
        ServerGroup group = existing(name);
        NodeStatus transition = transitions.get(name);
        Map<ServerGroupNode, NodeStatus> result = new LinkedHashMap<>();
        for (ServerGroupNode node : group.nodes()) {
            NodeStatus status;
            if (transition != null) {
                status = transition;
            } else if (server(group, node).isRunning()) {
                status = NodeStatus.AVAILABLE;
            } else if (idleStopped.contains(name)) {
                status = NodeStatus.STOPPED_IDLE;
            } else {
                status = group.running() ? NodeStatus.NEED_ATTENTION : NodeStatus.DISABLED;
            }
            result.put(node, status);
        }
        return result;
    }

    /** JDBC URL of the group's coordinator database, over TLS, for the admin role {@code citus}. */
    public String jdbcUrl(String name) {
        return "jdbc:postgresql://127.0.0.1:" + existing(name).coordinator().port() + "/" + NodeTemplates.DATABASE
                + "?sslmode=require";
    }

    /** A superuser connection to one node, for the product's own work (never for learners' SQL). */
    public Connection superuserConnection(String name, ServerGroupNode node) throws SQLException {
        ServerGroup group = existing(name);
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + node.port() + "/" + NodeTemplates.DATABASE,
                NodeTemplates.SUPERUSER, store.secret(new ServerGroupName(group.name())));
    }

    /**
     * A read-only session on the group's coordinator as the product's reading role (see
     * {@link CatalogReader}): every table and the catalog, nothing written, never the learner's
     * rights nor a superuser's. For looking at a learner's work, never for running it.
     */
    public Connection readOnlyConnection(String name) throws SQLException {
        ServerGroup group = existing(name);
        return catalogReader.open(group, () -> superuserConnection(name, group.coordinator()));
    }

    /** The postmaster process of a node, for measurements; empty when it is not running. */
    public Optional<ProcessHandle> process(String name, ServerGroupNode node) {
        PostgresServer server = server(existing(name), node);
        return server.isRunning() ? ProcessHandle.of(server.pid()) : Optional.empty();
    }

    // ---- Idle stop: a group nobody uses is stopped, and starts again on the learner's next action ----

    /**
     * Records that the learner works with the group (a blade of it is open, say); a group stopped
     * for idleness starts again in the background, its nodes "Starting" meanwhile.
     */
    @Override
    public void touch(String name) {
        if (!groups.containsKey(name)) {
            return;
        }
        activity.record(name);
        if (idleStopped.contains(name) && !executor.isShutdown()) {
            executor.execute(() -> {
                try {
                    wake(name);
                } catch (RuntimeException e) {
                    log.warn("Server group {} could not start again: {}", name, e.getMessage());
                }
            });
        }
    }

    /**
     * Records that the learner is about to use the group and, if it was stopped for idleness,
     * starts it and returns once it accepts connections: what every connection the product
     * makes for a learner calls first. A group stopped on purpose stays stopped.
     */
    @Override
    public void wake(String name) {
        if (!groups.containsKey(name)) {
            return;  // the caller's own "no such group" follows
        }
        activity.record(name);
        if (!idleStopped.contains(name)) {
            return;
        }
        synchronized (lock(name)) {
            if (!idleStopped.contains(name)) {
                return;  // started by another caller while this one waited
            }
            ServerGroup group = existing(name).withRunning(true);
            transitions.put(name, NodeStatus.STARTING);
            try {
                closeStandIn(name);
                startNodes(group);
                store.save(group);
                groups.put(name, group);
                clearIdleStopped(name);
                log.info("Server group {} started again", name);
            } finally {
                transitions.remove(name, NodeStatus.STARTING);
            }
        }
    }

    /** When the group was last used, as far as the product knows. */
    public Instant lastActivity(String name) {
        return activity.lastUsed(name);
    }

    /**
     * Stops a running group that nobody has used for {@code idleAfter} and that has no session
     * on any node (a learner's psql that sits idle counts as a session: it is never cut). A group
     * found with sessions counts as used now.
     *
     * @return whether the group was stopped
     */
    public boolean stopIfIdle(String name, Duration idleAfter) {
        synchronized (lock(name)) {
            ServerGroup group = existing(name);
            if (!group.running() || transitions.containsKey(name) || activity.idleFor(name).compareTo(idleAfter) < 0) {
                return false;
            }
            int sessions = 0;
            for (ServerGroupNode node : group.nodes()) {
                if (!server(group, node).isRunning()) {
                    return false;  // a node that needs attention: not for this sweep to stop
                }
                try (Connection c = superuserConnection(name, node)) {
                    sessions += LiveSessions.count(c);
                } catch (SQLException e) {
                    log.warn("Cannot see the sessions of node {} of {}; the group is not stopped: {}", node.name(), name,
                            e.getMessage());
                    return false;
                }
            }
            if (sessions > 0) {
                activity.record(name);
                return false;
            }
            ServerGroup stopped = group.withRunning(false);
            transitions.put(name, NodeStatus.STOPPING);
            try {
                store.markIdleStopped(new ServerGroupName(name), true);
                idleStopped.add(name);
                store.save(stopped);
                groups.put(name, stopped);
                forEachNode(group, node -> server(group, node).stop());
                openStandIn(stopped);
            } finally {
                transitions.remove(name, NodeStatus.STOPPING);
            }
            log.info("Server group {} stopped after {} without activity", name, idleAfter.toString().substring(2).toLowerCase());
            return true;
        }
    }

    private void clearIdleStopped(String name) {
        closeStandIn(name);
        if (idleStopped.remove(name)) {
            store.markIdleStopped(new ServerGroupName(name), false);
        }
    }

    // A client of the stopped coordinator learns why it cannot connect, and its attempt is the action that starts the group.
    private void openStandIn(ServerGroup group) {
        ServerGroupNode coordinator = group.coordinator();
        String message = "server group \"" + group.name() + "\" was stopped while nobody used it and is starting now; "
                + "connect again in a few seconds";
        try {
            standIns.put(group.name(), StoppedCoordinatorListener.open(coordinator.port(),
                    store.dataDirectory(new ServerGroupName(group.name()), coordinator), message,
                    address -> group(group.name()).map(g -> g.firewall().admits(address, sourceAddresses().azureServices()))
                            .orElse(false),
                    () -> touch(group.name())));
        } catch (IOException e) {
            log.warn("Port {} of the stopped coordinator of {} is taken: its clients get \"Connection refused\": {}",
                    coordinator.port(), group.name(), e.getMessage());
        }
    }

    private void closeStandIn(String name) {
        StoppedCoordinatorListener standIn = standIns.remove(name);
        if (standIn != null) {
            standIn.close();
        }
    }

    /** Stops every server; groups stay marked running, so the next start resumes them. */
    @Override
    public void close() {
        standIns.keySet().forEach(this::closeStandIn);
        for (ServerGroup group : groups.values()) {
            try {
                forEachNode(group, node -> server(group, node).stop());
            } catch (ClusterException e) {
                log.warn("Could not stop server group {}: {}", group.name(), e.getMessage());
            }
        }
        executor.shutdown();
    }

    private synchronized Provisioning reserve(ServerGroupName name, int workerCount, String postgresVersion, Firewall firewall) {
        if (groups.containsKey(name.value()) || transitions.containsKey(name.value()) || Files.exists(store.directory(name))) {
            throw new ClusterException("A server group named " + name + " already exists.");
        }
        List<Integer> ports = allocatePorts(workerCount + 1);
        List<ServerGroupNode> nodes = new ArrayList<>();
        nodes.add(new ServerGroupNode(name + "-c", NodeRole.COORDINATOR, ports.get(0)));
        for (int i = 0; i < workerCount; i++) {
            nodes.add(new ServerGroupNode(name + "-w" + i, NodeRole.WORKER, ports.get(i + 1)));
        }
        transitions.put(name.value(), NodeStatus.PROVISIONING);
        Provisioning pending = new Provisioning(new ServerGroup(name.value(), nodes, postgresVersion, Instant.now(), true, firewall));
        provisioning.put(name.value(), pending);
        return pending;
    }

    // Ports of stored groups stay theirs even while stopped, so connection strings keep working.
    private synchronized List<Integer> allocatePorts(int count) {
        Set<Integer> taken = new HashSet<>();
        provisioning.values().forEach(p -> taken.addAll(p.ports()));
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

    /** Creates and starts the nodes and registers the workers; returns the group as it came to be (see {@link Provisioning#move}). */
    private ServerGroup provision(ServerGroupName name, Provisioning pending, String adminPassword) {
        ServerGroup reserved = pending.group();
        String superuserPassword = Passwords.generate();
        try {
            Files.createDirectories(store.directory(name));
        } catch (IOException e) {
            throw new ClusterException("Cannot create " + store.directory(name) + ": " + e.getMessage(), e);
        }
        store.saveSecret(name, superuserPassword);
        store.saveAdminSecret(name, adminPassword);
        NodeTemplates templates = versions.templates(reserved.postgresMajorVersion());
        String templatePassword = templates.templatePassword();
        // keytool takes a while (a JVM of its own): it runs while the nodes are copied
        Future<ServerCertificate> certificate = executor.submit(ServerCertificate::generate);
        forEachNode(reserved, node -> {
            Path dataDirectory = store.dataDirectory(name, node);
            try {
                user.createOwnedDirectory(dataDirectory);
                user.run(List.of("cp", "-a", templates.template(node.role()) + "/.", dataDirectory.toString()), 120);
            } catch (IOException e) {
                throw new ClusterException("Node " + node.name() + " could not be created: " + e.getMessage(), e);
            }
            writePort(dataDirectory, node.port());
            if (node.role() == NodeRole.COORDINATOR) {
                coordinatorAccess.prepare(dataDirectory, reserved.firewall(), () -> result(certificate));
            }
            ServerGroupNode started = startOnFreePort(pending, node, server(reserved, node));
            setPasswords(started, templatePassword, superuserPassword, adminPassword);
            if (started.role() == NodeRole.WORKER) {
                pending.workerReady(started);
            }
        });
        ServerGroup group = pending.group();
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
        return group;
    }

    /**
     * Starts a new node. Its port was free when it was chosen, but another process may have taken
     * it since (another app, a test run beside this one): then the node moves to another free port.
     */
    private ServerGroupNode startOnFreePort(Provisioning pending, ServerGroupNode node, PostgresServer server) {
        ServerGroupNode current = node;
        for (int attempt = 1; ; attempt++) {
            try {
                server.start();
                return current;
            } catch (PortInUseException e) {
                if (attempt == PORT_ATTEMPTS) {
                    throw new ClusterException("Node " + node.name() + " could not start: other processes took each of the "
                            + PORT_ATTEMPTS + " ports it was given, the last " + current.port() + ".", e);
                }
                ServerGroupNode moved = moveToFreePort(pending, current);
                log.info("Port {} of node {} was taken by another process as the node started; it takes port {}",
                        current.port(), node.name(), moved.port());
                writePort(server.dataDirectory(), moved.port());
                current = moved;
            }
        }
    }

    private synchronized ServerGroupNode moveToFreePort(Provisioning pending, ServerGroupNode node) {
        return pending.move(node, allocatePorts(1).get(0));
    }

    // A node's own port is the last line of its postgresql.conf; a node that moves has it replaced.
    private static void writePort(Path dataDirectory, int port) {
        Path conf = dataDirectory.resolve("postgresql.conf");
        try {
            List<String> lines = new ArrayList<>(Files.readAllLines(conf));
            lines.removeIf(line -> line.startsWith(PORT_SETTING));
            lines.add(PORT_SETTING + port);
            Files.write(conf, lines);
        } catch (IOException e) {
            throw new ClusterException("Cannot set the port in " + conf + ": " + e.getMessage(), e);
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

    // The coordinator's pg_hba.conf is rewritten from the stored firewall on every start, and a
    // coordinator from before TLS gets its certificate here.
    private void startNodes(ServerGroup group) {
        forEachNode(group, node -> {
            PostgresServer server = server(group, node);
            if (!server.isRunning()) {
                if (node.role() == NodeRole.COORDINATOR) {
                    coordinatorAccess.prepare(server.dataDirectory(), group.firewall(), ServerCertificate::generate);
                }
                server.start();
            }
        });
    }

    private void applyFirewall(ServerGroup group, Firewall firewall) {
        ServerGroupNode coordinator = group.coordinator();
        PostgresServer server = server(group, coordinator);
        if (server.isRunning()) {
            coordinatorAccess.apply(server.dataDirectory(), firewall, () -> superuserConnection(group.name(), coordinator));
        } else {
            coordinatorAccess.writeRules(server.dataDirectory(), firewall);
        }
    }

    private String storedWorkerPassword(ServerGroup group) {
        try (Connection c = superuserConnection(group.name(), group.coordinator());
             PreparedStatement query = c.prepareStatement("SELECT password FROM citus_internal.worker_credentials WHERE username = ?")) {
            query.setString(1, NodeTemplates.ADMIN_USER);
            try (ResultSet rs = query.executeQuery()) {
                if (!rs.next()) {
                    throw new ClusterException("Server group " + group.name() + " has no stored admin password.");
                }
                return rs.getString(1);
            }
        } catch (SQLException e) {
            throw new ClusterException("The admin password of server group " + group.name()
                    + " is not stored yet and the coordinator, which has it, cannot be reached: " + e.getMessage(), e);
        }
    }

    // The same rule as the portal's form, so a reset cannot set a password the form would refuse.
    private static void checkAdminPassword(String adminPassword) {
        AdminPassword.problem(adminPassword, AdminPassword.LOGIN).ifPresent(problem -> {
            throw new ClusterException(problem);
        });
    }

    private Object lock(String name) {
        return groupLocks.computeIfAbsent(name, n -> new Object());
    }

    private static <T> T result(Future<T> future) {
        try {
            return future.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : new ClusterException(e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClusterException("Interrupted while waiting for the coordinator's certificate", e);
        }
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
        return new PostgresServer(versions.binaries(group.postgresMajorVersion()), user,
                store.dataDirectory(new ServerGroupName(group.name()), node));
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
