package io.hyperscalelab.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EmbeddedClusterLifecycleTest {

    private static final String PASSWORD = "Lab-Passw0rd!";

    private ClusterProperties properties;
    private EmbeddedCluster cluster;

    @BeforeEach
    void setUp() throws Exception {
        properties = TestClusters.freshProperties("lifecycle");
        cluster = new EmbeddedCluster(properties);
    }

    @AfterEach
    void tearDown() {
        for (ServerGroup group : cluster.groups()) {
            cluster.delete(group.name());
        }
        cluster.close();
    }

    @Test
    void createdGroupRunsACoordinatorAndItsWorkersWithCitus() throws Exception {
        ServerGroup group = cluster.create("lab-one", 2, PASSWORD);

        assertThat(group.nodes()).extracting(ServerGroupNode::name).containsExactly("lab-one-c", "lab-one-w0", "lab-one-w1");
        assertThat(cluster.status("lab-one").values()).containsOnly(NodeStatus.AVAILABLE);
        try (Connection c = DriverManager.getConnection(cluster.jdbcUrl("lab-one"), "citus", PASSWORD)) {
            assertThat(queryStrings(c, "SELECT nodeport::text FROM pg_dist_node ORDER BY nodeid"))
                    .containsExactly(String.valueOf(group.workers().get(0).port()), String.valueOf(group.workers().get(1).port()));
            assertThat(queryStrings(c, "SELECT rolsuper::text FROM pg_roles WHERE rolname = current_user")).containsExactly("false");
            assertThat(queryStrings(c, "SHOW server_version_num").get(0)).startsWith(String.valueOf(cluster.postgresMajorVersion()));
        }
    }

    @Test
    void wrongPasswordIsRefused() {
        cluster.create("lab-pw", 2, PASSWORD);
        assertThatThrownBy(() -> DriverManager.getConnection(cluster.jdbcUrl("lab-pw"), "citus", "wrong"))
                .isInstanceOf(SQLException.class).hasMessageContaining("password authentication failed");
    }

    @Test
    void stopStartAndDelete() {
        ServerGroup group = cluster.create("lab-two", 2, PASSWORD);

        cluster.stop("lab-two");
        assertThat(cluster.status("lab-two").values()).containsOnly(NodeStatus.DISABLED);
        assertThatThrownBy(() -> DriverManager.getConnection(cluster.jdbcUrl("lab-two"), "citus", PASSWORD))
                .isInstanceOf(SQLException.class);

        cluster.start("lab-two");
        assertThat(cluster.status("lab-two").values()).containsOnly(NodeStatus.AVAILABLE);

        cluster.delete("lab-two");
        assertThat(cluster.groups()).isEmpty();
        assertThat(properties.dataDirectory().resolve("groups/lab-two")).doesNotExist();
        for (ServerGroupNode node : group.nodes()) {
            assertThat(portAcceptsConnections(node.port())).as("port of " + node.name()).isFalse();
        }
    }

    @Test
    void groupsSurviveAnAppRestartWithTheirData() throws Exception {
        cluster.create("lab-restart", 2, PASSWORD);
        try (Connection c = DriverManager.getConnection(cluster.jdbcUrl("lab-restart"), "citus", PASSWORD)) {
            c.createStatement().execute("CREATE TABLE kept (k bigint, v text)");
            c.createStatement().execute("SELECT create_distributed_table('kept', 'k')");
            c.createStatement().execute("INSERT INTO kept SELECT g, 'v' || g FROM generate_series(1, 1000) g");
        }
        cluster.close();
        assertThat(cluster.status("lab-restart").values()).containsOnly(NodeStatus.NEED_ATTENTION);

        cluster = new EmbeddedCluster(properties);
        cluster.resumeGroups();

        assertThat(cluster.status("lab-restart").values()).containsOnly(NodeStatus.AVAILABLE);
        try (Connection c = DriverManager.getConnection(cluster.jdbcUrl("lab-restart"), "citus", PASSWORD)) {
            assertThat(queryStrings(c, "SELECT count(*)::text FROM kept")).containsExactly("1000");
        }
    }

    @Test
    void aGroupStoredBeforeFirewallsAndTlsGetsThemOnItsNextStart() throws Exception {
        cluster.create("lab-legacy", 2, PASSWORD);
        cluster.close();
        // as an earlier version of the product left it: no firewall in group.json, no stored admin
        // password, and a coordinator without certificate, TLS or firewall rules
        Path directory = properties.dataDirectory().resolve("groups/lab-legacy");
        ObjectMapper json = new ObjectMapper();
        ObjectNode stored = (ObjectNode) json.readTree(directory.resolve("group.json").toFile());
        stored.remove("firewall");
        Files.writeString(directory.resolve("group.json"), json.writeValueAsString(stored));
        Files.delete(directory.resolve("admin-secret"));
        Path coordinator = directory.resolve("lab-legacy-c");
        Files.delete(coordinator.resolve("server.crt"));
        Files.delete(coordinator.resolve("server.key"));
        Path conf = coordinator.resolve("postgresql.conf");
        Files.writeString(conf, Files.readAllLines(conf).stream()
                .filter(line -> !line.equals("ssl = on") && !line.startsWith("# TLS")).collect(Collectors.joining("\n", "", "\n")));
        Files.writeString(coordinator.resolve("pg_hba.conf"), PgHba.loopbackOnly());

        cluster = new EmbeddedCluster(properties);
        cluster.resumeGroups();

        assertThat(cluster.firewall("lab-legacy")).isEqualTo(Firewall.thisMachine());
        assertThat(cluster.learnerCredentials("lab-legacy").password()).isEqualTo(PASSWORD);
        assertThat(directory.resolve("admin-secret")).exists();
        assertThat(coordinator.resolve("server.key")).exists();
        try (Connection c = DriverManager.getConnection(cluster.jdbcUrl("lab-legacy"), "citus", PASSWORD)) {
            assertThat(queryStrings(c, "SELECT ssl::text FROM pg_stat_ssl WHERE pid = pg_backend_pid()")).containsExactly("true");
        }
        assertThatThrownBy(() -> cluster.learnerConnection("lab-legacy", "127.0.0.5").close())
                .hasMessageContaining("no pg_hba.conf entry for host \"127.0.0.5\"");
    }

    @Test
    void stoppedGroupStaysStoppedAfterRestart() {
        cluster.create("lab-asleep", 2, PASSWORD);
        cluster.stop("lab-asleep");
        cluster.close();

        cluster = new EmbeddedCluster(properties);
        cluster.resumeGroups();

        assertThat(cluster.status("lab-asleep").values()).containsOnly(NodeStatus.DISABLED);
    }

    @Test
    void badRequestsGetClearErrorsAndLeaveNothingBehind() {
        assertThatThrownBy(() -> cluster.create("Bad_Name", 2, PASSWORD))
                .hasMessage("The server group name can only contain lowercase letters, numbers, and hyphens.");
        assertThatThrownBy(() -> cluster.create("../etc", 2, PASSWORD)).isInstanceOf(ClusterException.class);
        assertThatThrownBy(() -> cluster.create("ok-name", 1, PASSWORD)).hasMessageContaining("2 to 20 worker nodes");
        assertThatThrownBy(() -> cluster.create("ok-name", 21, PASSWORD)).hasMessageContaining("2 to 20 worker nodes");
        assertThatThrownBy(() -> cluster.create("ok-name", 2, "")).hasMessageContaining("password must not be empty");
        assertThatThrownBy(() -> cluster.create("ok-name", 2, "passwordonly")).hasMessageContaining("three of the following categories");
        assertThatThrownBy(() -> cluster.create("ok-name", 2, "My-citus-1")).hasMessageContaining("cannot contain the login name");
        assertThatThrownBy(() -> cluster.start("missing")).hasMessage("There is no server group named missing.");

        cluster.create("taken", 2, PASSWORD);
        assertThatThrownBy(() -> cluster.create("taken", 2, PASSWORD)).hasMessage("A server group named taken already exists.");
        assertThat(cluster.status("taken").values()).containsOnly(NodeStatus.AVAILABLE);
        assertThat(cluster.groups()).extracting(ServerGroup::name).containsExactly("taken");
    }

    @Test
    void portsInUseAreSkippedAndAFullRangeIsAClearError() throws Exception {
        List<ServerSocket> squatters = new ArrayList<>();
        try {
            for (int port = properties.firstPort(); port < properties.firstPort() + 3; port++) {
                squatters.add(new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1")));
            }
            ServerGroup group = cluster.create("lab-ports", 2, PASSWORD);
            assertThat(group.nodes()).allSatisfy(n -> assertThat(n.port()).isGreaterThanOrEqualTo(properties.firstPort() + 3));

            ClusterProperties narrow = new ClusterProperties(properties.dataDirectory(), properties.firstPort(),
                    properties.firstPort() + 4, 0, "32MB", 100);
            try (EmbeddedCluster small = new EmbeddedCluster(narrow)) {
                assertThatThrownBy(() -> small.create("lab-full", 2, PASSWORD)).hasMessageContaining("No free ports left");
                assertThat(narrow.dataDirectory().resolve("groups/lab-full")).doesNotExist();
                assertThat(small.status("lab-ports").values()).containsOnly(NodeStatus.AVAILABLE);
            }
        } finally {
            for (ServerSocket s : squatters) {
                s.close();
            }
        }
    }

    @Test
    void aNodeThatCannotStartFailsTheCreateAndIsCleanedUp() throws Exception {
        // A template whose configuration the server rejects: every node of the new group fails to start.
        cluster.prepare();
        String defaultVersion = "pg" + cluster.postgresMajorVersion() + ".";
        var templates = Files.list(properties.dataDirectory().resolve("templates"))
                .filter(p -> p.getFileName().toString().startsWith(defaultVersion) && !p.getFileName().toString().endsWith(".building"))
                .toList();
        var conf = templates.get(0).resolve("worker/postgresql.conf");
        String original = Files.readString(conf);
        try {
            Files.writeString(conf, original + "\nshared_buffers = 'not a size'\n");
            assertThatThrownBy(() -> cluster.create("lab-broken", 2, PASSWORD))
                    .isInstanceOf(ClusterException.class)
                    .hasMessageContaining("Server group lab-broken could not be created")
                    .hasMessageContaining("did not start");
        } finally {
            Files.writeString(conf, original);
        }
        assertThat(properties.dataDirectory().resolve("groups/lab-broken")).doesNotExist();
        assertThat(cluster.groups()).isEmpty();
        ServerGroup healthy = cluster.create("lab-after", 2, PASSWORD);
        assertThat(cluster.status(healthy.name()).values()).containsOnly(NodeStatus.AVAILABLE);
    }

    private static boolean portAcceptsConnections(int port) {
        try (var socket = new java.net.Socket("127.0.0.1", port)) {
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    static List<String> queryStrings(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = c.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

}
