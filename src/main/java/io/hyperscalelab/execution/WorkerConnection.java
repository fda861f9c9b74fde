package io.hyperscalelab.execution;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.StringJoiner;
import org.postgresql.core.BaseConnection;

/** One connection of a session to a worker, with the session settings it has been given so far. */
final class WorkerConnection {

    private final WorkerNode worker;
    private final Connection connection;
    private final Map<String, String> applied = new HashMap<>();
    private boolean used;

    WorkerConnection(WorkerNode worker, Connection connection) {
        this.worker = worker;
        this.connection = connection;
    }

    WorkerNode worker() {
        return worker;
    }

    Connection connection() {
        return connection;
    }

    /** Whether it has run a statement before, so a failure may be a connection the worker has since dropped. */
    boolean reused() {
        return used;
    }

    /** Brings the session's settings (time zone, search_path, statement_timeout, ...) over, changes only. */
    void apply(Map<String, String> settings) throws SQLException {
        StringJoiner changes = new StringJoiner(", ", "SELECT ", "");
        Map<String, String> wanted = new HashMap<>(settings);
        for (String name : applied.keySet()) {
            wanted.putIfAbsent(name, null);
        }
        boolean any = false;
        for (Map.Entry<String, String> setting : wanted.entrySet()) {
            String value = setting.getValue();
            if (value == null ? applied.containsKey(setting.getKey()) : !value.equals(applied.get(setting.getKey()))) {
                // a setting the session no longer has goes back to the worker's default
                changes.add(value == null
                        ? "set_config(" + Sql.literal(setting.getKey()) + ", (SELECT reset_val FROM pg_catalog.pg_settings WHERE name = "
                          + Sql.literal(setting.getKey()) + "), false)"
                        : "set_config(" + Sql.literal(setting.getKey()) + ", " + Sql.literal(value) + ", false)");
                any = true;
            }
        }
        if (any) {
            Wire.run(connection, changes.toString());
            applied.clear();
            applied.putAll(settings);
        }
    }

    WireResult run(String sql) throws SQLException {
        used = true;
        return Wire.run(connection, sql);
    }

    String typeName(int oid) throws SQLException {
        String name = connection.unwrap(BaseConnection.class).getTypeInfo().getPGType(oid);
        return name.startsWith("\"") || name.contains(".") ? name : Sql.identifier(name);
    }

    void cancel() {
        try {
            connection.unwrap(BaseConnection.class).cancelQuery();
        } catch (SQLException e) {
            // the statement ended, or the worker is gone: either way nothing runs any more
        }
    }

    void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            // closing a broken connection fails; it is gone either way
        }
    }
}
