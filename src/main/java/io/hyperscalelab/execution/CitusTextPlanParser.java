package io.hyperscalelab.execution;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads EXPLAIN in text format as a Citus coordinator writes it (and as psql prints it, with or
 * without its header, a space before each line and the row count under it):
 *
 * <pre>
 * Custom Scan (Citus Adaptive)  (cost=0.00..0.00 rows=0 width=0) (actual time=2.1..2.2 rows=21 loops=1)
 *   Task Count: 32
 *   Tuple data received from nodes: 2863 bytes
 *   Tasks Shown: All
 *   ->  Task
 *         Query: SELECT ... FROM public.github_events_102008 github_events ...     VERBOSE only
 *         Tuple data received from node: 90 bytes                                  ANALYZE only
 *         Node: host=worker-1 port=5432 dbname=citus
 *         ->  Seq Scan on github_events_102008 github_events  (...) (actual time=0.02..0.9 rows=3 loops=1)
 *             Planning Time: 0.149 ms
 *             Execution Time: 0.931 ms
 * Planning Time: 1.259 ms
 * Execution Time: 30.896 ms
 * </pre>
 *
 * A task is the block under its {@code ->  Task} line: its properties, then the worker's plan,
 * whose first node gives the rows and whose {@code Execution Time} the task's time.
 */
public final class CitusTextPlanParser {

    private static final String TASK = "->  Task";
    private static final String ARROW = "->  ";
    private static final Pattern ACTUAL = Pattern.compile(
            "\\(actual (?:time=[\\d.]+\\.\\.([\\d.]+) )?rows=([\\d.]+) loops=([\\d.]+)\\)");
    private static final Pattern RELATION = Pattern.compile("(?:Seq Scan|Index Scan|Index Only Scan|Bitmap Heap Scan|Tid Scan"
            + "|Tid Range Scan|Sample Scan|Custom Scan \\(ColumnarScan\\)|Insert|Update|Delete|Merge)(?: Backward)?"
            + "(?: using \\S+)? on (\\S+)");

    private CitusTextPlanParser() {
    }

    public static CitusPlan parse(String text) {
        List<String> lines = text.lines().map(CitusTextPlanParser::stripEnd).filter(l -> !l.isBlank()).toList();
        boolean distributed = false;
        boolean tasksNotShown = false;
        List<Integer> taskCounts = new ArrayList<>();
        List<CitusPlan.Task> tasks = new ArrayList<>();
        double execution = 0;
        int executionIndent = Integer.MAX_VALUE;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String content = line.strip();
            int indent = indent(line);
            if (content.contains("Custom Scan (Citus ")) {
                distributed = true;
            } else if (content.startsWith("Task Count:")) {
                taskCounts.add(Integer.parseInt(content.substring("Task Count:".length()).strip()));
            } else if (content.startsWith("Tasks Shown: None")) {
                tasksNotShown = true;
            } else if (content.equals(TASK)) {
                int end = i + 1;
                while (end < lines.size() && indent(lines.get(end)) > indent) {
                    end++;
                }
                tasks.add(task(lines.subList(i + 1, end)));
                i = end - 1;
            } else if (content.startsWith("Execution Time:") && indent < executionIndent) {
                execution = CitusPlanText.millis(content.substring("Execution Time:".length()));
                executionIndent = indent;
            }
        }
        if (!distributed) {
            return CitusPlan.local(execution);
        }
        return new CitusPlan(true, taskCounts, tasks, tasksNotShown, execution);
    }

    private static CitusPlan.Task task(List<String> block) {
        String query = "";
        String node = "";
        String error = "";
        long bytes = 0;
        long rows = 0;
        double topNodeMillis = 0;
        double executionMillis = -1;
        boolean inPlan = false;
        List<String> relations = new ArrayList<>();
        for (String line : block) {
            String content = line.strip();
            if (!inPlan && content.startsWith(ARROW)) {
                inPlan = true;
                Matcher actual = ACTUAL.matcher(content);
                if (actual.find()) {
                    topNodeMillis = actual.group(1) == null ? 0 : Double.parseDouble(actual.group(1));
                    rows = Math.round(Double.parseDouble(actual.group(2)) * Math.max(1, Double.parseDouble(actual.group(3))));
                }
            }
            if (!inPlan) {
                if (content.startsWith("Query:")) {
                    query = content.substring("Query:".length()).strip();
                } else if (content.startsWith("Node:")) {
                    node = content.substring("Node:".length()).strip();
                } else if (content.startsWith("Tuple data received from node:")) {
                    bytes = CitusPlanText.bytes(content);
                } else if (content.startsWith("Error:")) {
                    error = content.substring("Error:".length()).strip();
                }
            } else if (content.startsWith("Execution Time:")) {
                executionMillis = CitusPlanText.millis(content.substring("Execution Time:".length()));
            } else if (content.startsWith(ARROW)) {
                Matcher relation = RELATION.matcher(content.substring(ARROW.length()));
                if (relation.lookingAt()) {
                    String name = CitusPlanText.withoutSchema(relation.group(1));
                    if (!relations.contains(name)) {
                        relations.add(name);
                    }
                }
            }
        }
        return new CitusPlan.Task(CitusPlanText.host(node), CitusPlanText.port(node), query, rows, bytes,
                executionMillis >= 0 ? executionMillis : topNodeMillis, relations, error);
    }

    private static int indent(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    private static String stripEnd(String line) {
        return line.stripTrailing();
    }
}
