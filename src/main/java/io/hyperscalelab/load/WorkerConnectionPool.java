package io.hyperscalelab.load;

import io.hyperscalelab.cluster.LiveSessions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Worker connections kept between loads, so that a learner's second file (and every load after
 * it) skips the connection start-up of its 32 shards: a backend's fork and a SCRAM exchange
 * each, which cost more than the copying itself at lab scale.
 *
 * <p>A connection is only ever reused with exactly the parameters it was opened with (address,
 * role, password, source address, ...): a password reset or another learner gets connections of
 * its own. One load at a time holds a connection. A connection is checked before it is lent
 * again, because its server may have stopped (an idle group, a deleted one) in between, and it
 * is closed after {@code idleTimeout} unused, so idle backends neither hold memory for long nor
 * keep their server group from being stopped for idleness. Its sessions are named
 * {@link #APPLICATION_NAME} in {@code pg_stat_activity}.
 */
public final class WorkerConnectionPool implements AutoCloseable {

    /** The application name of the loader's worker sessions. */
    public static final String APPLICATION_NAME = LiveSessions.POOLED_APPLICATION_NAME;
    private static final Logger log = LoggerFactory.getLogger(WorkerConnectionPool.class);
    /** More idle connections than shards of a table are never needed at once. */
    private static final int MAX_IDLE_PER_KEY = 64;
    private static final int VALIDATION_SECONDS = 2;

    private final long idleTimeoutNanos;
    private final Map<Key, Deque<Idle>> idle = new HashMap<>();
    private final ScheduledExecutorService evictor;
    private boolean closed;

    public WorkerConnectionPool(Duration idleTimeout) {
        this.idleTimeoutNanos = idleTimeout.toNanos();
        this.evictor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "loader-connection-evictor");
            thread.setDaemon(true);
            return thread;
        });
        long period = Math.max(1, idleTimeout.toMillis() / 2);
        evictor.scheduleWithFixedDelay(this::closeExpired, period, period, TimeUnit.MILLISECONDS);
    }

    /**
     * The loader's connections to a worker, opened with pgjdbc {@code properties} (user,
     * password, TLS, source address...) at {@code jdbc:postgresql://host:port/database}.
     */
    public ShardedLoader.WorkerConnections connections(String database, Properties properties) {
        Properties withName = new Properties();
        withName.putAll(properties);
        withName.setProperty("ApplicationName", APPLICATION_NAME);
        Map<String, String> parameters = new TreeMap<>();
        withName.forEach((k, v) -> parameters.put(String.valueOf(k), String.valueOf(v)));
        Map<String, String> key = Map.copyOf(parameters);
        // which key each lent connection goes back under
        Map<Connection, Key> lent = Collections.synchronizedMap(new IdentityHashMap<>());
        return new ShardedLoader.WorkerConnections() {
            @Override
            public Connection open(String host, int port) throws SQLException {
                Key k = new Key(host, port, database, key);
                Connection connection = borrow(k);
                if (connection == null) {
                    String h = host.contains(":") ? "[" + host + "]" : host;
                    connection = DriverManager.getConnection("jdbc:postgresql://" + h + ":" + port + "/" + database, withName);
                }
                lent.put(connection, k);
                return connection;
            }

            @Override
            public void release(Connection connection, boolean reusable) {
                Key k = lent.remove(connection);
                if (!reusable || k == null || !give(k, connection)) {
                    closeQuietly(connection);
                }
            }
        };
    }

    /** How many connections wait for a load now; for tests and measurements. */
    public synchronized int idleCount() {
        return idle.values().stream().mapToInt(Deque::size).sum();
    }

    /** Closes every idle connection; connections lent out are closed when they come back. */
    @Override
    public void close() {
        evictor.shutdownNow();
        Map<Key, Deque<Idle>> all;
        synchronized (this) {
            closed = true;
            all = new HashMap<>(idle);
            idle.clear();
        }
        all.values().forEach(d -> d.forEach(i -> closeQuietly(i.connection())));
    }

    /** An idle connection that still answers, or null. */
    private Connection borrow(Key key) {
        for (Connection c = take(key); c != null; c = take(key)) {
            if (isUsable(c)) {
                return c;
            }
            closeQuietly(c);
        }
        return null;
    }

    private synchronized Connection take(Key key) {
        Deque<Idle> waiting = idle.get(key);
        Idle next = waiting == null ? null : waiting.pollFirst();
        return next == null ? null : next.connection();
    }

    private synchronized boolean give(Key key, Connection connection) {
        if (closed) {
            return false;
        }
        Deque<Idle> waiting = idle.computeIfAbsent(key, k -> new ArrayDeque<>());
        if (waiting.size() >= MAX_IDLE_PER_KEY) {
            return false;
        }
        waiting.addFirst(new Idle(connection, System.nanoTime()));
        return true;
    }

    private void closeExpired() {
        long now = System.nanoTime();
        Deque<Connection> expired = new ArrayDeque<>();
        synchronized (this) {
            for (Iterator<Deque<Idle>> keys = idle.values().iterator(); keys.hasNext(); ) {
                Deque<Idle> waiting = keys.next();
                // the most recently returned come first: the expired ones are at the tail
                while (!waiting.isEmpty() && now - waiting.peekLast().since() >= idleTimeoutNanos) {
                    expired.add(waiting.pollLast().connection());
                }
                if (waiting.isEmpty()) {
                    keys.remove();
                }
            }
        }
        expired.forEach(WorkerConnectionPool::closeQuietly);
    }

    // The server may have gone away while the connection waited: a round trip tells.
    private static boolean isUsable(Connection connection) {
        try {
            return connection.isValid(VALIDATION_SECONDS) && connection.getAutoCommit();
        } catch (SQLException e) {
            return false;
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            log.debug("closing a pooled worker connection: {}", e.getMessage());
        }
    }

    private record Key(String host, int port, String database, Map<String, String> parameters) {
    }

    private record Idle(Connection connection, long since) {
    }
}
