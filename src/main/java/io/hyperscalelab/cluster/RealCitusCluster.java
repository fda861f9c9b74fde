package io.hyperscalelab.cluster;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Server groups on a real Citus cluster, reached through its coordinator's URL (a compose cluster,
 * a self-hosted Citus, an Azure Cosmos DB for PostgreSQL cluster). Nothing is emulated: the lab's
 * SQL meets Citus' own {@code create_distributed_table}, {@code citus_tables}, {@code citus_shards}
 * and {@code pg_dist_node}.
 *
 * <p>A server group is a role and a schema of the same name in the coordinator's database: the
 * role is the group's learner (its admin user, with the password the form set), owns the schema,
 * and finds it first on its default search path ({@code "$user"}), so the lab's tables land there;
 * it can read nothing of the other groups. Citus passes the role, its password and the schema on to
 * the workers. Deleting the group drops the schema with its distributed tables and shards, then the
 * role. The portal's own record of each group (when it was made, its firewall) is a table in schema
 * {@value #CATALOG}; the learners' passwords stay with the portal ({@link LearnerSecrets}).
 *
 * <p>The workers are the cluster's: every group shows them, whatever count its form asked for, and
 * the PostgreSQL version is the cluster's. The firewall rules are kept and shown, but who may
 * connect to a real cluster is its own affair (its pg_hba.conf, or Azure's firewall).
 */
public final class RealCitusCluster implements ServerGroups, AutoCloseable {

    /** The schema of the portal's own table of groups on the coordinator. */
    static final String CATALOG = "hyperscale_lab";

    private static final Logger log = LoggerFactory.getLogger(RealCitusCluster.class);
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    private final CitusUrl url;
    private final int timeoutSeconds;
    private final SourceAddresses sourceAddresses;
    private final LearnerSecrets secrets;
    private final HikariDataSource admin;
    /** Groups being created or deleted, with the status their nodes report meanwhile. */
    private final Map<String, NodeStatus> transitions = new ConcurrentHashMap<>();

    /**
     * @throws ClusterException when the coordinator cannot hold the portal's table of groups
     */
    public RealCitusCluster(CitusUrl url, int timeoutSeconds, ClusterProperties properties) {
        this.url = url;
        this.timeoutSeconds = timeoutSeconds;
        this.sourceAddresses = properties.sourceAddresses();
        this.secrets = new LearnerSecrets(properties.dataDirectory().resolve("citus")
                .resolve((url.host() + "_" + url.port() + "_" + url.database()).replaceAll("[^A-Za-z0-9._-]", "_"))
                .resolve("learner-secrets"));
        HikariConfig config = new HikariConfig();
        config.setPoolName("citus-coordinator");
        config.setJdbcUrl(url.jdbcUrl());
        config.setUsername(url.user());
        config.setPassword(url.password());
        config.setMaximumPoolSize(4);
        config.setMinimumIdle(0);
        config.setConnectionTimeout(Math.max(1000, timeoutSeconds * 1000L));
        config.setInitializationFailTimeout(-1);
        config.addDataSourceProperty("connectTimeout", String.valueOf(timeoutSeconds));
        config.addDataSourceProperty("ApplicationName", "Hyperscale Lab portal");
        this.admin = new HikariDataSource(config);
        try {
            createCatalog();
        } catch (RuntimeException e) {
            admin.close();
            throw e;
        }
    }

    @Override
    public ClusterKind kind() {
        return ClusterKind.REAL_CITUS;
    }

    /** The group's own role on the coordinator's database, with the TLS the portal's URL asks for. */
    @Override
    public LearnerEndpoint learnerEndpoint(String name) {
        if (group(name).isEmpty()) {
            throw new ClusterException("There is no server group named " + name + ".");
        }
        return new LearnerEndpoint(url.host(), url.port(), url.database(), name, url.parameters().getOrDefault("sslmode", "prefer"));
    }

    @Override
    public OptionalInt fixedWorkerCount() {
        return OptionalInt.of(workers().size());
    }

    /** Where the coordinator is and whom the portal connects as (no password). */
    public CitusUrl url() {
        return url;
    }

    /** The cluster's health now: the same checks as at start, against the coordinator as it is. */
    public CitusHealth health() {
        return CitusProbe.check(url, timeoutSeconds);
    }

    @Override
    public List<ServerGroup> groups() {
        return read(c -> {
            ClusterFacts cluster = ClusterFacts.read(c);
            List<ServerGroup> groups = new ArrayList<>();
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT name, created_at, firewall::text FROM " + CATALOG
                         + ".server_groups ORDER BY name")) {
                while (rs.next()) {
                    groups.add(group(rs.getString(1), rs.getTimestamp(2), rs.getString(3), cluster));
                }
            }
            return groups;
        });
    }

    @Override
    public Optional<ServerGroup> group(String name) {
        if (ServerGroupName.problem(name).isPresent()) {
            return Optional.empty();
        }
        return read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT name, created_at, firewall::text FROM " + CATALOG
                    + ".server_groups WHERE name = ?")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(group(rs.getString(1), rs.getTimestamp(2), rs.getString(3), ClusterFacts.read(c)))
                            : Optional.<ServerGroup>empty();
                }
            }
        });
    }

    @Override
    public Map<ServerGroupNode, NodeStatus> status(String name) {
        NodeStatus transition = transitions.get(name);
        ServerGroup group = transition == NodeStatus.PROVISIONING
                ? read(c -> group(name, Timestamp.from(Instant.now()), null, ClusterFacts.read(c)))
                : group(name).orElseThrow(() -> new ClusterException("There is no server group named " + name + "."));
        List<CitusHealth.Worker> workers = workers();
        Map<ServerGroupNode, NodeStatus> statuses = new LinkedHashMap<>();
        for (ServerGroupNode node : group.nodes()) {
            boolean active = node.role() == NodeRole.COORDINATOR || workers.stream()
                    .anyMatch(w -> w.active() && w.host().equals(node.host()) && w.port() == node.port());
            statuses.put(node, transition != null ? transition : active ? NodeStatus.AVAILABLE : NodeStatus.NEED_ATTENTION);
        }
        return statuses;
    }

    @Override
    public List<Integer> availablePostgresVersions() {
        int major = read(c -> ClusterFacts.read(c).postgresMajor());
        return List.of(major);
    }

    @Override
    public SourceAddresses sourceAddresses() {
        return sourceAddresses;
    }

    /**
     * Creates the group's role (with its password, sent as a SCRAM verifier) and schema, and
     * records it. The worker count and PostgreSQL version are the cluster's; a spec that asks
     * for another version is refused. Fails with Citus' reason and leaves nothing behind.
     */
    @Override
    public ServerGroup create(ServerGroupSpec spec) {
        ServerGroupName name = new ServerGroupName(spec.name());
        AdminPassword.problem(spec.adminPassword(), AdminPassword.LOGIN).ifPresent(problem -> {
            throw new ClusterException(problem);
        });
        int major = availablePostgresVersions().get(0);
        if (spec.postgresVersion() != major) {
            throw new ClusterException("The Citus cluster runs PostgreSQL " + major + "; a server group on it cannot run "
                    + spec.postgresVersion() + ".");
        }
        if (transitions.putIfAbsent(name.value(), NodeStatus.PROVISIONING) != null) {
            throw new ClusterException("Server group " + name + " is already being " + transitions.get(name.value())
                    .label().toLowerCase() + ".");
        }
        try (Connection c = admin.getConnection()) {
            if (taken(c, name)) {
                throw new ClusterException("A server group named " + name + " already exists, or the Citus cluster has a role "
                        + "or schema of that name.");
            }
            try {
                provision(c, name, spec);
            } catch (SQLException | RuntimeException e) {
                dropQuietly(name);
                throw new ClusterException("Server group " + name + " could not be created on the Citus cluster: "
                        + message(e), e);
            }
        } catch (SQLException e) {
            throw unreachable(e);
        } finally {
            transitions.remove(name.value());
        }
        return group(name.value()).orElseThrow();
    }

    @Override
    public void delete(String name) {
        ServerGroupName group = new ServerGroupName(name);
        if (group(name).isEmpty()) {
            throw new ClusterException("There is no server group named " + name + ".");
        }
        if (transitions.putIfAbsent(name, NodeStatus.DROPPING) != null) {
            throw new ClusterException("Server group " + name + " is already being " + transitions.get(name).label().toLowerCase() + ".");
        }
        try {
            drop(group);
        } catch (SQLException e) {
            throw new ClusterException("Server group " + name + " could not be deleted from the Citus cluster: " + message(e), e);
        } finally {
            transitions.remove(name);
        }
    }

    /**
     * Keeps the rules the Networking blade shows. A real cluster decides itself who may connect
     * (its pg_hba.conf, or Azure's firewall): the rules are not put in force here.
     */
    @Override
    public ServerGroup replaceFirewall(String name, Firewall firewall) {
        if (firewall == null) {
            throw new ClusterException("The firewall must be given: Firewall.NO_ACCESS for none.");
        }
        write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE " + CATALOG + ".server_groups SET firewall = ?::jsonb WHERE name = ?")) {
                ps.setString(1, json(firewall));
                ps.setString(2, name);
                if (ps.executeUpdate() == 0) {
                    throw new ClusterException("There is no server group named " + name + ".");
                }
            }
        });
        return group(name).orElseThrow();
    }

    /** The role's new password (Citus passes it on to the workers), then the portal's copy of it. */
    @Override
    public void resetAdminPassword(String name, String newPassword) {
        AdminPassword.problem(newPassword, AdminPassword.LOGIN).ifPresent(problem -> {
            throw new ClusterException(problem);
        });
        ServerGroupName group = new ServerGroupName(name);
        if (group(name).isEmpty()) {
            throw new ClusterException("There is no server group named " + name + ".");
        }
        Optional<String> previous = secrets.read(group);
        write(c -> c.unwrap(PGConnection.class).alterUserPassword(name, newPassword.toCharArray(), "scram-sha-256"));
        try {
            secrets.save(group, newPassword);
        } catch (ClusterException e) {
            previous.ifPresent(old -> write(c -> c.unwrap(PGConnection.class).alterUserPassword(name, old.toCharArray(),
                    "scram-sha-256")));
            throw new ClusterException("The password was not changed: " + e.getMessage(), e);
        }
    }

    @Override
    public LearnerCredentials learnerCredentials(String name) {
        String password = secrets.read(new ServerGroupName(name)).orElseThrow(() -> new ClusterException("This portal holds "
                + "no password for server group " + name + " (it was created elsewhere, or its data directory is new): "
                + "reset the password on the group's Overview."));
        return new LearnerCredentials(name, password);
    }

    /**
     * A connection as the group's role. {@code sourceAddress} is ignored: a loopback address cannot
     * reach another machine, and a real cluster judges connections by where they really come from.
     */
    @Override
    public Connection learnerConnection(String name, String sourceAddress, Properties options) throws SQLException {
        LearnerCredentials credentials = learnerCredentials(name);
        Properties connection = new Properties();
        connection.putAll(options);
        connection.setProperty("user", credentials.username());
        connection.setProperty("password", credentials.password());
        connection.putIfAbsent("connectTimeout", String.valueOf(timeoutSeconds));
        return DriverManager.getConnection(url.jdbcUrl(), connection);
    }

    @Override
    public Optional<ServerGroup> groupOfLearner(int serverPort, String database, String user) {
        return database.equals(url.database()) ? group(user) : Optional.empty();
    }

    @Override
    public void close() {
        admin.close();
    }

    private List<CitusHealth.Worker> workers() {
        return read(c -> {
            try (Statement s = c.createStatement()) {
                return CitusProbe.workers(s);
            }
        });
    }

    private void createCatalog() {
        write(c -> {
            try (Statement s = c.createStatement()) {
                withoutSchemaSharding(s, () -> s.execute("CREATE SCHEMA IF NOT EXISTS " + CATALOG));
                s.execute("CREATE TABLE IF NOT EXISTS " + CATALOG + ".server_groups (name text PRIMARY KEY, "
                        + "created_at timestamptz NOT NULL DEFAULT now(), firewall jsonb NOT NULL)");
                s.execute("REVOKE ALL ON SCHEMA " + CATALOG + " FROM PUBLIC");
            }
        });
    }

    private void provision(Connection c, ServerGroupName name, ServerGroupSpec spec) throws SQLException {
        String role = quoted(name);
        try (Statement s = c.createStatement()) {
            s.execute("CREATE ROLE " + role + " LOGIN");
            // pgjdbc sends a SCRAM verifier, never the password itself
            c.unwrap(PGConnection.class).alterUserPassword(name.value(), spec.adminPassword().toCharArray(), "scram-sha-256");
            // since PostgreSQL 16 a role that is not superuser must be a member of the schema's owner to create it for them
            s.execute("GRANT " + role + " TO CURRENT_USER");
            withoutSchemaSharding(s, () -> s.execute("CREATE SCHEMA " + role + " AUTHORIZATION " + role));
        }
        secrets.save(name, spec.adminPassword());
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + CATALOG + ".server_groups (name, firewall) VALUES (?, ?::jsonb)")) {
            ps.setString(1, name.value());
            ps.setString(2, json(spec.firewall()));
            ps.executeUpdate();
        }
    }

    /** The group's sessions end, its schema goes with its tables and their shards, then its role. */
    private void drop(ServerGroupName name) throws SQLException {
        String role = quoted(name);
        try (Connection c = admin.getConnection(); Statement s = c.createStatement()) {
            try (PreparedStatement ps = c.prepareStatement("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    + "WHERE usename = ? AND pid <> pg_backend_pid()")) {
                ps.setString(1, name.value());
                ps.execute();
            } catch (SQLException e) {
                log.info("Sessions of {} were not ended before it was dropped: {}", name, e.getMessage());
            }
            s.execute("DROP SCHEMA IF EXISTS " + role + " CASCADE");
            if (exists(c, "SELECT 1 FROM pg_roles WHERE rolname = ?", name)) {
                s.execute("DROP OWNED BY " + role);
                s.execute("DROP ROLE " + role);
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + CATALOG + ".server_groups WHERE name = ?")) {
                ps.setString(1, name.value());
                ps.executeUpdate();
            }
        }
        secrets.delete(name);
    }

    private void dropQuietly(ServerGroupName name) {
        try {
            drop(name);
        } catch (SQLException | RuntimeException e) {
            log.warn("Could not remove what was made of the failed server group {}: {}", name, e.getMessage());
        }
    }

    private static boolean taken(Connection c, ServerGroupName name) throws SQLException {
        return exists(c, "SELECT 1 FROM pg_roles WHERE rolname = ? UNION ALL SELECT 1 FROM pg_namespace WHERE nspname = ?"
                + " UNION ALL SELECT 1 FROM " + CATALOG + ".server_groups WHERE name = ?", name, name, name);
    }

    private static boolean exists(Connection c, String sql, ServerGroupName... names) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < names.length; i++) {
                ps.setString(i + 1, names[i].value());
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /**
     * A schema made while Citus 12's schema-based sharding is on would be a distributed schema,
     * whose tables cannot be distributed by a column as the lab does: it is made with it off.
     */
    private static void withoutSchemaSharding(Statement s, SqlAction action) throws SQLException {
        boolean known;
        try (ResultSet rs = s.executeQuery("SELECT 1 FROM pg_settings WHERE name = 'citus.enable_schema_based_sharding'")) {
            known = rs.next();
        }
        if (known) {
            s.execute("SET citus.enable_schema_based_sharding = off");
        }
        try {
            action.run();
        } finally {
            if (known) {
                s.execute("RESET citus.enable_schema_based_sharding");
            }
        }
    }

    private ServerGroup group(String name, Timestamp createdAt, String firewall, ClusterFacts cluster) {
        List<ServerGroupNode> nodes = new ArrayList<>();
        nodes.add(new ServerGroupNode(name + "-c", NodeRole.COORDINATOR, url.host(), url.port()));
        for (int i = 0; i < cluster.workers().size(); i++) {
            CitusHealth.Worker worker = cluster.workers().get(i);
            nodes.add(new ServerGroupNode(name + "-w" + i, NodeRole.WORKER, worker.host(), worker.port()));
        }
        return new ServerGroup(name, nodes, cluster.postgresVersion(), createdAt.toInstant(), true,
                firewall == null ? Firewall.NO_ACCESS : firewall(firewall));
    }

    /** What every group shares: the cluster's PostgreSQL version and its workers. */
    private record ClusterFacts(String postgresVersion, List<CitusHealth.Worker> workers) {

        static ClusterFacts read(Connection c) throws SQLException {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT current_setting('server_version_num')::int")) {
                rs.next();
                int number = rs.getInt(1);
                return new ClusterFacts(number / 10000 + "." + number % 10000, CitusProbe.workers(s));
            }
        }

        int postgresMajor() {
            return PostgresBinaries.majorVersionOf(postgresVersion);
        }
    }

    @FunctionalInterface
    private interface SqlAction {
        void run() throws SQLException;
    }

    @FunctionalInterface
    private interface SqlWork {
        void run(Connection c) throws SQLException;
    }

    @FunctionalInterface
    private interface SqlRead<T> {
        T read(Connection c) throws SQLException;
    }

    private <T> T read(SqlRead<T> work) {
        try (Connection c = admin.getConnection()) {
            return work.read(c);
        } catch (SQLException e) {
            throw unreachable(e);
        }
    }

    private void write(SqlWork work) {
        read(c -> {
            work.run(c);
            return null;
        });
    }

    private ClusterException unreachable(SQLException e) {
        return new ClusterException("The Citus coordinator at " + url.endpoint() + " failed: " + message(e), e);
    }

    private static String message(Throwable e) {
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }

    private static String quoted(ServerGroupName name) {
        // a checked name is lowercase letters, digits and hyphens: quoting keeps the hyphens
        return '"' + name.value() + '"';
    }

    private static String json(Firewall firewall) {
        try {
            return JSON.writeValueAsString(firewall);
        } catch (JsonProcessingException e) {
            throw new ClusterException("Cannot record the firewall: " + e.getMessage(), e);
        }
    }

    private static Firewall firewall(String json) {
        try {
            return JSON.readValue(json, Firewall.class);
        } catch (JsonProcessingException e) {
            throw new ClusterException("The recorded firewall " + json + " cannot be read: " + e.getMessage(), e);
        }
    }
}
