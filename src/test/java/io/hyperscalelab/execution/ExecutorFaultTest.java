package io.hyperscalelab.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hyperscalelab.cluster.ServerGroupNode;
import io.hyperscalelab.data.DatasetSize;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/** Bad input, a worker that goes away, timeouts, cancellation, and no connection left behind. */
@Timeout(value = 180, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExecutorFaultTest {

    /** A query whose every shard takes a while: a few milliseconds of sleep per row. */
    private static final DatasetSize SIZE = DatasetSize.ofEvents(5_000);
    private static final String SLOW = "SELECT count(*) FROM github_events WHERE pg_sleep(0.005) IS NOT NULL";

    private LabCluster lab;
    private Connection plain;

    @BeforeAll
    void start() throws Exception {
        lab = LabCluster.start("exec-fault", SIZE);
        plain = lab.plainPostgres();
    }

    @AfterAll
    void stop() throws Exception {
        if (plain != null) {
            plain.close();
        }
        if (lab != null) {
            lab.close();
        }
    }

    @Test
    void errorsArePostgresqlsOwnMessageAndPosition() throws Exception {
        try (ExecutionSession session = lab.session()) {
            for (String sql : List.of(
                    "SELECT count(*) FROM github_events WHERE nosuchcolumn = 1",
                    "SELECT login, count(*) FROM github_events ge JOIN github_users gu ON ge.user_id = gu.user_id GROUP BY loginn",
                    "SELEC count(*) FROM github_events",
                    "SELECT count(*) FROM github_events WHERE 1 / (user_id - user_id) = 0",
                    "SELECT date_trunc('fortnight', created_at), count(*) FROM github_events GROUP BY 1",
                    "SELECT count(*) FROM no_such_table",
                    "SELECT sum(event_type) FROM github_events")) {
                ServerErrorMessage expected = plainError(sql);
                StatementException actual = executeFails(session, sql);
                assertThat(actual.getMessage()).as(sql).isEqualTo(expected.getMessage());
                assertThat(actual.getSQLState()).as(sql).isEqualTo(expected.getSQLState());
                assertThat(actual.position()).as(sql).isEqualTo(expected.getPosition());
                assertThat(actual.hint()).as(sql).isEqualTo(expected.getHint());
            }
            // the position is in the text as the learner gave it, leading comments and all
            String padded = "-- which events?\n  SELECT count(*) FROM github_events WHERE nosuchcolumn = 1;";
            assertThat(executeFails(session, padded).position()).isEqualTo(padded.indexOf("nosuchcolumn") + 1);
            // the session is still usable
            assertThat(session.execute("SELECT count(*) FROM github_events").result().rows()).hasSize(1);
        }
    }

    /**
     * Every row of a result is held in the portal's memory: past the executor's limit a statement
     * fails with a clear error, whichever path it took, and nothing is left half-read.
     */
    @Test
    void aResultLargerThanTheLimitFailsClearly() throws Exception {
        try (DistributedExecutor small = new DistributedExecutor(new ExecutorOptions(4, 5, 1));
             ExecutionSession session = small.openSession(lab.target())) {
            StatementException tasks = executeFails(session, "SELECT * FROM github_events");
            assertThat(tasks.getSQLState()).isEqualTo("54000");
            assertThat(tasks.getMessage()).isEqualTo("the result is larger than the portal can hold (1 MB of rows)");
            assertThat(tasks.hint()).contains("WHERE or LIMIT");
            // the workers are fine, and so is the session
            assertThat(session.execute("SELECT count(*) FROM github_events").result().rows())
                    .containsExactly(List.of(String.valueOf(SIZE.events())));
            assertThat(session.execute("SELECT event_id FROM github_events LIMIT 5").breakdown().path())
                    .isEqualTo(ExecutionPath.MULTI_SHARD);

            StatementException coordinator = executeFails(session, "WITH e AS (SELECT * FROM github_events) SELECT * FROM e");
            assertThat(coordinator.getSQLState()).isEqualTo("54000");
            assertThat(coordinator.detail()).contains("connection to the coordinator was closed");
        }
        for (ServerGroupNode worker : lab.workers()) {
            await().atMost(Duration.ofSeconds(10)).until(() -> lab.activeExecutorQueries(worker) == 0);
        }
    }

    @Test
    void twoStatementsInOneTextAreRefusedAndNeitherRuns() throws Exception {
        try (ExecutionSession session = lab.session()) {
            String text = "SELECT 1; DROP TABLE github_users";
            StatementException e = executeFails(session, text);
            assertThat(e.getMessage()).isEqualTo("cannot run 2 statements at once");
            assertThat(e.position()).isEqualTo(text.indexOf(" DROP") + 2);
            assertThat(session.execute("SELECT count(*) FROM github_users").result().rows().get(0).get(0)).isNotEqualTo("0");
            assertThat(session.execute("SELECT ';' AS semicolon; -- a comment; with semicolons").result().rows())
                    .containsExactly(List.of(";"));
        }
    }

    @Test
    void aStoppedWorkerFailsFastNamingItAndTheNextQueryWorksOnceItIsBack() throws Exception {
        ServerGroupNode worker = lab.workers().get(1);
        try (ExecutionSession session = lab.session()) {
            String count = "SELECT count(*) FROM github_events";
            String expected = session.execute(count).result().rows().get(0).get(0);
            long onTheOtherWorker = userOnWorker(lab.workers().get(0));
            stopWorker(worker);
            try {
                long start = System.nanoTime();
                StatementException e = executeFails(session, count);
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
                assertThat(e.getSQLState()).isEqualTo("08001");
                assertThat(e.getMessage()).contains(worker.name()).contains("127.0.0.1:" + worker.port());
                assertThat(e.worker()).isNotNull();
                assertThat(e.worker().name()).isEqualTo(worker.name());
                // what lives on the other worker is still there
                assertThat(session.execute("SELECT count(*) FROM github_events WHERE user_id = " + onTheOtherWorker)
                        .breakdown().path()).isEqualTo(ExecutionPath.ROUTER);
                try (ExecutionSession fresh = lab.session()) {
                    assertThat(executeFails(fresh, count).getMessage()).contains(worker.name());
                }
            } finally {
                lab.cluster.start(lab.group.name());
            }
            assertThat(session.execute(count).result().rows().get(0).get(0)).isEqualTo(expected);
        }
    }

    @Test
    void statementTimeoutStopsTheWorkersQueries() throws Exception {
        try (ExecutionSession session = lab.session()) {
            session.execute("SET statement_timeout = '300ms'");
            long start = System.nanoTime();
            StatementException e = executeFails(session, SLOW);
            assertThat(e.getSQLState()).isEqualTo("57014");
            assertThat(e.getMessage()).isEqualTo("canceling statement due to statement timeout");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
            noExecutorQueryRunsOnTheWorkers();
            session.execute("RESET statement_timeout");
            assertThat(session.execute("SELECT count(*) FROM github_events").result().rows()).hasSize(1);
        }
    }

    @Test
    void cancelStopsTheStatementOnEveryWorker() throws Exception {
        try (ExecutionSession session = lab.session()) {
            CompletableFuture<Throwable> running = CompletableFuture.supplyAsync(() -> {
                try {
                    session.execute(SLOW.replace("0.005", "0.05"));
                    return null;
                } catch (StatementException e) {
                    return e;
                }
            });
            await().atMost(Duration.ofSeconds(30)).until(() -> activeOnWorkers() > 0);
            long start = System.nanoTime();
            session.cancel();
            Throwable failure = running.get(10, TimeUnit.SECONDS);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
            assertThat(failure).isInstanceOf(StatementException.class).hasMessage("canceling statement due to user request");
            noExecutorQueryRunsOnTheWorkers();

            // a statement the coordinator runs is cancelled there
            CompletableFuture<Throwable> sleeping = CompletableFuture.supplyAsync(() -> {
                try {
                    session.execute("SELECT pg_sleep(60)");
                    return null;
                } catch (StatementException e) {
                    return e;
                }
            });
            await().atMost(Duration.ofSeconds(30)).until(() -> activeOn(lab.group.coordinator(), "pg_sleep(60)") > 0);
            session.cancel();
            assertThat(sleeping.get(10, TimeUnit.SECONDS)).hasMessage("canceling statement due to user request");
            assertThat(session.execute("SELECT count(*) FROM github_events").result().rows()).hasSize(1);
        }
    }

    @Test
    void aThousandStatementsSomeFailingLeaveNoConnectionBehind() throws Exception {
        ServerGroupNode coordinator = lab.group.coordinator();
        List<ServerGroupNode> workers = lab.workers();
        long[] before = {lab.citusBackends(coordinator), lab.citusBackends(workers.get(0)), lab.citusBackends(workers.get(1))};
        long userOnFirst = userOnWorker(workers.get(0));
        try (ExecutionSession session = lab.session()) {
            session.execute("SELECT count(*) FROM github_events");
            long coordinatorSessions = lab.citusBackends(coordinator);
            int failures = 0;
            for (int i = 0; i < 1000; i++) {
                String sql = switch (i % 8) {
                    case 0 -> "SELECT count(*) FROM github_events";
                    case 1 -> "SELECT event_type, count(*) FROM github_events GROUP BY 1";
                    case 2 -> "SELECT * FROM github_events WHERE user_id = " + (userOnFirst + i);
                    case 3 -> "SELECT count(*) FROM github_events WHERE 1 / (user_id - user_id) = 0";
                    case 4 -> "SELEC 1";
                    case 5 -> "SELECT count(*) FROM github_events WHERE nosuchcolumn = 1";
                    case 6 -> "SELECT count(*) FROM github_events WHERE user_id = " + userOnFirst + " AND event_id IN (SELECT 1)";
                    default -> "SELECT 1";
                };
                try {
                    session.execute(sql);
                } catch (StatementException e) {
                    failures++;
                }
            }
            assertThat(failures).isEqualTo(375);
            assertThat(lab.citusBackends(coordinator)).as("coordinator sessions").isEqualTo(coordinatorSessions);
            for (ServerGroupNode worker : workers) {
                assertThat(lab.executorBackends(worker)).as("executor connections to %s", worker.name())
                        .isLessThanOrEqualTo(ExecutorOptions.DEFAULTS.connectionsPerWorker());
            }
            assertThat(session.workerConnections()).isLessThanOrEqualTo(2 * ExecutorOptions.DEFAULTS.connectionsPerWorker());
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(new long[] {lab.citusBackends(coordinator),
                lab.citusBackends(workers.get(0)), lab.citusBackends(workers.get(1))}).isEqualTo(before));
    }

    // ------------------------------------------------------------------ helpers

    private ServerErrorMessage plainError(String sql) {
        try (Statement statement = plain.createStatement()) {
            statement.execute(sql);
        } catch (PSQLException e) {
            return e.getServerErrorMessage();
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("plain PostgreSQL accepted " + sql);
    }

    private static StatementException executeFails(ExecutionSession session, String sql) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> session.execute(sql));
        assertThat(thrown).as(sql).isInstanceOf(StatementException.class);
        return (StatementException) thrown;
    }

    /** A user whose events live on the worker. */
    private long userOnWorker(ServerGroupNode worker) throws SQLException {
        try (Connection c = lab.coordinator()) {
            return Long.parseLong(LabCluster.rows(c, "SELECT e.user_id FROM github_events e, LATERAL (SELECT nodeport FROM "
                    + "citus_shards WHERE shardid = get_shard_id_for_distribution_column('github_events', e.user_id)) s "
                    + "WHERE s.nodeport = " + worker.port() + " ORDER BY e.user_id LIMIT 1").get(0).get(0));
        }
    }

    /** A fast shutdown of the worker's postmaster (SIGINT), as an operator or a crash would stop it. */
    private void stopWorker(ServerGroupNode worker) throws Exception {
        ProcessHandle postmaster = lab.cluster.process(lab.group.name(), worker).orElseThrow();
        Process kill = new ProcessBuilder("kill", "-INT", String.valueOf(postmaster.pid())).inheritIO().start();
        assertThat(kill.waitFor()).isZero();
        postmaster.onExit().get(60, TimeUnit.SECONDS);
    }

    private long activeOnWorkers() throws SQLException {
        return lab.activeExecutorQueries(lab.workers().get(0)) + lab.activeExecutorQueries(lab.workers().get(1));
    }

    private long activeOn(ServerGroupNode node, String text) throws SQLException {
        try (Connection c = lab.superuser(node)) {
            return Long.parseLong(LabCluster.rows(c, "SELECT count(*) FROM pg_stat_activity WHERE state = 'active' "
                    + "AND query LIKE '%" + text.replace("'", "''") + "%' AND pid <> pg_backend_pid()").get(0).get(0));
        }
    }

    private void noExecutorQueryRunsOnTheWorkers() {
        await().atMost(Duration.ofSeconds(10)).until(() -> activeOnWorkers() == 0);
    }
}
