package io.hyperscalelab.execution;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How one statement ran across the cluster: the path taken and why, every task, each worker's
 * totals, the coordinator's merge time and the wall time. The portal and the SQL function
 * {@code citus_breakdown()} report the same model.
 *
 * @param reason      why the coordinator ran it, for {@link ExecutionPath#COORDINATOR}; empty otherwise
 * @param mergeMillis time the coordinator spent combining the tasks' rows (or, for its own plans,
 *                    the execution time the slowest task does not cover)
 * @param wallMillis  from receiving the statement to having its whole result
 */
public record Breakdown(ExecutionPath path, String reason, List<TaskBreakdown> tasks, List<WorkerTotal> workers,
                        double mergeMillis, double wallMillis) {

    public Breakdown {
        tasks = List.copyOf(tasks);
        workers = List.copyOf(workers);
    }

    /** A breakdown whose worker totals are summed from its tasks. */
    public static Breakdown of(ExecutionPath path, String reason, List<TaskBreakdown> tasks, double mergeMillis,
                               double wallMillis) {
        Map<WorkerNode, WorkerTotal> totals = new LinkedHashMap<>();
        for (TaskBreakdown task : tasks) {
            totals.merge(task.worker(), new WorkerTotal(task.worker(), 1, task.rows(), task.bytes(), task.millis()),
                    (a, b) -> new WorkerTotal(a.worker(), a.tasks() + b.tasks(), a.rows() + b.rows(), a.bytes() + b.bytes(),
                            a.millis() + b.millis()));
        }
        List<WorkerTotal> workers = new ArrayList<>(totals.values());
        workers.sort(java.util.Comparator.comparingInt(w -> w.worker().nodeId()));
        return new Breakdown(path, reason, tasks, workers, mergeMillis, wallMillis);
    }

    public long rows() {
        return tasks.stream().mapToLong(TaskBreakdown::rows).sum();
    }

    public long bytes() {
        return tasks.stream().mapToLong(TaskBreakdown::bytes).sum();
    }
}
