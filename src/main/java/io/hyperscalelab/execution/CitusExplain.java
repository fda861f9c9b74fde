package io.hyperscalelab.execution;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.postgresql.core.Field;
import org.postgresql.core.Tuple;

/**
 * EXPLAIN of a statement the executor distributes, in the shape Citus prints:
 *
 * <pre>
 * Aggregate  (cost=...)                          the coordinator's merge, planned by the coordinator
 *   ->  Custom Scan (Citus Adaptive)  (cost=...)  the tasks
 *         Task Count: 32
 *         Tasks Shown: One of 32                  All with SET citus.explain_all_tasks = on
 *         ->  Task
 *               Node: host=127.0.0.1 port=15433 dbname=citus
 *               ->  Aggregate  (cost=...)         the worker's own EXPLAIN of the fragment
 *                     ->  Seq Scan on github_events_102008 github_events  (cost=...)
 * </pre>
 *
 * The merge's plan is the coordinator's real plan of the merge query, with its scan of the
 * tasks' rows drawn as the Custom Scan. With ANALYZE the tasks run (their rows feed the merge's
 * EXPLAIN ANALYZE, as in Citus) and the task shown is the slowest; its plan comes from an
 * EXPLAIN ANALYZE of its fragment on its worker, which runs that fragment a second time.
 */
final class CitusExplain {

    private static final String REMOTE_SCAN = "remote_scan";

    private final ExecutionSession session;
    private final ExplainOptions options;
    private final SessionSettings settings;

    CitusExplain(ExecutionSession session, ExplainOptions options, SessionSettings settings) {
        this.session = session;
        this.options = options;
        this.settings = settings;
    }

    /** The plan as text, and the tasks' run when ANALYZE ran them (null otherwise). */
    record Explained(StatementResult result, TaskRunner.Run run) {
    }

    Explained explain(DistributedPlan plan, double planningMillis) throws SQLException {
        long start = System.nanoTime();
        TaskRunner.Run run = options.analyze() ? session.runTasks(plan.tasks()) : null;
        MergeSpec merge = plan.merge();
        List<String> lines = new ArrayList<>();
        List<String> footer = new ArrayList<>();
        int insertAt;
        int nodeIndent;
        String scanSuffix;
        String outputLine = null;
        if (merge.coordinator()) {
            Field[] fields;
            List<String> types;
            List<Tuple> rows = new ArrayList<>();
            if (run != null) {
                fields = run.fields();
                types = run.typeNames();
                run.outcomes().forEach(o -> rows.addAll(o.result().tuples()));
            } else {
                PlannedTask first = plan.tasks().get(0);
                WorkerConnection connection = session.workers().borrow(first.worker());
                try {
                    connection.apply(settings.propagated());
                    fields = Wire.describe(connection.connection(), first.sql());
                    types = new ArrayList<>();
                    for (Field field : fields) {
                        types.add(connection.typeName(field.getOID()));
                    }
                } finally {
                    session.workers().giveBack(connection);
                }
            }
            WireResult mergePlan = session.coordinator().internal(options.prefix() + MergeQuery.sql(merge, fields, types, rows));
            List<String> mergeLines = new ArrayList<>();
            for (int i = 0; i < mergePlan.tuples().size(); i++) {
                mergeLines.add(mergePlan.text(i, 0));
            }
            // the merge reads the tasks' rows in one scan node: "->  Function Scan on unnest remote_scan ..."
            int scan = -1;
            for (int i = 0; i < mergeLines.size() && scan < 0; i++) {
                String line = mergeLines.get(i);
                if (line.contains("->") && line.contains(" Scan on ") && line.contains(REMOTE_SCAN)) {
                    scan = i;
                }
            }
            if (scan < 0) {
                // rows that travelled as text and were cast in a subquery the planner flattened
                for (int i = mergeLines.size() - 1; i >= 0 && scan < 0; i--) {
                    if (mergeLines.get(i).contains("->") && mergeLines.get(i).contains(" Scan on ")) {
                        scan = i;
                    }
                }
            }
            String scanLine = mergeLines.get(scan);
            nodeIndent = scanLine.indexOf("->");
            int after = scanLine.indexOf("  (");
            scanSuffix = after < 0 ? (scanLine.indexOf(" (") < 0 ? "" : scanLine.substring(scanLine.indexOf(" ("))) : scanLine.substring(after);
            int end = scan + 1;
            while (end < mergeLines.size() && indent(mergeLines.get(end)) > nodeIndent) {
                String property = mergeLines.get(end).strip();
                if (outputLine == null && property.startsWith("Output:") && indent(mergeLines.get(end)) == nodeIndent + 6) {
                    outputLine = property;
                }
                end++;
            }
            lines.addAll(mergeLines.subList(0, scan));
            insertAt = lines.size();
            // after the plan tree come the summary sections at the left margin (Planning:, ...);
            // the times are replaced by the whole statement's
            boolean inFooter = false;
            for (String line : mergeLines.subList(end, mergeLines.size())) {
                inFooter |= indent(line) == 0;
                if (line.startsWith("Planning Time:") || line.startsWith("Execution Time:")) {
                    continue;
                }
                (inFooter ? footer : lines).add(line);
            }
        } else {
            insertAt = 0;
            nodeIndent = -1;
            scanSuffix = scanCosts(run);
        }
        lines.addAll(insertAt, customScan(plan, run, nodeIndent, scanSuffix, outputLine));
        lines.addAll(footer);
        if (options.analyze()) {
            lines.add(String.format(Locale.ROOT, "Planning Time: %.3f ms", planningMillis));
            lines.add(String.format(Locale.ROOT, "Execution Time: %.3f ms", (System.nanoTime() - start) / 1e6));
        }
        List<List<String>> rows = new ArrayList<>();
        for (String line : lines) {
            rows.add(List.of(line));
        }
        return new Explained(new StatementResult("EXPLAIN", List.of(new ResultColumn("QUERY PLAN", "text")), rows, 0, List.of()),
                run);
    }

    /** The Custom Scan node and its tasks, as a child at {@code nodeIndent}, or the top node when it is -1. */
    private List<String> customScan(DistributedPlan plan, TaskRunner.Run run, int nodeIndent, String suffix,
                                    String outputLine) throws SQLException {
        List<String> lines = new ArrayList<>();
        int properties = nodeIndent < 0 ? 2 : nodeIndent + 6;
        lines.add((nodeIndent < 0 ? "" : " ".repeat(nodeIndent) + "->  ") + "Custom Scan (Citus Adaptive)" + suffix);
        if (options.verbose() && outputLine != null) {
            lines.add(" ".repeat(properties) + outputLine);
        }
        int count = plan.tasks().size();
        lines.add(" ".repeat(properties) + "Task Count: " + count);
        if (run != null) {
            long bytes = run.outcomes().stream().mapToLong(o -> o.result().bytes()).sum();
            lines.add(" ".repeat(properties) + "Tuple data received from nodes: " + bytes + " bytes");
        }
        boolean all = settings.explainAllTasks() || count == 1;
        lines.add(" ".repeat(properties) + "Tasks Shown: " + (all ? "All" : "One of " + count));
        for (Shown shown : shown(plan, run, all)) {
            lines.add(" ".repeat(properties) + "->  Task");
            int taskProperties = properties + 6;
            if (options.verbose()) {
                lines.add(" ".repeat(taskProperties) + "Query: " + oneLine(shown.task().sql()));
            }
            if (shown.outcome() != null) {
                lines.add(" ".repeat(taskProperties) + "Tuple data received from node: " + shown.outcome().result().bytes() + " bytes");
            }
            WorkerNode worker = shown.task().worker();
            lines.add(" ".repeat(taskProperties) + "Node: host=" + worker.host() + " port=" + worker.port() + " dbname="
                    + session.coordinator().connection().getCatalog());
            List<String> workerPlan = workerPlan(shown.task());
            for (int i = 0; i < workerPlan.size(); i++) {
                lines.add(i == 0 ? " ".repeat(taskProperties) + "->  " + workerPlan.get(0)
                        : " ".repeat(taskProperties + 4) + workerPlan.get(i));
            }
        }
        return lines;
    }

    private record Shown(PlannedTask task, TaskRunner.Outcome outcome) {
    }

    /** Citus shows one task (the slowest under ANALYZE), or all of them, slowest first under ANALYZE. */
    private List<Shown> shown(DistributedPlan plan, TaskRunner.Run run, boolean all) {
        List<Shown> tasks = new ArrayList<>();
        for (int i = 0; i < plan.tasks().size(); i++) {
            tasks.add(new Shown(plan.tasks().get(i), run == null ? null : run.outcomes().get(i)));
        }
        if (run != null) {
            tasks.sort(Comparator.comparingDouble((Shown s) -> s.outcome().millis()).reversed());
        }
        return all ? tasks : tasks.subList(0, 1);
    }

    private List<String> workerPlan(PlannedTask task) throws SQLException {
        WorkerConnection connection = session.workers().borrow(task.worker());
        boolean healthy = false;
        try {
            connection.apply(settings.propagated());
            WireResult result = connection.run(options.prefix() + task.sql());
            healthy = true;
            List<String> lines = new ArrayList<>();
            for (int i = 0; i < result.tuples().size(); i++) {
                lines.add(result.text(i, 0));
            }
            return lines;
        } catch (SQLException e) {
            throw StatementException.fromServer(e, false, task.worker());
        } finally {
            if (healthy) {
                session.workers().giveBack(connection);
            } else {
                session.workers().discard(connection);
            }
        }
    }

    /** The Custom Scan's own figures when no merge plan gives them: Citus prints zero estimates. */
    private String scanCosts(TaskRunner.Run run) {
        StringBuilder suffix = new StringBuilder();
        if (options.costs()) {
            suffix.append("  (cost=0.00..0.00 rows=0 width=0)");
        }
        if (run != null) {
            double millis = run.outcomes().stream().mapToDouble(TaskRunner.Outcome::millis).max().orElse(0);
            suffix.append(String.format(Locale.ROOT, " (actual time=%.3f..%.3f rows=%.2f loops=1)", millis, millis,
                    (double) run.rows()));
        }
        return suffix.toString();
    }

    /** The fragment on one line, as Citus prints it: the learner's line breaks become spaces. */
    private static String oneLine(String sql) {
        StringBuilder line = new StringBuilder(sql.length());
        boolean space = false;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c == '\n' || c == '\r') {
                if (!space) {
                    line.append(' ');
                }
                space = true;
            } else if (space && (c == ' ' || c == '\t')) {
                continue;
            } else {
                line.append(c);
                space = false;
            }
        }
        return line.toString();
    }

    private static int indent(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) == ' ') {
            i++;
        }
        return i;
    }
}
