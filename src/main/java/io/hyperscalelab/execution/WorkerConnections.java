package io.hyperscalelab.execution;

import java.net.ConnectException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * A session's connections to the workers, as role {@code citus}, tagged with an application
 * name so pg_stat_activity shows whose they are. They are kept between statements (a new
 * SCRAM connection costs milliseconds) and belong to this session only, so settings given to
 * them for this learner never reach another. At most {@code connectionsPerWorker} per worker.
 */
final class WorkerConnections implements AutoCloseable {

    static final String APPLICATION_NAME = "hyperscale-lab executor";

    private final ClusterTarget target;
    private final ExecutorOptions options;
    private final Map<Integer, Deque<WorkerConnection>> idle = new HashMap<>();
    private final List<WorkerConnection> all = new ArrayList<>();

    WorkerConnections(ClusterTarget target, ExecutorOptions options) {
        this.target = target;
        this.options = options;
    }

    int perWorker() {
        return options.connectionsPerWorker();
    }

    /** An idle connection to the worker, or a new one. */
    synchronized WorkerConnection borrow(WorkerNode worker) throws StatementException {
        Deque<WorkerConnection> free = idle.get(worker.nodeId());
        if (free != null && !free.isEmpty()) {
            return free.pop();
        }
        WorkerConnection connection = new WorkerConnection(worker, open(worker));
        all.add(connection);
        return connection;
    }

    synchronized void giveBack(WorkerConnection connection) {
        idle.computeIfAbsent(connection.worker().nodeId(), k -> new ArrayDeque<>()).push(connection);
    }

    /** Closes a connection that failed or was cancelled, so no late cancel request or broken socket is reused. */
    synchronized void discard(WorkerConnection connection) {
        connection.close();
        all.remove(connection);
        Deque<WorkerConnection> free = idle.get(connection.worker().nodeId());
        if (free != null) {
            free.remove(connection);
        }
    }

    /** Closes the idle connections to a worker that dropped one: a restarted worker dropped them all. */
    synchronized void discardIdle(WorkerNode worker) {
        Deque<WorkerConnection> free = idle.remove(worker.nodeId());
        if (free != null) {
            for (WorkerConnection connection : free) {
                connection.close();
                all.remove(connection);
            }
        }
    }

    synchronized int open() {
        return all.size();
    }

    @Override
    public synchronized void close() {
        for (WorkerConnection connection : all) {
            connection.close();
        }
        all.clear();
        idle.clear();
    }

    private Connection open(WorkerNode worker) throws StatementException {
        Properties properties = new Properties();
        properties.setProperty("user", target.user());
        properties.setProperty("password", target.password());
        properties.setProperty("ApplicationName", APPLICATION_NAME);
        properties.setProperty("connectTimeout", String.valueOf(options.connectTimeoutSeconds()));
        properties.setProperty("loginTimeout", String.valueOf(options.connectTimeoutSeconds()));
        properties.setProperty("tcpKeepAlive", "true");
        properties.setProperty("maxResultBuffer", options.resultLimit().connectionProperty());
        try {
            return DriverManager.getConnection(target.jdbcUrl(worker.host(), worker.port()), properties);
        } catch (SQLException e) {
            throw unreachable(worker, e);
        }
    }

    /** Citus' wording, with the portal's name of the worker as well as its address. */
    static StatementException unreachable(WorkerNode worker, SQLException e) {
        String reason = e.getCause() instanceof ConnectException connect && connect.getMessage() != null
                ? connect.getMessage() : e.getMessage();
        return new StatementException("connection to the remote node " + worker + " failed with the following error: "
                + reason, "08001", null, "Check that worker " + worker.name() + " is running.", 0, worker, e);
    }
}
