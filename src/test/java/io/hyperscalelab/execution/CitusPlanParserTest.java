package io.hyperscalelab.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The two readers of a real Citus coordinator's EXPLAIN, on plans written out in the shapes Citus
 * documents (its regression test {@code multi_explain.out}, its docs and Azure's): JSON and text
 * give the same tasks, and the same breakdown.
 */
class CitusPlanParserTest {

    @Nested
    class Json {

        @Test
        void everyTaskOfAnAnalyzedMultiShardCountWithItsNodeRowsTimeAndQuery() {
            CitusPlan plan = CitusJsonPlanParser.parse(fixture("count-analyze-verbose-all-tasks.json"));

            assertThat(plan.distributed()).isTrue();
            assertThat(plan.jobTaskCounts()).containsExactly(4);
            assertThat(plan.tasks()).extracting(CitusPlan.Task::host)
                    .containsExactly("citus-worker-2", "citus-worker-1", "citus-worker-1", "citus-worker-2");
            assertThat(plan.tasks()).extracting(CitusPlan.Task::port).containsOnly(5432);
            CitusPlan.Task first = plan.tasks().get(0);
            assertThat(first.query()).isEqualTo("SELECT count(*) AS count FROM public.github_events_102009 github_events WHERE true");
            assertThat(first.rows()).isEqualTo(1);
            assertThat(first.bytes()).isEqualTo(8);
            assertThat(first.millis()).isEqualTo(12.902, within(1e-9));
            assertThat(first.relations()).containsExactly("github_events_102009");
            assertThat(first.error()).isEmpty();
            assertThat(plan.executionMillis()).isEqualTo(41.801, within(1e-9));
        }

        @Test
        void tasksOfADistributedSubplanAndOfTheMainJob() {
            CitusPlan plan = CitusJsonPlanParser.parse(fixture("cte-subplan-analyze.json"));

            assertThat(plan.jobTaskCounts()).containsExactly(1, 1);
            assertThat(plan.tasks()).extracting(CitusPlan.Task::port).containsExactly(9702, 9701);
            assertThat(plan.tasks().get(0).relations()).containsExactly("github_users_102040");
            assertThat(plan.tasks().get(0).bytes()).isEqualTo(16);
            // the main job reads the subplan's intermediate result, which is no table
            assertThat(plan.tasks().get(1).relations()).isEmpty();
            assertThat(plan.tasks().get(1).rows()).isEqualTo(1);
        }

        @Test
        void aRepartitionJoinCountsItsTasksButShowsNone() {
            CitusPlan plan = CitusJsonPlanParser.parse(fixture("repartition-join.json"));

            assertThat(plan.tasksNotShown()).isTrue();
            assertThat(plan.taskCount()).isEqualTo(6);
            assertThat(plan.tasks()).isEmpty();
        }

        @Test
        void aPlanOverLocalTablesHasNoCitusScan() {
            CitusPlan plan = CitusJsonPlanParser.parse(fixture("local-table.json"));

            assertThat(plan.distributed()).isFalse();
            assertThat(plan.tasks()).isEmpty();
            assertThat(plan.executionMillis()).isEqualTo(0.047, within(1e-9));
        }

        @Test
        void textThatIsNoJsonPlanIsRefusedWithTheReason() {
            assertThatThrownBy(() -> CitusJsonPlanParser.parse("Seq Scan on t"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("Not an EXPLAIN in JSON format");
            assertThatThrownBy(() -> CitusJsonPlanParser.parse("[{\"Query Text\": \"SELECT 1\"}]"))
                    .hasMessageContaining("no \"Plan\"");
        }
    }

    @Nested
    class Text {

        @Test
        void everyTaskOfAnAnalyzedGroupByWithItsWorkersOwnExecutionTime() {
            CitusPlan plan = CitusTextPlanParser.parse(fixture("commits-per-hour-analyze-verbose-all-tasks.txt"));

            assertThat(plan.jobTaskCounts()).containsExactly(4);
            assertThat(plan.tasks()).extracting(CitusPlan.Task::port).containsExactly(9701, 9702, 9701, 9702);
            assertThat(plan.tasks()).extracting(CitusPlan.Task::rows).containsOnly(4L);
            assertThat(plan.tasks()).extracting(CitusPlan.Task::bytes).containsOnly(64L);
            assertThat(plan.tasks()).extracting(CitusPlan.Task::millis).containsExactly(24.231, 23.633, 22.995, 21.880);
            assertThat(plan.tasks()).extracting(t -> t.relations().get(0))
                    .containsExactly("github_events_102008", "github_events_102009", "github_events_102010", "github_events_102011");
            assertThat(plan.tasks().get(0).query()).startsWith("SELECT date_trunc('hour'::text, created_at) AS hour")
                    .endsWith("GROUP BY (date_trunc('hour'::text, created_at))");
            assertThat(plan.executionMillis()).isEqualTo(95.402, within(1e-9));
        }

        @Test
        void aRouterQueryAsPsqlPrintsItWithPostgres18FractionalRows() {
            CitusPlan plan = CitusTextPlanParser.parse(fixture("router-lookup-analyze-verbose.txt"));

            assertThat(plan.jobTaskCounts()).containsExactly(1);
            CitusPlan.Task task = plan.tasks().get(0);
            assertThat(task.host()).isEqualTo("10.0.0.23");
            assertThat(task.rows()).isEqualTo(5);
            assertThat(task.bytes()).isEqualTo(243);
            assertThat(task.millis()).isEqualTo(0.079, within(1e-9));
            // the index a bitmap scan probes is not a table the task read
            assertThat(task.relations()).containsExactly("github_events_102031");
            assertThat(plan.executionMillis()).isEqualTo(3.251, within(1e-9));
        }

        @Test
        void withoutAnalyzeOneOfTheTasksWithNeitherRowsNorTime() {
            CitusPlan plan = CitusTextPlanParser.parse(fixture("count-explain-one-of-32.txt"));

            assertThat(plan.taskCount()).isEqualTo(32);
            assertThat(plan.tasks()).singleElement().satisfies(task -> {
                assertThat(task.host()).isEqualTo("10.0.0.21");
                assertThat(task.rows()).isZero();
                assertThat(task.millis()).isZero();
                assertThat(task.relations()).containsExactly("github_events_102040");
            });
        }

        @Test
        void aTaskWhoseRemotePlanCitusCouldNotGetKeepsItsError() {
            CitusPlan plan = CitusTextPlanParser.parse(fixture("task-without-remote-plan.txt"));

            assertThat(plan.tasks()).extracting(CitusPlan.Task::error).containsExactly("Could not get remote plan.", "");
            assertThat(plan.tasks().get(1).relations()).containsExactly("github_users_102041");
        }

        @Test
        void aPlanWithoutCitusScanIsTheCoordinatorsAlone() {
            CitusPlan plan = CitusTextPlanParser.parse("""
                    Aggregate  (cost=1.07..1.08 rows=1 width=8) (actual time=0.020..0.021 rows=1 loops=1)
                      ->  Seq Scan on event_kinds  (cost=0.00..1.06 rows=6 width=0) (actual time=0.011..0.013 rows=6 loops=1)
                    Planning Time: 0.091 ms
                    Execution Time: 0.047 ms
                    """);

            assertThat(plan.distributed()).isFalse();
            assertThat(plan.executionMillis()).isEqualTo(0.047, within(1e-9));
        }
    }

    @Nested
    class Sizes {

        @Test
        void prettySizesAsCitusPrintsThem() {
            assertThat(CitusPlanText.bytes("900 bytes")).isEqualTo(900);
            assertThat(CitusPlanText.bytes("147 kB")).isEqualTo(147 * 1024);
            assertThat(CitusPlanText.bytes("11 MB")).isEqualTo(11L * 1024 * 1024);
            assertThat(CitusPlanText.bytes("2 GB")).isEqualTo(2L * 1024 * 1024 * 1024);
            assertThat(CitusPlanText.bytes("")).isZero();
        }
    }

    @Nested
    class AsBreakdown {

        private final Map<String, WorkerNode> workers = Map.of(
                "citus-worker-1:5432", new WorkerNode(2, "lab-w0", "citus-worker-1", 5432),
                "citus-worker-2:5432", new WorkerNode(3, "lab-w1", "citus-worker-2", 5432));

        @Test
        void theSameModelTheChartDrawsForTheEmbeddedCluster() {
            Breakdown breakdown = CitusPlanBreakdown.of(CitusJsonPlanParser.parse(fixture("count-analyze-verbose-all-tasks.json")),
                    workers, 45.0);

            assertThat(breakdown.path()).isEqualTo(ExecutionPath.MULTI_SHARD);
            assertThat(breakdown.tasks()).extracting(TaskBreakdown::task).containsExactly(1, 2, 3, 4);
            assertThat(breakdown.tasks()).extracting(TaskBreakdown::shardId).containsExactly(102009L, 102010L, 102008L, 102011L);
            assertThat(breakdown.workers()).extracting(w -> w.worker().name()).containsExactly("lab-w0", "lab-w1");
            assertThat(breakdown.workers()).extracting(WorkerTotal::tasks).containsExactly(2, 2);
            assertThat(breakdown.workers().get(0).millis()).isEqualTo(11.566 + 10.977, within(1e-9));
            assertThat(breakdown.rows()).isEqualTo(4);
            assertThat(breakdown.bytes()).isEqualTo(32);
            // the coordinator's share: its execution time beyond the slowest task
            assertThat(breakdown.mergeMillis()).isEqualTo(41.801 - 12.902, within(1e-9));
            assertThat(breakdown.wallMillis()).isEqualTo(45.0);
        }

        @Test
        void jsonAndTextOfTheSameRouterQueryGiveOneTaskOnOneWorker() {
            Breakdown text = CitusPlanBreakdown.of(CitusTextPlanParser.parse(fixture("router-lookup-analyze-verbose.txt")),
                    Map.of(), 4.0);

            assertThat(text.path()).isEqualTo(ExecutionPath.ROUTER);
            assertThat(text.tasks()).singleElement().satisfies(task -> {
                assertThat(task.worker().endpoint()).isEqualTo("10.0.0.23:5432");
                assertThat(task.worker().name()).isEqualTo("10.0.0.23:5432");
                assertThat(task.shards()).containsExactly(new ShardRef(102031, "github_events_102031"));
            });
        }

        @Test
        void aSubplanAndItsMainJobOfOneTaskEachAreARouterPlan() {
            Breakdown breakdown = CitusPlanBreakdown.of(CitusJsonPlanParser.parse(fixture("cte-subplan-analyze.json")), Map.of(), 1);

            assertThat(breakdown.path()).isEqualTo(ExecutionPath.ROUTER);
            assertThat(breakdown.tasks()).hasSize(2);
            assertThat(breakdown.tasks().get(1).shards()).isEmpty();
        }

        @Test
        void aRepartitionJoinIsMultiShardEvenWithoutTasksShown() {
            Breakdown breakdown = CitusPlanBreakdown.of(CitusJsonPlanParser.parse(fixture("repartition-join.json")), Map.of(), 1);

            assertThat(breakdown.path()).isEqualTo(ExecutionPath.MULTI_SHARD);
            assertThat(breakdown.tasks()).isEmpty();
        }

        @Test
        void localTablesAreTheCoordinatorsWithTheReason() {
            Breakdown breakdown = CitusPlanBreakdown.of(CitusJsonPlanParser.parse(fixture("local-table.json")), Map.of(), 1);

            assertThat(breakdown.path()).isEqualTo(ExecutionPath.COORDINATOR);
            assertThat(breakdown.reason()).contains("no distributed table");
            assertThat(breakdown.tasks()).isEmpty();
        }
    }

    static String fixture(String name) {
        try (InputStream in = CitusPlanParserTest.class.getResourceAsStream("/citus-plans/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
