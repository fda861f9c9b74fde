package io.hyperscalelab.execution;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.WithItem;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.TransactionState;

/**
 * A learner's session on a real Citus coordinator: every statement goes to Citus as it was
 * typed (Citus plans, routes and merges it; nothing is re-routed here), and its breakdown is
 * read from Citus' own EXPLAIN, with {@code citus.explain_all_tasks} on so that every task shows
 * its node, rows, time and SQL:
 * <ul>
 *   <li>a SELECT over tables runs a second time, under {@code EXPLAIN (ANALYZE, VERBOSE, FORMAT JSON)},
 *       which is what Citus measures each task with;</li>
 *   <li>any other statement the planner runs (DML, set operations, a SELECT of functions, which
 *       might act, such as {@code create_distributed_table}) gets {@code EXPLAIN (VERBOSE, FORMAT JSON)},
 *       which plans without running: its tasks, with no rows or time;</li>
 *   <li>the learner's own EXPLAIN is read as it came back, in text or JSON;</li>
 *   <li>DDL and other utility statements are the coordinator's, which passes them on to the workers.</li>
 * </ul>
 * Inside a transaction the EXPLAIN runs under a savepoint, so that its failure cannot abort the
 * learner's transaction; the session's own {@code citus.explain_all_tasks} is put back afterwards.
 */
public final class CitusSession implements LearnerSession {

    private static final String SAVEPOINT = "hyperscale_lab_breakdown";
    private static final String ALL_TASKS = "citus.explain_all_tasks";

    private final ClusterTarget target;
    private final Connection connection;
    private final StatementParser parser;
    private final ResultLimit limit;
    private volatile boolean cancelled;
    /** The cluster's nodes by host:port, read once, with the first breakdown. */
    private Map<String, WorkerNode> nodes;

    CitusSession(ClusterTarget target, Connection connection, StatementParser parser, ResultLimit limit) {
        this.target = target;
        this.connection = connection;
        this.parser = parser;
        this.limit = limit;
    }

    @Override
    public synchronized ExecutionResult execute(String text) throws StatementException {
        cancelled = false;
        Optional<SqlScript.Piece> only = SqlScript.onlyStatement(text);
        if (only.isEmpty()) {
            return ExecutionResult.EMPTY;
        }
        SqlScript.Piece piece = only.get();
        long start = System.nanoTime();
        StatementResult result;
        try {
            result = StatementResults.of(connection, Wire.run(connection, piece.sql()));
        } catch (SQLException e) {
            if (ResultLimit.hit(e)) {
                throw limit.exceeded(ResultLimit.SESSION_LOST, e);
            }
            throw StatementException.fromServer(e, true, null).shifted(piece.offset());
        }
        double wallMillis = (System.nanoTime() - start) / 1e6;
        return new ExecutionResult(result, breakdown(parser.parse(piece.sql()), result, wallMillis));
    }

    @Override
    public void cancel() {
        cancelled = true;
        try {
            connection.unwrap(BaseConnection.class).cancelQuery();
        } catch (SQLException e) {
            // nothing was running, or the connection is gone
        }
    }

    @Override
    public synchronized void close() throws SQLException {
        connection.close();
    }

    private Breakdown breakdown(ParsedStatement statement, StatementResult result, double wallMillis) {
        if (statement instanceof ParsedStatement.Explain explain) {
            return fromLearnersExplain(explain, result, wallMillis);
        }
        String options;
        if (statement instanceof ParsedStatement.Select select) {
            options = overTablesOnly(select.select()) ? "ANALYZE, VERBOSE, FORMAT JSON" : "VERBOSE, FORMAT JSON";
        } else if (((ParsedStatement.Other) statement).planned()) {
            options = "VERBOSE, FORMAT JSON";
        } else {
            return coordinator("Citus runs a " + ((ParsedStatement.Other) statement).reason()
                    .replaceFirst("^not a query: ", "") + " statement on the coordinator, which passes it on to the workers "
                    + "as needed", wallMillis);
        }
        if (cancelled) {
            return coordinator("the statement was cancelled before Citus explained it", wallMillis);
        }
        try {
            String json = explain("EXPLAIN (" + options + ") " + statement.sql());
            return CitusPlanBreakdown.of(CitusJsonPlanParser.parse(json), nodes, wallMillis);
        } catch (SQLException | IllegalArgumentException e) {
            return coordinator("Citus' EXPLAIN of the statement failed (" + e.getMessage() + ")", wallMillis);
        }
    }

    /** The learner asked for EXPLAIN: its output is Citus' own plan, in text or JSON. */
    private Breakdown fromLearnersExplain(ParsedStatement.Explain explain, StatementResult result, double wallMillis) {
        StringBuilder plan = new StringBuilder();
        for (List<String> row : result.rows()) {
            plan.append(row.isEmpty() || row.get(0) == null ? "" : row.get(0)).append('\n');
        }
        String format = explain.options().options().stream().filter(o -> o.name().equals("format"))
                .map(o -> o.value().toLowerCase(Locale.ROOT)).reduce((a, b) -> b).orElse("text");
        try {
            CitusPlan parsed = switch (format) {
                case "text" -> CitusTextPlanParser.parse(plan.toString());
                case "json" -> CitusJsonPlanParser.parse(plan.toString());
                default -> null;
            };
            if (parsed == null) {
                return coordinator("the breakdown reads EXPLAIN in text or JSON format, not " + format, wallMillis);
            }
            loadNodes();
            return CitusPlanBreakdown.of(parsed, nodes, wallMillis);
        } catch (SQLException | IllegalArgumentException e) {
            return coordinator("the plan could not be read (" + e.getMessage() + ")", wallMillis);
        }
    }

    /**
     * Runs an EXPLAIN with every task shown, under a savepoint inside a transaction; puts the
     * session's own setting back whatever happens.
     */
    private String explain(String explainSql) throws SQLException {
        boolean inTransaction = transactionState() == TransactionState.OPEN;
        if (inTransaction) {
            Wire.run(connection, "SAVEPOINT " + SAVEPOINT);
        }
        String previous = null;
        try {
            previous = Wire.run(connection, "SELECT current_setting('" + ALL_TASKS + "', true)").text(0, 0);
            Wire.run(connection, "SET " + ALL_TASKS + " = on");
            String json = Wire.run(connection, explainSql).text(0, 0);
            loadNodes();
            restore(previous);
            if (inTransaction) {
                Wire.run(connection, "RELEASE SAVEPOINT " + SAVEPOINT);
            }
            return json;
        } catch (SQLException e) {
            if (!connection.isClosed()) {
                if (inTransaction) {
                    // undoes the SET too
                    Wire.run(connection, "ROLLBACK TO SAVEPOINT " + SAVEPOINT + "; RELEASE SAVEPOINT " + SAVEPOINT);
                } else {
                    restore(previous);
                }
            }
            throw e;
        }
    }

    private void restore(String previous) throws SQLException {
        Wire.run(connection, previous == null ? "RESET " + ALL_TASKS
                : "SELECT set_config('" + ALL_TASKS + "', " + Sql.literal(previous) + ", false)");
    }

    private void loadNodes() throws SQLException {
        if (nodes != null) {
            return;
        }
        WireResult rows = Wire.run(connection, "SELECT nodeid, nodename, nodeport FROM pg_dist_node ORDER BY nodeid");
        Map<String, WorkerNode> byEndpoint = new HashMap<>();
        for (int row = 0; row < rows.tuples().size(); row++) {
            int id = Integer.parseInt(rows.text(row, 0));
            String host = rows.text(row, 1);
            int port = Integer.parseInt(rows.text(row, 2));
            byEndpoint.put(host + ":" + port, new WorkerNode(id, target.nodeName(host, port, id), host, port));
        }
        nodes = Map.copyOf(byEndpoint);
    }

    private TransactionState transactionState() throws SQLException {
        return connection.unwrap(BaseConnection.class).getTransactionState();
    }

    /**
     * A SELECT that reads tables and nothing else (no CTE, no function or subquery in FROM), so that
     * running it again under EXPLAIN ANALYZE only reads: {@code SELECT create_distributed_table(...)}
     * and {@code SELECT * FROM run_command_on_shards(...)} must run once.
     */
    static boolean overTablesOnly(PlainSelect select) {
        List<WithItem<?>> with = select.getWithItemsList();
        if (with != null && !with.isEmpty() || !(select.getFromItem() instanceof Table)) {
            return false;
        }
        if (select.getJoins() != null) {
            for (Join join : select.getJoins()) {
                if (!(join.getFromItem() instanceof Table)) {
                    return false;
                }
            }
        }
        return !(select.getFromItem() instanceof ParenthesedSelect);
    }

    private static Breakdown coordinator(String reason, double wallMillis) {
        return Breakdown.of(ExecutionPath.COORDINATOR, reason, List.of(), 0, wallMillis);
    }
}
