package io.hyperscalelab.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.hyperscalelab.load.ShardedLoader;
import io.hyperscalelab.load.WorkerConnectionPool;
import io.hyperscalelab.shell.ServerGroupHosts;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Idle stop with real servers and an idle time of seconds. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IdleStopTest {

    private static final String PASSWORD = "Lab-Passw0rd!";
    private static final String GROUP = "idle";
    private static final IdleStopProperties IDLE = new IdleStopProperties(Duration.ofSeconds(3));

    private ClusterProperties properties;
    private EmbeddedCluster cluster;
    private IdleStopper stopper;

    @BeforeAll
    void startGroup() throws Exception {
        properties = TestClusters.freshProperties("idle");
        cluster = new EmbeddedCluster(properties);
        cluster.create(GROUP, 2, PASSWORD);
        stopper = new IdleStopper(cluster, IDLE);
    }

    @AfterAll
    void deleteGroup() {
        stopper.close();
        TestClusters.deleteGroupsAndClose(cluster);
    }

    @Test
    void aGroupWithASessionStaysUpAndOneLeftAloneStopsThenStartsForTheNextConnection() throws Exception {
        cluster.wake(GROUP);
        try (Connection learner = learnerPsql()) {
            // three idle periods with an idle session open: a session is never cut
            await().during(Duration.ofSeconds(9)).atMost(Duration.ofSeconds(20))
                    .until(() -> cluster.status(GROUP).values().stream().allMatch(s -> s == NodeStatus.AVAILABLE));
            assertThat(single(learner, "SELECT count(*) FROM pg_dist_node")).isEqualTo(2);
        }

        awaitStoppedIdle();
        ServerGroup stopped = cluster.group(GROUP).orElseThrow();
        assertThat(stopped.running()).isFalse();
        assertThat(stopped.nodes()).allSatisfy(node -> assertThat(cluster.process(GROUP, node)).isEmpty());

        // the Cloud Shell's psql resolving the coordinator's name is the next action
        assertThat(new ServerGroupHosts(cluster).resolve("idle-c.postgres.database.azure.com", 5432)).isPresent();
        assertThat(cluster.status(GROUP).values()).containsOnly(NodeStatus.AVAILABLE);
        try (Connection learner = learnerPsql()) {
            assertThat(single(learner, "SELECT count(*) FROM pg_dist_node")).isEqualTo(2);
        }
    }

    @Test
    void idlePooledLoaderConnectionsDoNotKeepAGroupUpAndAreReplacedAfterTheRestart() throws Exception {
        cluster.wake(GROUP);
        Properties credentials = new Properties();
        credentials.setProperty("user", "citus");
        credentials.setProperty("password", PASSWORD);
        byte[] csv = "1,a\n2,b\n3,c\n".getBytes(StandardCharsets.UTF_8);
        try (WorkerConnectionPool pool = new WorkerConnectionPool(Duration.ofMinutes(5))) {
            ShardedLoader loader = new ShardedLoader(pool.connections("citus", credentials));
            try (Connection c = learnerPsql(); Statement s = c.createStatement()) {
                s.execute("DROP TABLE IF EXISTS idle_rows");
                s.execute("CREATE TABLE idle_rows (id bigint, label text)");
                s.execute("SELECT create_distributed_table('idle_rows', 'id')");
                loader.load(c, "idle_rows", new ByteArrayInputStream(csv), "rows.csv", csv.length, p -> { });
            }
            assertThat(pool.idleCount()).isEqualTo(32);

            awaitStoppedIdle();

            try (Connection c = cluster.learnerConnection(GROUP, "127.0.0.1")) {
                loader.load(c, "idle_rows", new ByteArrayInputStream(csv), "rows.csv", csv.length, p -> { });
                assertThat(single(c, "SELECT count(*) FROM idle_rows")).isEqualTo(6);
            }
        }
    }

    @Test
    void aGroupStoppedForIdlenessStaysStoppedAcrossARestartOfTheAppUntilItIsUsed() throws Exception {
        cluster.wake(GROUP);
        awaitStoppedIdle();
        stopper.close();
        cluster.close();

        cluster = new EmbeddedCluster(properties);
        stopper = new IdleStopper(cluster, IDLE);
        cluster.resumeGroups();
        assertThat(cluster.status(GROUP).values()).containsOnly(NodeStatus.STOPPED_IDLE);

        try (Connection c = cluster.learnerConnection(GROUP, "127.0.0.1")) {
            assertThat(single(c, "SELECT count(*) FROM pg_dist_node")).isEqualTo(2);
        }
        assertThat(cluster.status(GROUP).values()).containsOnly(NodeStatus.AVAILABLE);
    }

    @Test
    void aClientOfTheStoppedCoordinatorIsToldWhyAndItsAttemptStartsTheGroup() throws Exception {
        cluster.wake(GROUP);
        awaitStoppedIdle();
        int port = cluster.group(GROUP).orElseThrow().coordinator().port();

        // Debian's psql 15, as on the learner's own machine, over TLS as the connection strings ask
        assertThat(psql(port)).isEqualTo("psql: error: connection to server at \"127.0.0.1\", port " + port + " failed: "
                + "FATAL:  server group \"idle\" was stopped while nobody used it and is starting now; "
                + "connect again in a few seconds\n");
        await().atMost(Duration.ofSeconds(60)).until(() -> psql(port).equals("1\n"));
        // the coordinator may answer while the workers are still starting
        await().atMost(Duration.ofSeconds(60))
                .until(() -> cluster.status(GROUP).values().stream().allMatch(s -> s == NodeStatus.AVAILABLE));

        // a client without TLS is told the same
        awaitStoppedIdle();
        assertThatThrownBy(() -> DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/citus?sslmode=disable",
                "citus", PASSWORD).close())
                .hasMessageContaining("server group \"idle\" was stopped while nobody used it and is starting now");
        await().atMost(Duration.ofSeconds(60))
                .until(() -> cluster.status(GROUP).values().stream().allMatch(s -> s == NodeStatus.AVAILABLE));
    }

    @Test
    void aClientTheFirewallRefusesGetsPostgresqlsOwnRefusalAndStartsNothing() throws Exception {
        cluster.wake(GROUP);
        int port = cluster.group(GROUP).orElseThrow().coordinator().port();
        cluster.replaceFirewall(GROUP, Firewall.NO_ACCESS);
        try {
            String refusedByPostgres = psql(port);
            assertThat(refusedByPostgres).contains("FATAL:  no pg_hba.conf entry for host \"127.0.0.1\"");
            awaitStoppedIdle();

            assertThat(psql(port)).isEqualTo(refusedByPostgres);
            await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(10))
                    .until(() -> cluster.status(GROUP).values().stream().allMatch(s -> s == NodeStatus.STOPPED_IDLE));
        } finally {
            cluster.replaceFirewall(GROUP, Firewall.thisMachine());
        }
    }

    private static String psql(int port) throws Exception {
        ProcessBuilder command = new ProcessBuilder("psql", "host=127.0.0.1 port=" + port + " dbname=citus user=citus sslmode=require",
                "-XAtc", "SELECT 1").redirectErrorStream(true);
        command.environment().put("PGPASSWORD", PASSWORD);
        Process process = command.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        return output;
    }

    private void awaitStoppedIdle() {
        await().atMost(Duration.ofSeconds(60))
                .until(() -> cluster.status(GROUP).values().stream().allMatch(s -> s == NodeStatus.STOPPED_IDLE));
    }

    /** A learner's own psql: straight to the coordinator, as any client on this machine connects. */
    private Connection learnerPsql() throws SQLException {
        return DriverManager.getConnection(cluster.jdbcUrl(GROUP), "citus", PASSWORD);
    }

    private static long single(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
