package io.hyperscalelab.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.hyperscalelab.breakdown.DistributedAggregateFigure;
import io.hyperscalelab.breakdown.DistributedAggregateFigureTest;
import io.hyperscalelab.cluster.QuickstartLab;
import io.hyperscalelab.cluster.ServerGroupNode;
import io.hyperscalelab.data.DatasetSize;
import java.sql.Connection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The execution breakdown of the lab's queries, over JDBC through the executor and in psql
 * through citus_breakdown(), and EXPLAIN in Citus' shape.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExecutionBreakdownTest {

    private static final String COUNT = "SELECT count(*) from github_events;";
    private static final String PER_HOUR = QuickstartLab.COMMITS_PER_HOUR;
    private static final String PER_MINUTE = QuickstartLab.COMMITS_PER_MINUTE;
    private static final String TOP_CREATORS = QuickstartLab.TOP_CREATORS;

    private LabCluster lab;
    private ExecutionSession session;
    private Connection psql;
    private Set<Long> eventShards;
    private Set<Long> userShards;
    private Set<String> workerNames;
    private Set<Integer> workerPorts;
    private long user;

    @BeforeAll
    void start() throws Exception {
        lab = LabCluster.start("exec-bd", DatasetSize.ofEvents(10_000));
        session = lab.session();
        psql = lab.coordinator();
        eventShards = longs("SELECT shardid FROM pg_dist_shard WHERE logicalrelid = 'github_events'::regclass");
        userShards = longs("SELECT shardid FROM pg_dist_shard WHERE logicalrelid = 'github_users'::regclass");
        workerNames = lab.workers().stream().map(ServerGroupNode::name).collect(Collectors.toSet());
        workerPorts = lab.workers().stream().map(ServerGroupNode::port).collect(Collectors.toSet());
        user = Long.parseLong(LabCluster.rows(psql, "SELECT user_id FROM github_events GROUP BY user_id "
                + "HAVING count(*) > 2 ORDER BY user_id LIMIT 1").get(0).get(0));
    }

    @AfterAll
    void stop() throws Exception {
        if (session != null) {
            session.close();
        }
        if (psql != null) {
            psql.close();
        }
        if (lab != null) {
            lab.close();
        }
    }

    /** The lab guide's figure of the count query is what a real run of it draws. */
    @Test
    void theLabsFigureIsDrawnFromARealRunOfTheCountQuery() throws Exception {
        String statement = DistributedAggregateFigureTest.COUNT;
        Breakdown real = session.execute(statement).breakdown();

        DistributedAggregateFigureTest.assertIsTheCommittedFigure(
                DistributedAggregateFigure.svg(statement, DistributedAggregateFigureTest.MERGE, real));
    }

    @Test
    void multiShardQueriesNameEveryShardAndBothWorkers() throws Exception {
        for (String sql : List.of(COUNT, PER_HOUR, PER_MINUTE, TOP_CREATORS)) {
            Breakdown breakdown = session.execute(sql).breakdown();
            assertThat(breakdown.path()).as(sql).isEqualTo(ExecutionPath.MULTI_SHARD);
            assertThat(breakdown.tasks()).as(sql).hasSize(32);
            assertThat(breakdown.tasks()).extracting(TaskBreakdown::shardId).as(sql).containsExactlyInAnyOrderElementsOf(eventShards);
            assertThat(breakdown.tasks()).extracting(t -> t.worker().name()).as(sql).containsOnlyElementsOf(workerNames);
            assertThat(breakdown.workers()).extracting(w -> w.worker().name()).as(sql).containsExactlyInAnyOrderElementsOf(workerNames);
            assertThat(breakdown.workers()).extracting(w -> w.worker().port()).as(sql).containsExactlyInAnyOrderElementsOf(workerPorts);
            for (TaskBreakdown task : breakdown.tasks()) {
                assertThat(task.sql()).as(sql).contains(task.shardTable());
                assertThat(task.millis()).isPositive();
                assertThat(task.worker().endpoint()).isEqualTo("127.0.0.1:" + task.worker().port());
            }
            totalsAddUp(breakdown);
            assertThat(breakdown.wallMillis()).isGreaterThanOrEqualTo(breakdown.mergeMillis());
        }
        Breakdown count = session.execute(COUNT).breakdown();
        assertThat(count.tasks()).allSatisfy(t -> assertThat(t.rows()).isEqualTo(1));
        Breakdown join = session.execute(TOP_CREATORS).breakdown();
        assertThat(join.tasks()).allSatisfy(t -> {
            assertThat(t.shards()).hasSize(2);
            assertThat(userShards).contains(t.shards().get(1).shardId());
        });
    }

    @Test
    void aRouterQueryIsOneTaskOnTheShardOfItsValue() throws Exception {
        Breakdown breakdown = session.execute("SELECT created_at, event_type, repo->>'name' AS repo_name FROM github_events "
                + "WHERE user_id = " + user).breakdown();
        long shard = Long.parseLong(LabCluster.rows(psql, "SELECT get_shard_id_for_distribution_column('github_events', "
                + user + ")").get(0).get(0));
        int port = Integer.parseInt(LabCluster.rows(psql, "SELECT nodeport FROM citus_shards WHERE shardid = " + shard).get(0).get(0));
        assertThat(breakdown.path()).isEqualTo(ExecutionPath.ROUTER);
        assertThat(breakdown.tasks()).singleElement().satisfies(task -> {
            assertThat(task.shardId()).isEqualTo(shard);
            assertThat(task.worker().port()).isEqualTo(port);
            assertThat(task.rows()).isGreaterThan(2);
            assertThat(task.bytes()).isPositive();
        });
        totalsAddUp(breakdown);
    }

    @Test
    void theCoordinatorsOwnPlansAreBrokenDownToo() throws Exception {
        Breakdown update = session.execute("UPDATE github_users SET display_login = 'no1youknow' WHERE user_id = " + user)
                .breakdown();
        long shard = Long.parseLong(LabCluster.rows(psql, "SELECT get_shard_id_for_distribution_column('github_users', "
                + user + ")").get(0).get(0));
        assertThat(update.path()).isEqualTo(ExecutionPath.COORDINATOR);
        assertThat(update.tasks()).singleElement().satisfies(task -> {
            assertThat(task.shardId()).isEqualTo(shard);
            assertThat(workerNames).contains(task.worker().name());
            assertThat(task.sql()).contains(task.shardTable());
        });

        Breakdown subquery = session.execute("SELECT count(*) FROM github_events WHERE user_id IN "
                + "(SELECT user_id FROM github_users WHERE login LIKE 'a%')").breakdown();
        assertThat(subquery.path()).isEqualTo(ExecutionPath.COORDINATOR);
        assertThat(subquery.reason()).contains("subqueries");
        assertThat(subquery.tasks()).hasSizeGreaterThanOrEqualTo(32);
        assertThat(subquery.tasks()).flatExtracting(TaskBreakdown::shards).extracting(ShardRef::shardId)
                .containsAll(eventShards);
        assertThat(subquery.workers()).extracting(w -> w.worker().name()).containsExactlyInAnyOrderElementsOf(workerNames);
        totalsAddUp(subquery);

        Breakdown local = session.execute("SELECT 1").breakdown();
        assertThat(local.path()).isEqualTo(ExecutionPath.COORDINATOR);
        assertThat(local.tasks()).isEmpty();
    }

    @Test
    void psqlUsersGetTheSameModelFromCitusBreakdown() throws Exception {
        List<List<String>> rows = LabCluster.rows(psql, "SELECT kind, task, shardid, shard_name, nodename, nodeport, rows, "
                + "bytes, time_ms FROM citus_breakdown($$" + COUNT + "$$)");
        List<List<String>> tasks = rows.stream().filter(r -> r.get(0).equals("task")).toList();
        List<List<String>> workers = rows.stream().filter(r -> r.get(0).equals("worker")).toList();
        List<String> total = rows.stream().filter(r -> r.get(0).equals("total")).findFirst().orElseThrow();
        assertThat(tasks).hasSize(32);
        assertThat(tasks).extracting(r -> Long.parseLong(r.get(2))).containsExactlyInAnyOrderElementsOf(eventShards);
        assertThat(tasks).extracting(r -> Integer.parseInt(r.get(5))).containsOnlyElementsOf(workerPorts);
        assertThat(workers).hasSize(2).extracting(r -> Integer.parseInt(r.get(5))).containsExactlyInAnyOrderElementsOf(workerPorts);
        assertThat(workers.stream().mapToInt(r -> Integer.parseInt(r.get(1))).sum()).isEqualTo(32);
        assertThat(workers.stream().mapToLong(r -> Long.parseLong(r.get(6))).sum()).isEqualTo(Long.parseLong(total.get(6)))
                .isEqualTo(tasks.stream().mapToLong(r -> Long.parseLong(r.get(6))).sum());
        assertThat(rows).filteredOn(r -> r.get(0).equals("coordinator")).hasSize(1);

        // the executor's breakdown of a statement left to the coordinator is the same function's
        Breakdown viaExecutor = session.execute("SELECT count(*) FROM github_events WHERE user_id IN "
                + "(SELECT user_id FROM github_events)").breakdown();
        List<List<String>> viaFunction = LabCluster.rows(psql, "SELECT shardid FROM citus_breakdown($$SELECT count(*) "
                + "FROM github_events WHERE user_id IN (SELECT user_id FROM github_events)$$) WHERE kind = 'task'");
        assertThat(viaExecutor.tasks()).extracting(TaskBreakdown::shardId)
                .containsExactlyInAnyOrderElementsOf(viaFunction.stream().map(r -> Long.parseLong(r.get(0))).toList());
    }

    @Test
    void explainOfARouterQueryShowsOneTask() throws Exception {
        List<String> plan = explain("EXPLAIN SELECT created_at, event_type FROM github_events WHERE user_id = " + user);
        long shard = Long.parseLong(LabCluster.rows(psql, "SELECT get_shard_id_for_distribution_column('github_events', "
                + user + ")").get(0).get(0));
        String port = LabCluster.rows(psql, "SELECT nodeport FROM citus_shards WHERE shardid = " + shard).get(0).get(0);
        assertThat(plan.get(0)).startsWith("Custom Scan (Citus Adaptive)  (cost=0.00..0.00 rows=0 width=0)");
        assertThat(plan.subList(1, 5)).containsExactly("  Task Count: 1", "  Tasks Shown: All", "  ->  Task",
                "        Node: host=127.0.0.1 port=" + port + " dbname=citus");
        assertThat(plan.get(5)).startsWith("        ->  ").contains("github_events_" + shard);
    }

    @Test
    void explainOfAMultiShardQueryShowsOneOfThirtyTwoTasksOrAll() throws Exception {
        List<String> plan = explain("EXPLAIN (COSTS OFF) " + COUNT);
        assertThat(plan.subList(0, 6)).containsExactly("Aggregate", "  ->  Custom Scan (Citus Adaptive)",
                "        Task Count: 32", "        Tasks Shown: One of 32", "        ->  Task",
                "              Node: host=127.0.0.1 port=" + lab.workers().get(0).port() + " dbname=citus");
        assertThat(plan.get(6)).startsWith("              ->  ");
        assertThat(plan).filteredOn(l -> l.strip().equals("->  Task")).hasSize(1);

        session.execute("SET citus.explain_all_tasks = on");
        try {
            List<String> all = explain("EXPLAIN " + PER_MINUTE);
            assertThat(all).filteredOn(l -> l.strip().equals("Tasks Shown: All")).hasSize(1);
            assertThat(all).filteredOn(l -> l.strip().equals("->  Task")).hasSize(32);
            assertThat(all).filteredOn(l -> l.contains("Node: host=127.0.0.1 port="))
                    .extracting(l -> Integer.parseInt(l.replaceAll(".*port=(\\d+).*", "$1")))
                    .containsOnlyElementsOf(workerPorts).hasSize(32);
        } finally {
            session.execute("RESET citus.explain_all_tasks");
        }
    }

    @Test
    void explainAnalyzeRunsTheTasksAndShowsTheirData() throws Exception {
        List<String> plan = explain("EXPLAIN (ANALYZE, VERBOSE) " + PER_HOUR);
        assertThat(plan).anySatisfy(l -> assertThat(l).contains("->  Custom Scan (Citus Adaptive)").contains("actual"));
        int scan = plan.indexOf(plan.stream().filter(l -> l.contains("Custom Scan (Citus Adaptive)")).findFirst().orElseThrow());
        assertThat(plan.get(scan + 1).strip()).isEqualTo("Output: hour, num_commits");
        assertThat(plan).anySatisfy(l -> assertThat(l).matches(" +Tuple data received from nodes: [1-9]\\d* bytes"));
        assertThat(plan).anySatisfy(l -> assertThat(l).matches(" +Tuple data received from node: [1-9]\\d* bytes"));
        assertThat(plan).anySatisfy(l -> assertThat(l.strip()).startsWith("Query: SELECT date_trunc('hour', created_at)")
                .contains("FROM \"public\".\"github_events_").endsWith(" WHERE event_type = 'PushEvent' GROUP BY 1"));
        assertThat(plan).anySatisfy(l -> assertThat(l.strip()).startsWith("Group Key: remote_scan.hour"));
        assertThat(plan.get(plan.size() - 1)).startsWith("Execution Time: ");
        assertThat(plan.get(plan.size() - 2)).startsWith("Planning Time: ");
    }

    @Test
    void explainOfAStatementTheCoordinatorPlansIsPostgreSQLsOwn() throws Exception {
        List<String> plan = explain("EXPLAIN SELECT count(*) FROM github_events e WHERE user_id IN (SELECT user_id FROM github_users)");
        assertThat(plan).noneMatch(l -> l.contains("Citus Adaptive"));
        assertThat(plan).anyMatch(l -> l.contains("Foreign Scan"));
    }

    private List<String> explain(String sql) throws Exception {
        ExecutionResult result = session.execute(sql);
        assertThat(result.result().commandTag()).isEqualTo("EXPLAIN");
        assertThat(result.result().columns()).extracting(ResultColumn::name).containsExactly("QUERY PLAN");
        return result.result().rows().stream().map(r -> r.get(0)).toList();
    }

    private static void totalsAddUp(Breakdown breakdown) {
        assertThat(breakdown.workers().stream().mapToInt(WorkerTotal::tasks).sum()).isEqualTo(breakdown.tasks().size());
        assertThat(breakdown.workers().stream().mapToLong(WorkerTotal::rows).sum()).isEqualTo(breakdown.rows());
        assertThat(breakdown.workers().stream().mapToLong(WorkerTotal::bytes).sum()).isEqualTo(breakdown.bytes());
        assertThat(breakdown.workers().stream().mapToDouble(WorkerTotal::millis).sum())
                .isCloseTo(breakdown.tasks().stream().mapToDouble(TaskBreakdown::millis).sum(), within(0.01));
    }

    private Set<Long> longs(String sql) throws Exception {
        Set<Long> values = new HashSet<>();
        for (List<String> row : LabCluster.rows(psql, sql)) {
            values.add(Long.parseLong(row.get(0)));
        }
        return values;
    }
}
