package io.hyperscalelab.breakdown;

import io.hyperscalelab.execution.Breakdown;
import io.hyperscalelab.execution.TaskBreakdown;
import io.hyperscalelab.execution.WorkerTotal;
import java.util.List;

/**
 * The lab guide's figure of a distributed aggregate (Images/distributed-aggregate.svg), drawn
 * from a statement's breakdown: the coordinator, the fragment it sends once per shard, the
 * workers with their shards and the partial results each returns, and the merge. It draws
 * only what does not change from run to run (no times, workers numbered rather than named),
 * so the breakdown of a real run of the lab's count query draws the very same figure.
 */
public final class DistributedAggregateFigure {

    private static final double WIDTH = 960;
    private static final double MARGIN = 32;
    private static final double GAP = 40;
    private static final int SHARD_COLUMNS = 4;
    private static final double SHARD_WIDTH = 92;
    private static final double SHARD_HEIGHT = 40;
    private static final double SHARD_GAP = 8;

    private static final String STYLE = """
            text { font-family: "Segoe UI", -apple-system, Roboto, Arial, sans-serif; font-size: 13px; fill: #323130; }
            .title { font-size: 18px; font-weight: 600; }
            .heading { font-size: 15px; font-weight: 600; }
            .code { font-family: Consolas, "Courier New", monospace; font-size: 12px; }
            .note, .shard-rows { fill: #605e5c; font-size: 11px; }
            .shard-id { font-size: 12px; font-weight: 600; }
            .coordinator { fill: #deecf9; stroke: #0078d4; stroke-width: 1.5; }
            .worker { fill: #f3f2f1; stroke: #8a8886; stroke-width: 1.5; }
            .shard { fill: #ffffff; stroke: #8cbd18; stroke-width: 1.2; }
            .arrow { stroke: #0078d4; stroke-width: 2; }
            .arrow-back { stroke: #8cbd18; stroke-width: 2; }
            .head { fill: #0078d4; }
            .head-back { fill: #8cbd18; }""";

    private DistributedAggregateFigure() {
    }

    /**
     * @param statement what the learner ran, e.g. {@code SELECT count(*) FROM github_events;}
     * @param merge     what the coordinator does with the partial results, e.g. "adds up the 32 partial counts"
     */
    public static String svg(String statement, String merge, Breakdown breakdown) {
        List<WorkerTotal> workers = breakdown.workers();
        List<TaskBreakdown> tasks = breakdown.tasks();
        if (workers.isEmpty()) {
            throw new IllegalArgumentException("A distributed aggregate has tasks on workers; this breakdown has none.");
        }
        Svg svg = new Svg(WIDTH);
        String title = "How the coordinator runs " + statement.strip();
        svg.text(MARGIN, 34, "title", title);

        double coordinatorWidth = 540;
        double coordinatorHeight = 126;
        double coordinatorX = (WIDTH - coordinatorWidth) / 2;
        double coordinatorY = 56;
        svg.roundedRect(coordinatorX, coordinatorY, coordinatorWidth, coordinatorHeight, 6, "coordinator");
        svg.text(coordinatorX + 16, coordinatorY + 24, "heading", "Coordinator");
        svg.text(coordinatorX + 16, coordinatorY + 46, "", "1. Plans " + Measures.tasks(tasks.size()) + ", one per shard of the table.");
        svg.text(coordinatorX + 16, coordinatorY + 68, "", "2. Sends each task, with its own shard, to the worker that holds it:");
        svg.text(coordinatorX + 32, coordinatorY + 88, "code", fragmentTemplate(tasks.get(0)));
        svg.text(coordinatorX + 16, coordinatorY + 112, "", "3. Merges: " + merge + ".");

        double boxWidth = (WIDTH - 2 * MARGIN - GAP * (workers.size() - 1)) / workers.size();
        double coordinatorBottom = coordinatorY + coordinatorHeight;
        double boxY = coordinatorBottom + 70;
        int mostShards = 0;
        for (WorkerTotal worker : workers) {
            mostShards = Math.max(mostShards, worker.tasks());
        }
        int shardRows = (mostShards + SHARD_COLUMNS - 1) / SHARD_COLUMNS;
        double boxHeight = 52 + shardRows * (SHARD_HEIGHT + SHARD_GAP) + 8;
        for (int w = 0; w < workers.size(); w++) {
            WorkerTotal worker = workers.get(w);
            double x = MARGIN + w * (boxWidth + GAP);
            double centre = x + boxWidth / 2;
            arrow(svg, centre - 14, coordinatorBottom, boxY, true);
            arrow(svg, centre + 14, boxY, coordinatorBottom, false);
            svg.text(centre - 22 - 70, boxY - 36, "note", Measures.tasks(worker.tasks()) + " out");
            svg.text(centre + 22, boxY - 36, "note", Measures.rows(worker.rows()) + " back");

            svg.roundedRect(x, boxY, boxWidth, boxHeight, 6, "worker");
            svg.text(x + 16, boxY + 26, "heading", "Worker " + (w + 1));
            svg.text(x + 100, boxY + 26, "note", "runs its " + Measures.tasks(worker.tasks()) + " in parallel");
            List<TaskBreakdown> own = tasks.stream().filter(t -> t.worker().equals(worker.worker())).toList();
            double gridWidth = SHARD_COLUMNS * SHARD_WIDTH + (SHARD_COLUMNS - 1) * SHARD_GAP;
            double gridX = x + (boxWidth - gridWidth) / 2;
            for (int i = 0; i < own.size(); i++) {
                TaskBreakdown task = own.get(i);
                double sx = gridX + (i % SHARD_COLUMNS) * (SHARD_WIDTH + SHARD_GAP);
                double sy = boxY + 44 + (i / SHARD_COLUMNS) * (SHARD_HEIGHT + SHARD_GAP);
                svg.roundedRect(sx, sy, SHARD_WIDTH, SHARD_HEIGHT, 3, "shard");
                svg.text(sx + 8, sy + 17, "shard-id", "shard " + task.shardId());
                svg.text(sx + 8, sy + 32, "shard-rows", "\u2192 " + Measures.rows(task.rows()));
            }
        }
        double captionY = boxY + boxHeight + 34;
        svg.text(MARGIN, captionY, "note", "Blue: the tasks the coordinator sends. Green: the partial results that come back, "
                + "one per task, which the coordinator merges into the answer.");
        return svg.finish(captionY + 18, title, STYLE);
    }

    /** The first task's SQL with its shard's number left open: the same text goes to every shard. */
    static String fragmentTemplate(TaskBreakdown task) {
        String table = task.shardTable();
        String id = String.valueOf(task.shardId());
        if (table.isEmpty() || !table.endsWith("_" + id)) {
            return task.sql();
        }
        String open = table.substring(0, table.length() - id.length()) + "<shard>";
        return task.sql().replace(table, open);
    }

    private static void arrow(Svg svg, double x, double from, double to, boolean down) {
        double tip = down ? to - 2 : to + 2;
        double base = down ? tip - 10 : tip + 10;
        svg.line(x, from, x, base, down ? "arrow" : "arrow-back");
        svg.polygon(down ? "head" : "head-back", x - 6, base, x + 6, base, x, tip);
    }
}
