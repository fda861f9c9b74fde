package io.hyperscalelab.execution;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The executor the portal shares between all sessions: the threads that run tasks on the
 * workers and the cache of parsed statements. Sessions are per learner connection.
 */
public final class DistributedExecutor implements AutoCloseable {

    private final ExecutorOptions options;
    private final StatementParser parser = new StatementParser();
    private final ExecutorService threads;
    private final TaskRunner runner;
    /** Cancels statements that outrun the statement time limit. */
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "statement-time-limit");
        thread.setDaemon(true);
        return thread;
    });

    public DistributedExecutor(ExecutorOptions options) {
        this.options = options;
        AtomicInteger number = new AtomicInteger();
        ThreadFactory factory = task -> {
            Thread thread = new Thread(task, "shard-task-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        this.threads = Executors.newCachedThreadPool(factory);
        this.runner = new TaskRunner(threads, options.resultLimit());
    }

    public DistributedExecutor() {
        this(ExecutorOptions.DEFAULTS);
    }

    /** A session on the target's coordinator; worker connections open as its statements need them. */
    public ExecutionSession openSession(ClusterTarget target) throws SQLException {
        return new ExecutionSession(target, new CoordinatorSession(target, options.resultLimit()), options, parser, runner, watchdog);
    }

    /**
     * A session over a coordinator connection the caller opened, as the learner's role, e.g. a
     * psql connection that its client already set up (its source address, TLS, result limit), so
     * that what psql does itself ({@code \copy}, the transaction status) and what the executor
     * runs share one session. The session owns the connection and closes it. The connection's
     * role must be the target's, since the workers are reached as that role; its maxResultBuffer
     * should be no larger than the executor's limit, which bounds the tasks' rows.
     */
    public ExecutionSession openSession(ClusterTarget target, Connection coordinator) throws SQLException {
        return new ExecutionSession(target, new CoordinatorSession(coordinator), options, parser, runner, watchdog);
    }

    /**
     * The session a learner connection gets, whichever cluster is behind it: on the embedded
     * cluster this executor distributes the statements ({@link #openSession(ClusterTarget, Connection)});
     * on a real Citus cluster ({@link ClusterTarget#citus()}) they go to Citus as they are, with
     * breakdowns from Citus' own EXPLAIN ({@link CitusSession}). Owns the connection either way.
     */
    public LearnerSession openLearnerSession(ClusterTarget target, Connection coordinator) throws SQLException {
        if (target.citus()) {
            return new CitusSession(target, coordinator, parser, options.resultLimit());
        }
        return openSession(target, coordinator);
    }

    public ExecutorOptions options() {
        return options;
    }

    @Override
    public void close() {
        watchdog.shutdownNow();
        threads.shutdownNow();
    }
}
