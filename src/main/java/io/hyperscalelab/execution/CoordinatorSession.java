package io.hyperscalelab.execution;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.TransactionState;

/**
 * The learner's own session on the coordinator: where their SET, BEGIN, temporary tables and
 * every statement the executor does not distribute live, and where merges run with their
 * settings. It speaks the simple query protocol, as psql does; that is also what makes
 * auto_explain's notice about a statement arrive with that statement.
 */
final class CoordinatorSession implements AutoCloseable {

    /** A statement the coordinator ran, with its plan when one was asked for and there was one. */
    record Ran(WireResult result, String planJson, double millis) {
    }

    private static final String PLAN_MARK = "plan:";
    private static final String AUTO_EXPLAIN_ON = "SET auto_explain.log_analyze = on; SET auto_explain.log_verbose = on; "
            + "SET auto_explain.log_timing = on; SET auto_explain.log_format = json; SET auto_explain.log_level = notice; "
            + "SET auto_explain.log_nested_statements = off; SET auto_explain.log_min_duration = 0";
    private static final String AUTO_EXPLAIN_OFF = "SET auto_explain.log_min_duration = -1";

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    private final Connection connection;
    private SessionSettings settings;

    /** A session over a connection of its own, opened to the target's coordinator. */
    CoordinatorSession(ClusterTarget target, ResultLimit limit) throws SQLException {
        this(open(target, limit));
    }

    /**
     * A session over a connection the caller opened (from the address, with the TLS and the
     * limits it chose); the session owns it from now on and closes it.
     */
    CoordinatorSession(Connection connection) throws SQLException {
        this.connection = connection;
        try {
            refreshSettings();
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    private static Connection open(ClusterTarget target, ResultLimit limit) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", target.user());
        properties.setProperty("password", target.password());
        properties.setProperty("ApplicationName", target.applicationName());
        properties.setProperty("preferQueryMode", "simple");
        properties.setProperty("tcpKeepAlive", "true");
        properties.setProperty("maxResultBuffer", limit.connectionProperty());
        return DriverManager.getConnection(target.jdbcUrl(target.host(), target.port()), properties);
    }

    Connection connection() {
        return connection;
    }

    SessionSettings settings() {
        return settings;
    }

    boolean inTransaction() throws SQLException {
        return connection.unwrap(BaseConnection.class).getTransactionState() != TransactionState.IDLE;
    }

    /** The executor's own statements (metadata, merges): no plan, no settings re-read. */
    WireResult internal(String sql) throws SQLException {
        return Wire.run(connection, sql);
    }

    /**
     * A learner's statement. With {@code withPlan}, auto_explain reports the plan it ran with;
     * afterwards the session's settings are read again, since any statement may have changed
     * them (SET, set_config(), RESET, a function with SET).
     */
    Ran learnerStatement(String sql, boolean withPlan) throws SQLException {
        boolean explained = withPlan && transactionUsable();
        if (explained) {
            Wire.run(connection, AUTO_EXPLAIN_ON);
        }
        long start = System.nanoTime();
        WireResult result;
        try {
            result = Wire.run(connection, sql);
        } finally {
            if (explained && transactionUsable()) {
                Wire.run(connection, AUTO_EXPLAIN_OFF);
            }
        }
        double millis = (System.nanoTime() - start) / 1e6;
        String plan = null;
        if (explained) {
            // Statements the planner itself runs (the hash routing of a constant, say) are
            // logged too: the statement's own plan is the one with its text, else the last.
            List<SQLWarning> notices = new ArrayList<>();
            for (SQLWarning notice : result.notices()) {
                String json = planOf(notice);
                if (json == null) {
                    notices.add(notice);
                } else if (plan == null || !sql.equals(queryText(plan))) {
                    plan = json;
                }
            }
            result = new WireResult(result.fields(), result.tuples(), result.commandTag(), result.updateCount(), notices);
        }
        if (transactionUsable()) {
            refreshSettings();
        }
        return new Ran(result, plan, millis);
    }

    void cancel() {
        try {
            connection.unwrap(BaseConnection.class).cancelQuery();
        } catch (SQLException e) {
            // nothing was running, or the connection is gone
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }

    private boolean transactionUsable() throws SQLException {
        return !connection.isClosed() && connection.unwrap(BaseConnection.class).getTransactionState() != TransactionState.FAILED;
    }

    private void refreshSettings() throws SQLException {
        WireResult rows = Wire.run(connection, SessionSettings.QUERY);
        Map<String, String> propagated = new HashMap<>();
        long timeout = 0;
        boolean allTasks = false;
        boolean roleChanged = false;
        for (int row = 0; row < rows.tuples().size(); row++) {
            String name = rows.text(row, 0);
            String value = rows.text(row, 1);
            switch (name) {
                case "~statement_timeout" -> timeout = Long.parseLong(value);
                case "~explain_all_tasks" -> allTasks = isOn(value);
                case "~role_changed" -> roleChanged = Boolean.parseBoolean(value);
                default -> propagated.put(name, value);
            }
        }
        settings = new SessionSettings(propagated, timeout, allTasks, roleChanged);
    }

    private static boolean isOn(String value) {
        return List.of("on", "true", "1", "yes").contains(value.toLowerCase(Locale.ROOT));
    }

    private static String queryText(String planJson) {
        try {
            return JSON.readTree(planJson).path("Query Text").asText();
        } catch (java.io.IOException e) {
            return "";
        }
    }

    /** auto_explain's notice: "duration: 1.234 ms  plan:" then the JSON document. */
    private static String planOf(SQLWarning notice) {
        String message = Notices.message(notice);
        if (message == null || !message.startsWith("duration: ")) {
            return null;
        }
        int mark = message.indexOf(PLAN_MARK);
        if (mark < 0) {
            return null;
        }
        String json = message.substring(mark + PLAN_MARK.length()).strip();
        return json.startsWith("{") ? json : null;
    }
}
