package io.hyperscalelab.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** How nodes come up while a group is created: one by one, and on another port when theirs is taken. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NodeProvisioningTest {

    private static final String PASSWORD = "Lab-Passw0rd!";

    private final ExecutorService background = Executors.newSingleThreadExecutor();
    private ClusterProperties properties;
    private EmbeddedCluster cluster;

    @BeforeAll
    void startCluster() throws Exception {
        properties = TestClusters.freshProperties("node-provisioning");
        cluster = new EmbeddedCluster(properties);
        cluster.prepare();
    }

    @AfterAll
    void stopCluster() {
        background.shutdownNow();
        TestClusters.deleteGroupsAndClose(cluster);
    }

    @Test
    void workersTurnAvailableOneByOneAndTheCoordinatorWithItsGroup() throws Exception {
        Future<ServerGroup> created = background.submit(() -> cluster.create(spec("progress")));
        List<Map<String, NodeStatus>> seen = new ArrayList<>();
        while (!created.isDone()) {
            statuses("progress").filter(s -> seen.isEmpty() || !seen.get(seen.size() - 1).equals(s)).ifPresent(seen::add);
            Thread.onSpinWait();
        }
        ServerGroup group = created.get();
        seen.add(names(cluster.status("progress")));

        String coordinator = group.coordinator().name();
        assertThat(seen.get(0).values()).as("first seen: %s", seen).containsOnly(NodeStatus.PROVISIONING);
        assertThat(seen.get(seen.size() - 1).values()).containsOnly(NodeStatus.AVAILABLE);
        assertThat(seen).as("a worker is Available while the coordinator is still Provisioning: %s", seen)
                .anySatisfy(s -> {
                    assertThat(s.get(coordinator)).isEqualTo(NodeStatus.PROVISIONING);
                    assertThat(s.values()).contains(NodeStatus.AVAILABLE);
                });
        for (int i = 1; i < seen.size(); i++) {
            Map<String, NodeStatus> before = seen.get(i - 1);
            Map<String, NodeStatus> after = seen.get(i);
            before.forEach((node, status) -> assertThat(status == NodeStatus.AVAILABLE ? after.get(node) : NodeStatus.AVAILABLE)
                    .as("%s went back from Available: %s", node, seen).isEqualTo(NodeStatus.AVAILABLE));
            if (after.get(coordinator) == NodeStatus.AVAILABLE) {
                // Available everywhere means the group can be found: the coordinator comes last
                assertThat(after.values()).containsOnly(NodeStatus.AVAILABLE);
            }
        }
    }

    @Test
    void aNodeWhosePortIsTakenAsItStartsMovesToAnotherPort() throws Exception {
        Future<ServerGroup> created = background.submit(() -> cluster.create(spec("port-race")));
        // The coordinator waits for its certificate (a keytool run) before it starts: time enough
        // for another process to take the port it was promised, as happens between two apps.
        int promised = promisedCoordinatorPort("port-race");
        try (ServerSocket squatter = takePort(promised)) {
            ServerGroup group = created.get(3, TimeUnit.MINUTES);

            int port = group.coordinator().port();
            assertThat(port).isNotEqualTo(promised).isBetween(properties.firstPort(), properties.lastPort());
            assertThat(group.nodes()).extracting(ServerGroupNode::port).doesNotHaveDuplicates();
            assertThat(cluster.group("port-race").orElseThrow()).isEqualTo(group);
            Path log = properties.dataDirectory().resolve("groups/port-race").resolve(group.coordinator().name()).resolve("server.log");
            assertThat(Files.readString(log)).contains("Address already in use");
            assertThat(workerCount(group)).isEqualTo(2);

            // the new port is the node's own: it is where the node listens after a restart
            cluster.stop("port-race");
            cluster.start("port-race");
            assertThat(workerCount(group)).isEqualTo(2);
            assertThat(squatter.isBound()).isTrue();
        }
    }

    private long workerCount(ServerGroup group) throws Exception {
        try (Connection c = DriverManager.getConnection(cluster.jdbcUrl(group.name()), "citus", PASSWORD);
             ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM pg_dist_node")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private ServerGroupSpec spec(String name) {
        return new ServerGroupSpec(name, 2, PASSWORD, cluster.postgresMajorVersion(), Firewall.thisMachine());
    }

    /** The coordinator's port as soon as the cluster has reserved the group's ports. */
    private int promisedCoordinatorPort(String name) {
        while (true) {
            for (ServerGroupNode node : statusesOrEmpty(name).keySet()) {
                if (node.role() == NodeRole.COORDINATOR) {
                    return node.port();
                }
            }
            Thread.onSpinWait();
        }
    }

    private static ServerSocket takePort(int port) throws IOException {
        try {
            return new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"));
        } catch (BindException e) {
            throw new AssertionError("The coordinator took port " + port + " before the test could: it started before "
                    + "its certificate was ready?", e);
        }
    }

    private Optional<Map<String, NodeStatus>> statuses(String name) {
        Map<ServerGroupNode, NodeStatus> statuses = statusesOrEmpty(name);
        return statuses.isEmpty() ? Optional.empty() : Optional.of(names(statuses));
    }

    private Map<ServerGroupNode, NodeStatus> statusesOrEmpty(String name) {
        try {
            return cluster.status(name);
        } catch (ClusterException notYetReserved) {
            return Map.of();
        }
    }

    private static Map<String, NodeStatus> names(Map<ServerGroupNode, NodeStatus> statuses) {
        Map<String, NodeStatus> byName = new LinkedHashMap<>();
        statuses.forEach((node, status) -> byName.put(node.name(), status));
        return byName;
    }
}
