package io.hyperscalelab.execution;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.postgresql.core.Field;
import org.postgresql.core.Tuple;

/**
 * One learner's connection to a server group, as the portal's query editor and Cloud Shell use
 * it: a session on the coordinator as role {@code citus} (their SETs, transactions and temporary
 * tables live there) plus this session's own connections to the workers. Every statement comes
 * back with its result and its {@link Breakdown}.
 *
 * <p>One statement runs at a time; {@link #cancel()} may be called from another thread and
 * stops it everywhere it runs.
 */
public final class ExecutionSession implements LearnerSession {

    private final ClusterTarget target;
    private final StatementParser parser;
    private final CoordinatorSession coordinator;
    private final WorkerConnections workers;
    private final ClusterCatalog catalog;
    private final TaskRunner runner;
    private final TaskRunner.Cancellation cancellation = new TaskRunner.Cancellation();
    private final ResultLimit limit;
    private final StatementLimits limits;
    private final ScheduledExecutorService watchdog;

    ExecutionSession(ClusterTarget target, CoordinatorSession coordinator, ExecutorOptions options, StatementParser parser,
                     TaskRunner runner, ScheduledExecutorService watchdog) {
        this.target = target;
        this.limits = options.statementLimits();
        this.watchdog = watchdog;
        this.parser = parser;
        this.runner = runner;
        this.coordinator = coordinator;
        this.limit = options.resultLimit();
        this.workers = new WorkerConnections(target, options);
        this.catalog = new ClusterCatalog(target);
    }

    /**
     * Runs one statement (a trailing semicolon is fine; two statements are refused, so nothing
     * runs that the learner did not see as one statement).
     *
     * @throws StatementException PostgreSQL's error, with the position in {@code text}
     */
    @Override
    public synchronized ExecutionResult execute(String text) throws StatementException {
        long start = System.nanoTime();
        cancellation.reset();
        Optional<SqlScript.Piece> only = SqlScript.onlyStatement(text);
        if (only.isEmpty()) {
            return ExecutionResult.EMPTY;
        }
        SqlScript.Piece piece = only.get();
        AtomicBoolean timedOut = new AtomicBoolean();
        ScheduledFuture<?> deadline = watchdog.schedule(() -> {
            timedOut.set(true);
            cancel();
        }, limits.timeout().toMillis(), TimeUnit.MILLISECONDS);
        ExecutionResult result;
        try {
            result = run(parser.parse(piece.sql()), start);
        } catch (StatementException e) {
            throw explained(e.position() > 0 ? e.shifted(piece.offset()) : e, timedOut);
        } catch (SQLException e) {
            throw explained(StatementException.fromServer(e, true, null).shifted(piece.offset()), timedOut);
        } finally {
            deadline.cancel(false);
        }
        int rows = result.result().rows().size();
        if (rows > limits.maxRows()) {
            throw limits.tooManyRows(rows);
        }
        return result;
    }

    /** The error the learner sees: the product's time limit when it was that, with the rule that refused it explained. */
    private StatementException explained(StatementException e, AtomicBoolean timedOut) {
        if (timedOut.get() && "57014".equals(e.getSQLState())) {
            return limits.timedOut();
        }
        return Refusals.explained(e);
    }

    /** Stops the running statement on the coordinator and on every worker; a no-op when idle. */
    @Override
    public void cancel() {
        cancellation.request();
        coordinator.cancel();
    }

    /** Connections this session holds to the workers right now. */
    public int workerConnections() {
        return workers.open();
    }

    @Override
    public synchronized void close() throws SQLException {
        workers.close();
        coordinator.close();
    }

    private ExecutionResult run(ParsedStatement statement, long start) throws SQLException {
        if (statement instanceof ParsedStatement.Select select) {
            Planned planned = plan(select);
            if (planned.plan() != null) {
                try {
                    return distributed(planned.plan(), start);
                } catch (StatementException e) {
                    if (!judgedByThePlanner(e)) {
                        throw e;
                    }
                    // Stale metadata, or a fragment a worker rejected: PostgreSQL itself runs
                    // the statement, and reports the error (with its position) if it is one.
                    catalog.invalidate();
                    return onCoordinator(select.sql(), true, "a worker rejected its fragment (" + e.getMessage()
                            + "); the coordinator ran the statement", start);
                }
            }
            return onCoordinator(select.sql(), true, planned.reason(), start);
        }
        if (statement instanceof ParsedStatement.Explain explain) {
            return explain(explain, start);
        }
        ParsedStatement.Other other = (ParsedStatement.Other) statement;
        return onCoordinator(other.sql(), other.planned(), other.reason(), start);
    }

    /** The plan, or why the coordinator runs the statement. */
    private record Planned(DistributedPlan plan, String reason) {
    }

    private Planned plan(ParsedStatement.Select select) throws SQLException {
        if (coordinator.inTransaction()) {
            return new Planned(null, "inside a transaction block the coordinator runs every statement");
        }
        if (coordinator.settings().roleChanged()) {
            return new Planned(null, "SET ROLE is in effect, and the workers are reached as the session's own role");
        }
        DistributedPlanner.Tables tables;
        try {
            tables = DistributedPlanner.tables(select);
        } catch (DistributedPlanner.Unsupported e) {
            return new Planned(null, e.getMessage());
        }
        List<ClusterCatalog.Resolved> resolved = catalog.resolve(coordinator.connection(), tables.names());
        Set<String> aggregates = catalog.aggregates(coordinator.connection());
        DistributedPlanner.Decision decision = DistributedPlanner.plan(select, tables, resolved, aggregates);
        if (decision instanceof DistributedPlanner.Distribute distribute) {
            return new Planned(distribute.plan(), "");
        }
        return new Planned(null, ((DistributedPlanner.Fallback) decision).reason());
    }

    private ExecutionResult distributed(DistributedPlan plan, long start) throws SQLException {
        SessionSettings settings = coordinator.settings();
        TaskRunner.Run run = runner.run(plan.tasks(), workers, settings.propagated(), settings.statementTimeoutMillis(),
                cancellation);
        long merged = System.nanoTime();
        StatementResult result = merge(plan.merge(), run);
        double mergeMillis = (System.nanoTime() - merged) / 1e6;
        return new ExecutionResult(result, Breakdown.of(plan.path(), "", tasks(run), mergeMillis, millisSince(start)));
    }

    /** The tasks' rows as the statement's result: concatenated, or merged by the coordinator. */
    private StatementResult merge(MergeSpec spec, TaskRunner.Run run) throws SQLException {
        if (spec.coordinator()) {
            List<Tuple> rows = new ArrayList<>();
            run.outcomes().forEach(o -> rows.addAll(o.result().tuples()));
            WireResult merged;
            try {
                merged = coordinator.internal(MergeQuery.sql(spec, run.fields(), run.typeNames(), rows));
            } catch (SQLException e) {
                throw ResultLimit.hit(e) ? limit.exceeded(ResultLimit.SESSION_LOST, e) : StatementException.fromServer(e, false, null);
            }
            return result(merged, merged.tuples(), StatementResults.columns(merged.fields(),
                    StatementResults.typeNames(coordinator.connection(), merged.fields())));
        }
        List<Tuple> rows = new ArrayList<>();
        long skip = spec.offset();
        for (TaskRunner.Outcome outcome : run.outcomes()) {
            for (Tuple tuple : outcome.result().tuples()) {
                if (skip > 0) {
                    skip--;
                } else if (spec.limit() == null || rows.size() < spec.limit()) {
                    rows.add(tuple);
                }
            }
        }
        WireResult first = run.outcomes().get(0).result();
        return result(first, rows, StatementResults.columns(run.fields(), run.typeNames()));
    }

    private static StatementResult result(WireResult wire, List<Tuple> tuples, List<ResultColumn> columns) {
        List<List<String>> rows = new ArrayList<>(tuples.size());
        for (Tuple tuple : tuples) {
            List<String> row = new ArrayList<>(columns.size());
            for (int i = 0; i < columns.size(); i++) {
                row.add(WireResult.text(tuple, i));
            }
            rows.add(row);
        }
        return new StatementResult("SELECT " + rows.size(), columns, rows, 0, Notices.of(wire.notices()));
    }

    private static List<TaskBreakdown> tasks(TaskRunner.Run run) {
        List<TaskBreakdown> tasks = new ArrayList<>();
        for (TaskRunner.Outcome outcome : run.outcomes()) {
            PlannedTask task = outcome.task();
            tasks.add(new TaskBreakdown(task.task(), task.shards(), task.worker(), task.sql(),
                    outcome.result().tuples().size(), outcome.result().bytes(), outcome.millis()));
        }
        return tasks;
    }

    private ExecutionResult onCoordinator(String sql, boolean planned, String reason, long start) throws SQLException {
        CoordinatorSession.Ran ran;
        try {
            ran = coordinator.learnerStatement(sql, planned);
        } catch (SQLException e) {
            if (cancellation.requested() && "57014".equals(e.getSQLState())) {
                throw new StatementException("canceling statement due to user request", "57014");
            }
            if (ResultLimit.hit(e)) {
                throw limit.exceeded(ResultLimit.SESSION_LOST, e);
            }
            throw StatementException.fromServer(e, true, null);
        }
        StatementResult result = StatementResults.of(coordinator.connection(), ran.result());
        Breakdown breakdown = PlanBreakdown.of(coordinator, target, ran.planJson(), reason, millisSince(start));
        return new ExecutionResult(result, breakdown);
    }

    private ExecutionResult explain(ParsedStatement.Explain explain, long start) throws SQLException {
        ExplainOptions options = explain.options();
        if (options.textFormat() && !options.genericPlan() && explain.inner() instanceof ParsedStatement.Select select) {
            Planned planned = plan(select);
            if (planned.plan() != null) {
                CitusExplain.Explained explained = new CitusExplain(this, options, coordinator.settings())
                        .explain(planned.plan(), millisSince(start));
                // the plan's tasks; with ANALYZE, as they ran
                List<TaskBreakdown> tasks = explained.run() != null ? tasks(explained.run())
                        : planned.plan().tasks().stream().map(t -> new TaskBreakdown(t.task(), t.shards(), t.worker(), t.sql(), 0, 0, 0)).toList();
                return new ExecutionResult(explained.result(), Breakdown.of(planned.plan().path(), "", tasks, 0, millisSince(start)));
            }
        }
        return onCoordinator(explain.sql(), false, "EXPLAIN of a statement the coordinator plans itself", start);
    }

    // for CitusExplain, which needs the session's connections and runner

    CoordinatorSession coordinator() {
        return coordinator;
    }

    WorkerConnections workers() {
        return workers;
    }

    TaskRunner.Run runTasks(List<PlannedTask> tasks) throws StatementException {
        SessionSettings settings = coordinator.settings();
        return runner.run(tasks, workers, settings.propagated(), settings.statementTimeoutMillis(), cancellation);
    }

    /**
     * Errors PostgreSQL's own planner should judge: the statement's own mistakes (syntax,
     * names, types, data) and fragments a worker could not run (e.g. a function only the
     * coordinator has). Not: cancellation, timeouts, unreachable workers, lack of resources.
     */
    private static boolean judgedByThePlanner(StatementException e) {
        String state = e.getSQLState();
        if (state == null || state.length() != 5) {
            return false;
        }
        String sqlClass = state.substring(0, 2);
        return Set.of("42", "22", "0A", "21", "23", "2F", "38", "39", "P0", "XX").contains(sqlClass);
    }

    private static double millisSince(long start) {
        return (System.nanoTime() - start) / 1e6;
    }
}
