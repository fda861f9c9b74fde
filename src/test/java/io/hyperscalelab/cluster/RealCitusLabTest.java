package io.hyperscalelab.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.hyperscalelab.data.DatasetSize;
import io.hyperscalelab.data.LabDataFiles;
import io.hyperscalelab.data.LabDataGenerator;
import io.hyperscalelab.execution.Breakdown;
import io.hyperscalelab.execution.ClusterTarget;
import io.hyperscalelab.execution.DistributedExecutor;
import io.hyperscalelab.execution.ExecutionPath;
import io.hyperscalelab.execution.ExecutionResult;
import io.hyperscalelab.execution.LearnerSession;
import io.hyperscalelab.execution.TaskBreakdown;
import io.hyperscalelab.load.LabTables;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The lab on real Citus (the citusdata/citus images, as {@code docker/compose.yaml} starts them),
 * through the real-Citus implementation: a server group is a role and a schema on every node, the
 * lab's tables are distributed and loaded by Citus itself, {@code citus_tables}, {@code citus_shards}
 * and {@code pg_dist_node} are Citus' own, the lab's four queries return what one plain PostgreSQL
 * with the same rows returns, and their breakdowns, read from Citus' EXPLAIN, name every task on
 * the cluster's two workers.
 */
@RealCitusSuite
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RealCitusLabTest {

    private static final String GROUP = "lab";
    private static final String PASSWORD = "Lab-Passw0rd!";
    private static final DatasetSize SIZE = DatasetSize.ofEvents(5_000);

    private CitusContainers citus;
    private RealCitusCluster cluster;
    private PlainPostgres plain;
    private DistributedExecutor executor;
    private LearnerSession session;
    private long user;

    @BeforeAll
    void runTheLabsSetUp() throws Exception {
        citus = CitusContainers.start();
        ClusterProperties properties = TestClusters.freshProperties("real-citus-lab");
        cluster = new RealCitusCluster(citus.url(), 10, properties);
        cluster.create(new ServerGroupSpec(GROUP, 4, PASSWORD, cluster.availablePostgresVersions().get(0), Firewall.NO_ACCESS));
        plain = PlainPostgres.start(properties, "plain-postgres");
        LabDataFiles files = new LabDataFiles(Path.of("target", "lab-data").toAbsolutePath(),
                new LabDataGenerator(LabDataGenerator.DEFAULT_SEED));
        try (Connection learner = learner(); Connection reference = plain.connect()) {
            LabTables.createAndLoad(learner, reference, files.materialise(SIZE), PASSWORD, List.of());
            user = Long.parseLong(SqlRows.value(reference,
                    "SELECT user_id FROM github_events GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1"));
        }
        executor = new DistributedExecutor();
        session = executor.openLearnerSession(ClusterTarget.forGroup(cluster, GROUP, cluster.learnerCredentials(GROUP)),
                learner());
    }

    @AfterAll
    void stop() throws Exception {
        if (session != null) {
            session.close();
        }
        if (executor != null) {
            executor.close();
        }
        if (cluster != null) {
            cluster.groups().forEach(g -> cluster.delete(g.name()));
            cluster.close();
        }
        if (plain != null) {
            plain.close();
        }
        if (citus != null) {
            citus.close();
        }
    }

    @Test
    void theClusterIsCitusWithTwoWorkersAndTheGroupHasThem() {
        CitusHealth health = cluster.health();

        assertThat(health.problem()).isNull();
        assertThat(CitusVersion.parse(health.citusVersion()).olderThan(CitusProbe.MINIMUM)).isFalse();
        assertThat(health.workers()).extracting(CitusHealth.Worker::host).containsExactly("worker1", "worker2");
        ServerGroup group = cluster.group(GROUP).orElseThrow();
        assertThat(group.workers()).extracting(ServerGroupNode::name).containsExactly("lab-w0", "lab-w1");
        assertThat(cluster.status(GROUP)).containsOnlyKeys(group.nodes()).containsValues(NodeStatus.AVAILABLE);
    }

    @Test
    void theGroupsRoleAndSchemaReachedEveryWorker() throws Exception {
        try (Connection admin = admin()) {
            assertThat(SqlRows.table(admin, "SELECT result FROM run_command_on_workers("
                    + "$$SELECT count(*) FROM pg_roles WHERE rolname = 'lab'$$) ORDER BY nodename"))
                    .containsExactly(List.of("1"), List.of("1"));
            assertThat(SqlRows.table(admin, "SELECT result FROM run_command_on_workers("
                    + "$$SELECT count(*) FROM pg_namespace WHERE nspname = 'lab'$$) ORDER BY nodename"))
                    .containsExactly(List.of("1"), List.of("1"));
        }
    }

    @Test
    void citusOwnMetadataShowsTheLabsTables() throws Exception {
        try (Connection learner = learner()) {
            assertThat(SqlRows.table(learner, "SELECT table_name::text, citus_table_type, distribution_column, shard_count "
                    + "FROM citus_tables WHERE table_name::text LIKE '%github%' ORDER BY 1"))
                    .containsExactly(List.of("github_events", "distributed", "user_id", "32"),
                            List.of("github_users", "distributed", "user_id", "32"));
            assertThat(SqlRows.value(learner, "SELECT count(DISTINCT colocation_id) FROM citus_tables "
                    + "WHERE table_name::text LIKE '%github%'")).isEqualTo("1");
            assertThat(SqlRows.table(learner, "SELECT DISTINCT nodename FROM citus_shards ORDER BY 1"))
                    .containsExactly(List.of("worker1"), List.of("worker2"));
            assertThat(SqlRows.value(learner, "SELECT count(*) FROM github_events")).isEqualTo(String.valueOf(SIZE.events()));
        }
    }

    @Test
    void theCountIs32TasksOnTheTwoWorkers() throws Exception {
        ExecutionResult count = same("SELECT count(*) FROM github_events");
        Breakdown breakdown = count.breakdown();

        assertThat(breakdown.path()).isEqualTo(ExecutionPath.MULTI_SHARD);
        assertThat(breakdown.tasks()).hasSize(32);
        assertThat(breakdown.tasks()).extracting(TaskBreakdown::shardId).doesNotHaveDuplicates().doesNotContain(0L);
        assertThat(breakdown.tasks()).allSatisfy(task -> {
            assertThat(task.sql()).containsIgnoringCase("count(*)").contains("github_events_");
            assertThat(task.rows()).isEqualTo(1);
            assertThat(task.millis()).isPositive();
        });
        assertThat(breakdown.workers()).extracting(w -> w.worker().name()).containsExactly("lab-w0", "lab-w1");
        assertThat(breakdown.workers()).extracting(w -> w.tasks()).containsExactly(16, 16);
    }

    @Test
    void commitsPerHourAndTheTopCreatorsAgreeWithPlainPostgres() throws Exception {
        assertThat(sameInOrder(QuickstartLab.COMMITS_PER_HOUR).breakdown().path()).isEqualTo(ExecutionPath.MULTI_SHARD);
        ExecutionResult top = session.execute(QuickstartLab.TOP_CREATORS);
        assertThat(top.breakdown().path()).isEqualTo(ExecutionPath.MULTI_SHARD);
        // which logins tie for 20th place is not fixed: the counts, in order, are
        try (Connection reference = plain.connect()) {
            assertThat(column(top.result().rows(), 1)).isEqualTo(column(SqlRows.table(reference, QuickstartLab.TOP_CREATORS), 1));
        }
    }

    @Test
    void theSingleUserLookupIsOneTaskOnOneWorker() throws Exception {
        ExecutionResult lookup = same(QuickstartLab.singleUserLookup(user));

        assertThat(lookup.breakdown().path()).isEqualTo(ExecutionPath.ROUTER);
        assertThat(lookup.breakdown().tasks()).singleElement()
                .satisfies(task -> assertThat(task.rows()).isEqualTo(lookup.result().rows().size()));
    }

    @Test
    void theLearnersOwnExplainIsReadInBothFormats() throws Exception {
        session.execute("SET citus.explain_all_tasks = on");
        try {
            Breakdown text = session.execute("EXPLAIN (ANALYZE, VERBOSE) SELECT count(*) FROM github_events").breakdown();
            Breakdown json = session.execute("EXPLAIN (ANALYZE, FORMAT JSON) SELECT count(*) FROM github_events").breakdown();
            assertThat(text.tasks()).hasSize(32);
            assertThat(json.tasks()).hasSize(32);
            assertThat(text.workers()).hasSize(2);
        } finally {
            session.execute("RESET citus.explain_all_tasks");
        }
    }

    @Test
    void deletingAGroupRemovesItsRoleFromEveryNode() throws Exception {
        cluster.create(new ServerGroupSpec("short-lived", 2, PASSWORD, cluster.availablePostgresVersions().get(0),
                Firewall.NO_ACCESS));
        cluster.delete("short-lived");

        try (Connection admin = admin()) {
            assertThat(SqlRows.value(admin, "SELECT count(*) FROM pg_roles WHERE rolname = 'short-lived'")).isEqualTo("0");
            assertThat(SqlRows.table(admin, "SELECT result FROM run_command_on_workers("
                    + "$$SELECT count(*) FROM pg_roles WHERE rolname = 'short-lived'$$)"))
                    .containsExactly(List.of("0"), List.of("0"));
        }
    }

    private ExecutionResult same(String sql) throws Exception {
        ExecutionResult result = session.execute(sql);
        try (Connection reference = plain.connect()) {
            assertThat(sorted(result.result().rows())).as(sql).isEqualTo(sorted(SqlRows.table(reference, sql)));
        }
        return result;
    }

    private ExecutionResult sameInOrder(String sql) throws Exception {
        ExecutionResult result = session.execute(sql);
        try (Connection reference = plain.connect()) {
            assertThat(result.result().rows()).as(sql).isEqualTo(SqlRows.table(reference, sql));
        }
        return result;
    }

    private Connection learner() throws Exception {
        Properties options = new Properties();
        options.setProperty("preferQueryMode", "simple");
        return cluster.learnerConnection(GROUP, SourceAddresses.LEARNER_MACHINE, options);
    }

    private Connection admin() throws Exception {
        CitusUrl url = citus.url();
        return java.sql.DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password());
    }

    private static List<List<String>> sorted(List<List<String>> rows) {
        List<List<String>> copy = new ArrayList<>(rows);
        copy.sort(Comparator.comparing(Object::toString));
        return copy;
    }

    private static List<String> column(List<List<String>> rows, int index) {
        return rows.stream().map(r -> r.get(index)).toList();
    }
}
