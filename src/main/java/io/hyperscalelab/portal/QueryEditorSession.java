package io.hyperscalelab.portal;

import io.hyperscalelab.cluster.ServerGroups;
import io.hyperscalelab.cluster.ServerGroup;
import io.hyperscalelab.execution.ClusterTarget;
import io.hyperscalelab.execution.DistributedExecutor;
import io.hyperscalelab.execution.ExecutionResult;
import io.hyperscalelab.execution.LearnerSession;
import io.hyperscalelab.execution.StatementResult;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * One open query editor's session on a server group: a {@link LearnerSession} as the learner's
 * role {@code citus}, connected from the portal's Azure-services address (so the group's firewall
 * decides, as on Azure), opened on the first statement and again after its connection broke.
 * Statements run one at a time on the editor's own thread, never the UI's; {@link #cancel()}
 * stops the running one from any thread.
 */
final class QueryEditorSession implements AutoCloseable {

    static final String APPLICATION_NAME = "Hyperscale Lab query editor";

    private final ServerGroups cluster;
    private final DistributedExecutor executor;
    private final String group;
    private final ExecutorService thread;
    private volatile LearnerSession session;
    private Connection connection;

    QueryEditorSession(ServerGroups cluster, DistributedExecutor executor, String group) {
        this.cluster = cluster;
        this.executor = executor;
        this.group = group;
        this.thread = Executors.newSingleThreadExecutor(task -> {
            Thread t = new Thread(task, "query-editor-" + group);
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Runs one statement. Completes with its result, or exceptionally with the executor's
     * {@link io.hyperscalelab.execution.StatementException} or a {@link QueryEditorConnectionException}.
     */
    CompletableFuture<ExecutionResult> execute(String sql) {
        return submit(() -> run(sql));
    }

    /** {@code EXPLAIN} of a statement through the executor, with or without every task's plan. */
    CompletableFuture<StatementResult> explain(String sql, boolean allTasks) {
        return submit(() -> {
            run("SET citus.explain_all_tasks = " + (allTasks ? "on" : "off"));
            return run("EXPLAIN " + sql).result();
        });
    }

    void cancel() {
        LearnerSession current = session;
        if (current != null) {
            current.cancel();
        }
    }

    /** Cancels what runs, then closes the session on the editor's thread once it is free. */
    @Override
    public void close() {
        cancel();
        thread.execute(this::closeSession);
        thread.shutdown();
    }

    private ExecutionResult run(String sql) throws SQLException, QueryEditorConnectionException {
        LearnerSession current = open();
        try {
            return current.execute(sql);
        } finally {
            if (connection.isClosed()) {
                closeSession();
            }
        }
    }

    private LearnerSession open() throws QueryEditorConnectionException, SQLException {
        if (session != null) {
            return session;
        }
        ServerGroup target = cluster.group(group).orElseThrow(() -> new QueryEditorConnectionException(
                "There is no server group named " + group + ". It may have been deleted.", false));
        String address = cluster.sourceAddresses().azureServices();
        Properties options = new Properties();
        options.setProperty("ApplicationName", APPLICATION_NAME);
        // what the coordinator may send back at most: the executor's limit of one statement's rows
        options.setProperty("maxResultBuffer", executor.options().maxResultMegabytes() + "M");
        options.setProperty("tcpKeepAlive", "true");
        Connection opened;
        try {
            opened = cluster.learnerConnection(group, address, options);
        } catch (SQLException e) {
            throw QueryEditorConnectionException.of(e, target, address);
        }
        LearnerSession started = executor.openLearnerSession(ClusterTarget.forGroup(cluster, group,
                cluster.learnerCredentials(group)), opened);
        connection = opened;
        session = started;
        return started;
    }

    private void closeSession() {
        LearnerSession current = session;
        session = null;
        if (current != null) {
            try {
                current.close();
            } catch (SQLException ignored) {
                // a broken connection has nothing left to release
            }
        }
    }

    private <T> CompletableFuture<T> submit(Callable<T> work) {
        CompletableFuture<T> done = new CompletableFuture<>();
        try {
            thread.execute(() -> {
                try {
                    done.complete(work.call());
                } catch (Exception | Error e) {
                    done.completeExceptionally(e);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            done.completeExceptionally(new QueryEditorConnectionException("The query editor was closed.", false));
        }
        return done;
    }
}
