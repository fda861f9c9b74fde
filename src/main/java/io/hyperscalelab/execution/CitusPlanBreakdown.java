package io.hyperscalelab.execution;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A real Citus plan as the portal's {@link Breakdown}, so that the chart and the task table read
 * the same model on either backend: one task per task Citus showed, on the worker its
 * {@code Node:} names, with the shards its remote plan read.
 */
public final class CitusPlanBreakdown {

    private CitusPlanBreakdown() {
    }

    /**
     * @param workers    the cluster's nodes by {@code host:port}, as pg_dist_node lists them (with the
     *                   portal's names); a node it lacks is called {@code host:port}
     * @param wallMillis the statement's own run, from sending it to having all its rows
     */
    public static Breakdown of(CitusPlan plan, Map<String, WorkerNode> workers, double wallMillis) {
        if (!plan.distributed()) {
            return Breakdown.of(ExecutionPath.COORDINATOR, "no distributed table in the plan: the coordinator ran it alone",
                    List.of(), plan.executionMillis(), wallMillis);
        }
        List<TaskBreakdown> tasks = new ArrayList<>();
        double slowest = 0;
        for (CitusPlan.Task task : plan.tasks()) {
            WorkerNode worker = workers.getOrDefault(task.host() + ":" + task.port(),
                    new WorkerNode(0, task.host() + ":" + task.port(), task.host(), task.port()));
            List<ShardRef> shards = task.relations().stream()
                    .map(r -> new ShardRef(CitusPlanText.shardId(r), r))
                    .filter(s -> s.shardId() != 0).toList();
            tasks.add(new TaskBreakdown(tasks.size() + 1, shards, worker, task.query(), task.rows(), task.bytes(), task.millis()));
            slowest = Math.max(slowest, task.millis());
        }
        double coordinatorMillis = Math.max(0, plan.executionMillis() - slowest);
        return Breakdown.of(path(plan), "", tasks, coordinatorMillis, wallMillis);
    }

    /** Router when every job ran one task, as Citus routes a statement pinned to one shard. */
    private static ExecutionPath path(CitusPlan plan) {
        return plan.jobTaskCounts().stream().anyMatch(count -> count > 1) || plan.tasksNotShown()
                ? ExecutionPath.MULTI_SHARD : ExecutionPath.ROUTER;
    }
}
