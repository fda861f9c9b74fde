package io.hyperscalelab.breakdown;

import io.hyperscalelab.execution.Breakdown;
import io.hyperscalelab.execution.ExecutionPath;
import io.hyperscalelab.execution.TaskBreakdown;
import io.hyperscalelab.execution.WorkerNode;
import io.hyperscalelab.execution.WorkerTotal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A statement's breakdown as an SVG chart, drawn on the server: a title naming the path
 * (router, multi-shard, coordinator fallback), then horizontal bars of time and rows per worker
 * (with the coordinator's merge), then per shard, grouped by worker. Each bar's length is
 * proportional to its value within its section; the longest bar of a measure fills the width.
 * Bars carry {@code data-} attributes (worker, shard, measure, value) so tests and tools can
 * read the chart.
 */
public final class BreakdownChart {

    static final double WIDTH = 640;
    /** The longest bar of a section. */
    static final double BAR_WIDTH = 250;
    private static final double LABEL_X = 16;
    private static final double BAR_X = 210;
    private static final double ROW = 30;
    private static final double WORKER_BARS = 19;
    private static final double SHARD_ROW = 17;
    private static final double SHARD_BARS = 14;

    private static final String STYLE = """
            text { font-family: "Segoe UI", -apple-system, Roboto, Arial, sans-serif; font-size: 12px; fill: #323130; }
            .title { font-size: 15px; font-weight: 600; }
            .subtitle, .endpoint, .value { fill: #605e5c; font-size: 11px; }
            .section { font-size: 13px; font-weight: 600; }
            .group { font-weight: 600; }
            .shard { font-size: 11px; }
            .time { fill: #0078d4; }
            .rows { fill: #8cbd18; }
            .merge { fill: #8a8886; }
            .rule { stroke: #edebe9; }""";

    private BreakdownChart() {
    }

    /** The chart's title, e.g. "Multi-shard: 32 tasks on 2 workers, merged on the coordinator in 3.1 ms". */
    public static String title(Breakdown breakdown) {
        List<TaskBreakdown> tasks = breakdown.tasks();
        int workers = breakdown.workers().size();
        return switch (breakdown.path()) {
            case ROUTER -> "Router: " + Measures.tasks(tasks.size()) + " on "
                    + (tasks.isEmpty() ? "no worker" : tasks.get(0).worker().name() + ", shard " + tasks.get(0).shardId());
            case MULTI_SHARD -> "Multi-shard: " + Measures.tasks(tasks.size()) + " on " + workers + (workers == 1 ? " worker" : " workers")
                    + ", merged on the coordinator in " + Measures.millis(breakdown.mergeMillis());
            case COORDINATOR -> tasks.isEmpty() ? "Coordinator fallback: the coordinator ran it without reading a shard"
                    : "Coordinator fallback: its planner read " + tasks.size() + (tasks.size() == 1 ? " shard" : " shards")
                    + " on " + workers + (workers == 1 ? " worker" : " workers");
        };
    }

    public static String svg(Breakdown breakdown) {
        Svg svg = new Svg(WIDTH);
        double y = 26;
        svg.text(LABEL_X, y, "title", title(breakdown));
        y += 20;
        String subtitle = "Wall time " + Measures.millis(breakdown.wallMillis()) + ", " + Measures.rows(breakdown.rows())
                + " and " + Measures.bytes(breakdown.bytes()) + " from the workers";
        svg.text(LABEL_X, y, "subtitle", subtitle);
        if (breakdown.path() == ExecutionPath.COORDINATOR && !breakdown.reason().isEmpty()) {
            y += 16;
            svg.text(LABEL_X, y, "subtitle", Svg.clip("Why: " + breakdown.reason(), 100));
        }
        y += 14;
        legend(svg, y);
        y += 22;
        if (!breakdown.tasks().isEmpty()) {
            y = perWorker(svg, breakdown, y);
            y = perShard(svg, breakdown, y + 8);
        }
        return svg.finish(y + 8, title(breakdown), STYLE);
    }

    private static void legend(Svg svg, double y) {
        svg.rect(LABEL_X, y, 10, 10, "time");
        svg.text(LABEL_X + 14, y + 10, "value", "time");
        svg.rect(LABEL_X + 60, y + 3, 10, 5, "rows");
        svg.text(LABEL_X + 74, y + 10, "value", "rows returned");
        svg.rect(LABEL_X + 170, y, 10, 10, "merge");
        svg.text(LABEL_X + 184, y + 10, "value", "coordinator's merge");
    }

    private static double perWorker(Svg svg, Breakdown breakdown, double y) {
        svg.text(LABEL_X, y + 12, "section", "Per worker");
        y += 22;
        double maxMillis = breakdown.mergeMillis();
        long maxRows = 0;
        for (WorkerTotal total : breakdown.workers()) {
            maxMillis = Math.max(maxMillis, total.millis());
            maxRows = Math.max(maxRows, total.rows());
        }
        for (WorkerTotal total : breakdown.workers()) {
            WorkerNode worker = total.worker();
            svg.line(LABEL_X, y - 4, WIDTH - LABEL_X, y - 4, "rule");
            svg.text(LABEL_X, y + 10, "group", worker.name());
            svg.text(LABEL_X, y + 23, "endpoint", worker.endpoint());
            bars(svg, y + 2, WORKER_BARS, total.millis(), maxMillis, total.rows(), maxRows, Measures.tasks(total.tasks()) + ", ",
                    "worker", worker.name());
            y += ROW + 4;
        }
        if (breakdown.path() == ExecutionPath.MULTI_SHARD) {
            svg.line(LABEL_X, y - 4, WIDTH - LABEL_X, y - 4, "rule");
            svg.text(LABEL_X, y + 10, "group", "coordinator");
            svg.text(LABEL_X, y + 23, "endpoint", "merges the tasks' rows");
            double width = length(breakdown.mergeMillis(), maxMillis);
            svg.rect(BAR_X, y + 2, width, Math.round(WORKER_BARS * 0.6), "merge", "measure", "merge", "value",
                    Svg.number(breakdown.mergeMillis()));
            svg.text(BAR_X + width + 6, y + 2 + Math.round(WORKER_BARS * 0.6), "value", Measures.millis(breakdown.mergeMillis()));
            y += ROW + 4;
        }
        return y;
    }

    private static double perShard(Svg svg, Breakdown breakdown, double y) {
        svg.text(LABEL_X, y + 12, "section", "Per shard, by worker");
        y += 22;
        double maxMillis = 0;
        long maxRows = 0;
        Map<WorkerNode, List<TaskBreakdown>> byWorker = new LinkedHashMap<>();
        for (WorkerTotal total : breakdown.workers()) {
            byWorker.put(total.worker(), breakdown.tasks().stream().filter(t -> t.worker().equals(total.worker())).toList());
        }
        for (TaskBreakdown task : breakdown.tasks()) {
            maxMillis = Math.max(maxMillis, task.millis());
            maxRows = Math.max(maxRows, task.rows());
        }
        for (Map.Entry<WorkerNode, List<TaskBreakdown>> group : byWorker.entrySet()) {
            svg.text(LABEL_X, y + 12, "group", group.getKey().name() + "  " + group.getKey().endpoint());
            y += 20;
            for (TaskBreakdown task : group.getValue()) {
                svg.text(LABEL_X + 14, y + 10, "shard", shardLabel(task));
                bars(svg, y + 1, SHARD_BARS, task.millis(), maxMillis, task.rows(), maxRows, "", "shard", String.valueOf(task.shardId()));
                y += SHARD_ROW;
            }
            y += 6;
        }
        return y;
    }

    /**
     * A time bar with a thinner rows bar under it ({@code height} for both), and after the longer
     * of them the values in words.
     */
    private static void bars(Svg svg, double y, double height, double millis, double maxMillis, long rows, long maxRows,
                             String prefix, String key, String id) {
        double timeHeight = Math.round(height * 0.6);
        double rowsHeight = Math.round(height * 0.3);
        double time = length(millis, maxMillis);
        double count = length(rows, maxRows);
        svg.rect(BAR_X, y, time, timeHeight, "time", key, id, "measure", "time", "value", Svg.number(millis));
        svg.rect(BAR_X, y + timeHeight + 1, count, rowsHeight, "rows", key, id, "measure", "rows", "value", String.valueOf(rows));
        svg.text(BAR_X + Math.max(time, count) + 6, y + timeHeight, "value",
                prefix + Measures.millis(millis) + ", " + Measures.rows(rows));
    }

    private static String shardLabel(TaskBreakdown task) {
        if (task.shards().isEmpty()) {
            return "task " + task.task();
        }
        String label = task.shardTable();
        // a co-located join's other shards are in the Tasks tab; the label column has room for a count
        return task.shards().size() > 1 ? label + " +" + (task.shards().size() - 1) : label;
    }

    static double length(double value, double max) {
        return max <= 0 ? 0 : BAR_WIDTH * value / max;
    }
}
