package io.hyperscalelab.lab.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hyperscalelab.breakdown.RanStatement;
import io.hyperscalelab.cluster.EmbeddedCluster;
import io.hyperscalelab.cluster.Firewall;
import io.hyperscalelab.cluster.FirewallRule;
import io.hyperscalelab.cluster.QuickstartLab;
import io.hyperscalelab.cluster.ServerGroup;
import io.hyperscalelab.cluster.ServerGroupNode;
import io.hyperscalelab.cluster.SqlRows;
import io.hyperscalelab.cluster.TestClusters;
import io.hyperscalelab.data.DatasetSize;
import io.hyperscalelab.data.LabDataFiles;
import io.hyperscalelab.data.LabDataGenerator;
import io.hyperscalelab.data.LabDataPaths;
import io.hyperscalelab.execution.ClusterTarget;
import io.hyperscalelab.execution.DistributedExecutor;
import io.hyperscalelab.execution.ExecutionResult;
import io.hyperscalelab.execution.ExecutionSession;
import io.hyperscalelab.load.ShardedLoader;
import java.io.BufferedInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The lab's self-checks against a real server group as a learner builds it up step by step: each
 * says "not yet" with what to do, then passes with the learner's own figures. The checks read
 * through the coordinator's read-only role, which can count but never write.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LabStepChecksTest {

    private static final String GROUP = "lab-checks";
    private static final String PASSWORD = "Lab-Passw0rd!";
    private static final DatasetSize SIZE = DatasetSize.ofEvents(2_000);

    private EmbeddedCluster cluster;
    private LabDataPaths files;
    private final DistributedExecutor executor = new DistributedExecutor();
    private final List<RanStatement> ran = new ArrayList<>();

    @BeforeAll
    void createTheGroup() throws Exception {
        cluster = new EmbeddedCluster(TestClusters.freshProperties("lab-checks"));
        cluster.create(GROUP, 2, PASSWORD);
        // the test's learner connects as the query editor does; Cloud Shell is not let in yet
        cluster.replaceFirewall(GROUP, new Firewall(true, List.of()));
        files = new LabDataFiles(Path.of("target", "lab-data").toAbsolutePath(), new LabDataGenerator(LabDataGenerator.DEFAULT_SEED))
                .materialise(SIZE);
    }

    @AfterAll
    void deleteTheGroup() {
        executor.close();
        TestClusters.deleteGroupsAndClose(cluster);
    }

    @Test
    void eachStepSaysWhatIsMissingThenPassesWithTheLearnersOwnFigures() throws Exception {
        assertThat(check(new ServerGroupReady())).isEqualTo(CheckResult.passed(GROUP + ": coordinator and 2 workers Available"));
        assertThat(check(new CloudShellAdmitted()).detail()).isEqualTo("No firewall rule covers Cloud Shell's address "
                + "127.0.0.3 yet: add one on Networking and select Save.");
        assertThat(check(new TablesCreated())).isEqualTo(CheckResult.notYet(
                "There is no table github_events yet: run its CREATE TABLE (Exercise 3)."));

        String shell = cluster.sourceAddresses().cloudShell();
        cluster.replaceFirewall(GROUP, new Firewall(true, List.of(new FirewallRule("CloudShell", shell, shell))));
        assertThat(check(new CloudShellAdmitted())).isEqualTo(CheckResult.passed(
                "Rule CloudShell (127.0.0.3) lets Cloud Shell (127.0.0.3) connect"));

        try (Connection learner = learner(); Statement s = learner.createStatement()) {
            // a view of the lab's name is not the learner's table
            s.execute("CREATE VIEW github_users AS SELECT 1 AS user_id");
            s.execute(QuickstartLab.CREATE_TABLES.get(0));
            assertThat(check(new TablesCreated()).detail()).startsWith("There is no table github_users yet");
            s.execute("DROP VIEW github_users");
            s.execute(QuickstartLab.CREATE_TABLES.get(1).replace("login text", "login varchar(40)"));
            assertThat(check(new TablesCreated()).detail()).isEqualTo("github_users.login is character varying(40), not text: "
                    + "drop the table and create it again as the guide shows.");
            s.execute("DROP TABLE github_users");
            s.execute(QuickstartLab.CREATE_TABLES.get(1));
            assertThat(check(new TablesCreated())).isEqualTo(CheckResult.passed(
                    "github_events (9 columns) and github_users (6 columns)"));

            assertThat(check(new IndexesCreated()).detail()).startsWith("github_events has no index on event_type yet");
            s.execute(QuickstartLab.CREATE_INDEXES.get(0));
            assertThat(check(new IndexesCreated()).detail()).startsWith("github_events has no GIN index on payload");
            s.execute(QuickstartLab.CREATE_INDEXES.get(1));
            assertThat(check(new IndexesCreated())).isEqualTo(CheckResult.passed(
                    "event_type_index (B-tree on event_type) and payload_index (GIN on payload)"));

            assertThat(check(new TablesDistributed()).detail()).isEqualTo(
                    "github_events is not distributed yet: run SELECT create_distributed_table('github_events', 'user_id');");
            s.execute("SELECT create_distributed_table('github_events', 'event_id')");
            assertThat(check(new TablesDistributed()).detail()).startsWith("github_events is distributed by event_id, not user_id");
            s.execute("SELECT undistribute_table('github_events')");
            for (String sql : QuickstartLab.DISTRIBUTE) {
                s.execute(sql);
            }
            assertThat(check(new TablesDistributed())).isEqualTo(CheckResult.passed(
                    "github_events and github_users: distributed by user_id, 32 shards each on 2 workers, co-located"));

            DataLoaded loaded = new DataLoaded(SIZE);
            assertThat(check(loaded).detail()).isEqualTo("github_events is empty: load events.csv with "
                    + "\\copy github_events from 'events.csv' WITH CSV");
            load(learner, "github_events", files.events());
            load(learner, "github_events", files.events());
            load(learner, "github_users", files.users());
            assertThat(check(loaded).detail()).isEqualTo("github_events has " + String.format("%,d", 2 * SIZE.events())
                    + " rows, events.csv 2 times over: TRUNCATE github_events; and load it once.");
            s.execute("TRUNCATE github_events");
            load(learner, "github_events", files.events());
            assertThat(check(loaded)).isEqualTo(CheckResult.passed("github_events: " + String.format("%,d", SIZE.events())
                    + " rows, github_users: " + String.format("%,d", SIZE.users()) + " rows"));
        }

        LabQueryRan count = new LabQueryRan(LabQuery.COUNT);
        assertThat(check(count)).isEqualTo(CheckResult.notYet("Not run yet: run it in Cloud Shell's psql or in the query editor."));
        run("select count(*)\n  from github_events");
        assertThat(check(count).detail()).matches("Ran in Query editor at \\d\\d:\\d\\d:\\d\\d: multi-shard, 32 tasks on 2 workers, "
                + "[\\d.,]+ ms");
        run("SELECT created_at, event_type, repo->>'name' AS repo_name FROM github_events WHERE user_id = 3861633;");
        assertThat(check(new LabQueryRan(LabQuery.ONE_USER)).detail()).contains(": router, 1 task on 1 worker, ");
    }

    @Test
    void theFiguresCountEachWorkersShardsAndRowsWithCitusOwnFunctions() throws Exception {
        try (Connection learner = learner(); Statement s = learner.createStatement()) {
            s.execute("CREATE TABLE figures_probe (user_id bigint, note text)");
            s.execute("SELECT create_distributed_table('figures_probe', 'user_id', shard_count := 4)");
            s.execute("INSERT INTO figures_probe SELECT i, 'n' FROM generate_series(1, 1000) i");
        }
        ServerGroup group = cluster.group(GROUP).orElseThrow();
        try (CheckSession session = new CheckSession(cluster, group, List.of())) {
            Map<Integer, Long> rows = ShardRows.byWorkerPort(session, List.of("figures_probe"));
            assertThat(rows.keySet()).containsExactlyInAnyOrderElementsOf(group.workers().stream().map(ServerGroupNode::port).toList());
            assertThat(rows.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(1000);
        } finally {
            try (Connection learner = learner(); Statement s = learner.createStatement()) {
                s.execute("DROP TABLE figures_probe");
            }
        }
    }

    @Test
    void theReadOnlyRoleCountsButCannotWriteNorTakeTheLearnersRights() throws Exception {
        try (Connection learner = learner(); Statement s = learner.createStatement()) {
            s.execute("CREATE TABLE reader_probe (id int)");
            s.execute("INSERT INTO reader_probe VALUES (1), (2)");
        }
        try (Connection reader = cluster.readOnlyConnection(GROUP); Statement s = reader.createStatement()) {
            assertThat(SqlRows.value(reader, "SELECT count(*) FROM reader_probe")).isEqualTo("2");
            assertThat(SqlRows.value(reader, "SELECT rolsuper FROM pg_roles WHERE rolname = current_user")).isEqualTo("f");
            assertThatThrownBy(() -> s.execute("INSERT INTO reader_probe VALUES (3)"))
                    .hasMessageContaining("cannot execute INSERT in a read-only transaction");
            s.execute("SET default_transaction_read_only = off");
            assertThatThrownBy(() -> s.execute("INSERT INTO reader_probe VALUES (3)"))
                    .hasMessageContaining("permission denied for table reader_probe");
            assertThatThrownBy(() -> s.execute("SET ROLE citus")).hasMessageContaining("permission denied to set role");
            assertThatThrownBy(() -> s.execute("CREATE TABLE reader_table (id int)")).isInstanceOf(SQLException.class);
        } finally {
            try (Connection learner = learner(); Statement s = learner.createStatement()) {
                s.execute("DROP TABLE reader_probe");
            }
        }
        // from anywhere but the product's address it is refused before any password is asked for
        Properties fromCloudShell = new Properties();
        fromCloudShell.setProperty("user", "lab_reader");
        fromCloudShell.setProperty("password", "any");
        fromCloudShell.setProperty("localSocketAddress", cluster.sourceAddresses().cloudShell());
        assertThatThrownBy(() -> DriverManager.getConnection(cluster.jdbcUrl(GROUP), fromCloudShell).close())
                .hasMessageContaining("pg_hba.conf rejects connection for host \"127.0.0.3\", user \"lab_reader\"");
    }

    private CheckResult check(StepCheck check) throws SQLException {
        List<RanStatement> newestFirst = new ArrayList<>(ran);
        Collections.reverse(newestFirst);
        try (CheckSession session = new CheckSession(cluster, cluster.group(GROUP).orElseThrow(), newestFirst)) {
            return check.check(session);
        }
    }

    private void run(String sql) throws Exception {
        try (ExecutionSession session = executor.openSession(ClusterTarget.forGroup(cluster, GROUP, cluster.learnerCredentials(GROUP)), learner())) {
            ExecutionResult result = session.execute(sql);
            ran.add(new RanStatement(sql, RanStatement.QUERY_EDITOR, Instant.now(), result.breakdown()));
        }
    }

    private Connection learner() throws SQLException {
        return cluster.learnerConnection(GROUP, cluster.sourceAddresses().azureServices());
    }

    private static void load(Connection coordinator, String table, Path file) throws Exception {
        ShardedLoader loader = new ShardedLoader((host, port) ->
                DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/citus", "citus", PASSWORD));
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            loader.load(coordinator, table, in, file.getFileName().toString(), Files.size(file), p -> { });
        }
    }
}
