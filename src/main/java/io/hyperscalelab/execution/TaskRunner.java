package io.hyperscalelab.execution;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.postgresql.core.Field;

/**
 * Runs a statement's tasks on the workers in parallel: per worker up to
 * {@link WorkerConnections#perWorker()} lanes, each a connection working through that
 * worker's share of the tasks. The first failure, the learner's cancel or the statement's
 * timeout cancels every statement still running on the workers (a cancel request on each
 * connection), and those connections are closed rather than reused.
 */
final class TaskRunner {

    /** What one task returned, and how long it took. */
    record Outcome(PlannedTask task, WireResult result, double millis) {
    }

    /** The rows of all tasks, with the workers' type names for the merge. */
    record Run(List<Outcome> outcomes, Field[] fields, List<String> typeNames) {
        long rows() {
            return outcomes.stream().mapToLong(o -> o.result().tuples().size()).sum();
        }
    }

    private final ExecutorService threads;
    private final ResultLimit limit;

    TaskRunner(ExecutorService threads, ResultLimit limit) {
        this.threads = threads;
        this.limit = limit;
    }

    /**
     * @param timeoutMillis the session's statement_timeout, 0 for none
     * @param cancel        where the session can reach the running statements to cancel them
     */
    Run run(List<PlannedTask> tasks, WorkerConnections pool, Map<String, String> settings, long timeoutMillis,
            Cancellation cancel) throws StatementException {
        Execution execution = new Execution(tasks, pool, settings, cancel, limit);
        cancel.attach(execution::cancelAll);
        try {
            if (tasks.size() == 1) {
                execution.lane(tasks.get(0).worker(), execution.queues.get(tasks.get(0).worker()));
            } else {
                execution.start(threads);
                execution.await(timeoutMillis);
            }
        } finally {
            cancel.detach();
        }
        return execution.result();
    }

    /** A statement that may be cancelled from another thread while it runs. */
    static final class Cancellation {
        private volatile Runnable action;
        private volatile boolean requested;

        void attach(Runnable cancel) {
            action = cancel;
            if (requested) {
                cancel.run();
            }
        }

        void detach() {
            action = null;
        }

        void request() {
            requested = true;
            Runnable current = action;
            if (current != null) {
                current.run();
            }
        }

        boolean requested() {
            return requested;
        }

        void reset() {
            requested = false;
        }
    }

    private static final class Execution {
        private final WorkerConnections pool;
        private final Map<String, String> settings;
        private final Cancellation cancellation;
        private final Map<WorkerNode, Queue<PlannedTask>> queues = new LinkedHashMap<>();
        private final Map<Integer, Outcome> outcomes = new ConcurrentHashMap<>();
        private final Set<WorkerConnection> running = ConcurrentHashMap.newKeySet();
        /** Connections sent a cancel request: one arriving late could cancel their next statement. */
        private final Set<WorkerConnection> cancelled = ConcurrentHashMap.newKeySet();
        private final AtomicReference<StatementException> failure = new AtomicReference<>();
        private final AtomicReference<Field[]> fields = new AtomicReference<>();
        private final AtomicReference<List<String>> typeNames = new AtomicReference<>();
        private final int taskCount;
        private final ResultLimit limit;
        private final AtomicLong bytes = new AtomicLong();
        private volatile boolean stopped;
        private CountDownLatch lanesDone;

        Execution(List<PlannedTask> tasks, WorkerConnections pool, Map<String, String> settings, Cancellation cancellation,
                  ResultLimit limit) {
            this.pool = pool;
            this.limit = limit;
            this.settings = settings;
            this.cancellation = cancellation;
            this.taskCount = tasks.size();
            for (PlannedTask task : tasks) {
                queues.computeIfAbsent(task.worker(), w -> new ConcurrentLinkedQueue<>()).add(task);
            }
        }

        void start(ExecutorService threads) {
            List<Runnable> lanes = new ArrayList<>();
            for (Map.Entry<WorkerNode, Queue<PlannedTask>> entry : queues.entrySet()) {
                int count = Math.min(pool.perWorker(), entry.getValue().size());
                for (int i = 0; i < count; i++) {
                    lanes.add(() -> lane(entry.getKey(), entry.getValue()));
                }
            }
            lanesDone = new CountDownLatch(lanes.size());
            for (Runnable lane : lanes) {
                threads.execute(() -> {
                    try {
                        lane.run();
                    } finally {
                        lanesDone.countDown();
                    }
                });
            }
        }

        void await(long timeoutMillis) throws StatementException {
            try {
                boolean done = timeoutMillis > 0
                        // the workers time out by themselves; this catches tasks still queued
                        ? lanesDone.await(timeoutMillis + 250, TimeUnit.MILLISECONDS)
                        : awaitForever();
                if (!done) {
                    fail(new StatementException("canceling statement due to statement timeout", "57014"));
                    cancelAll();
                    lanesDone.await();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail(new StatementException("canceling statement due to user request", "57014"));
                cancelAll();
            }
        }

        private boolean awaitForever() throws InterruptedException {
            lanesDone.await();
            return true;
        }

        /** One connection working through a worker's queue until it is empty or the statement stops. */
        void lane(WorkerNode worker, Queue<PlannedTask> queue) {
            WorkerConnection connection = null;
            boolean broken = false;
            try {
                connection = pool.borrow(worker);
                connection.apply(settings);
                for (PlannedTask task = queue.poll(); task != null && !stopped; task = queue.poll()) {
                    connection = runTask(connection, task);
                }
            } catch (StatementException e) {
                fail(e);
                broken = true;
            } catch (SQLException e) {
                fail(workerError(worker, e));
                broken = brokenConnection(e) || ResultLimit.hit(e);
            } finally {
                if (connection != null) {
                    if (broken || cancelled.contains(connection)) {
                        pool.discard(connection);
                    } else {
                        pool.giveBack(connection);
                    }
                }
            }
        }

        /**
         * Runs a task; a reused connection that turns out broken (the worker restarted since)
         * is replaced once, which is safe because fragments only read.
         */
        private WorkerConnection runTask(WorkerConnection connection, PlannedTask task) throws SQLException {
            running.add(connection);
            long start = System.nanoTime();
            try {
                record(task, connection, connection.run(task.sql()), start);
                return connection;
            } catch (SQLException e) {
                if (!connection.reused() || !brokenConnection(e) || stopped) {
                    throw e;
                }
                running.remove(connection);
                pool.discard(connection);
                pool.discardIdle(connection.worker());
                WorkerConnection fresh = pool.borrow(connection.worker());
                fresh.apply(settings);
                running.add(fresh);
                start = System.nanoTime();
                try {
                    record(task, fresh, fresh.run(task.sql()), start);
                } finally {
                    running.remove(fresh);
                }
                return fresh;
            } finally {
                running.remove(connection);
            }
        }

        private void record(PlannedTask task, WorkerConnection connection, WireResult result, long start) throws SQLException {
            double millis = (System.nanoTime() - start) / 1e6;
            if (result.hasRows() && fields.compareAndSet(null, result.fields())) {
                List<String> names = new ArrayList<>();
                for (Field field : result.fields()) {
                    names.add(connection.typeName(field.getOID()));
                }
                typeNames.set(names);
            }
            outcomes.put(task.task(), new Outcome(task, result, millis));
            if (bytes.addAndGet(result.bytes()) > limit.bytes()) {
                fail(limit.exceeded(null, null));
            }
        }

        private static boolean brokenConnection(SQLException e) {
            if (ResultLimit.hit(e)) {
                return false; // pgjdbc closed it on purpose; the worker is fine
            }
            String state = e.getSQLState();
            return state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
                    || state.equals("57P03"));
        }

        private StatementException workerError(WorkerNode worker, SQLException e) {
            if (ResultLimit.hit(e)) {
                return limit.exceeded(null, e);
            }
            if (brokenConnection(e)) {
                return WorkerConnections.unreachable(worker, e);
            }
            if (cancellation.requested() && "57014".equals(e.getSQLState())) {
                return new StatementException("canceling statement due to user request", "57014");
            }
            return StatementException.fromServer(e, false, worker);
        }

        private void fail(StatementException e) {
            failure.compareAndSet(null, e);
            stopped = true;
            cancelAll();
        }

        void cancelAll() {
            stopped = true;
            for (WorkerConnection connection : running) {
                cancelled.add(connection);
                connection.cancel();
            }
        }

        Run result() throws StatementException {
            if (failure.get() != null) {
                throw failure.get();
            }
            if (cancellation.requested() || outcomes.size() < taskCount) {
                throw new StatementException("canceling statement due to user request", "57014");
            }
            List<Outcome> ordered = new ArrayList<>();
            for (int i = 1; i <= taskCount; i++) {
                ordered.add(outcomes.get(i));
            }
            return new Run(ordered, fields.get(), typeNames.get());
        }
    }
}
