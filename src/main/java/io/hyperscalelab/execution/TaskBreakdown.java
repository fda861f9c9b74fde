package io.hyperscalelab.execution;

import java.util.List;

/**
 * One task of a statement: what was sent to which worker, and what came back.
 *
 * @param task   1-based, in the order the tasks were planned
 * @param shards the shards it read; more than one for a co-located join (the first is the anchor)
 * @param sql    the SQL the worker ran
 * @param rows   rows returned to the coordinator
 * @param bytes  bytes of row data returned (for the coordinator's planner, estimated from the plan)
 * @param millis time from sending the SQL to having all its rows
 */
public record TaskBreakdown(int task, List<ShardRef> shards, WorkerNode worker, String sql, long rows, long bytes,
                            double millis) {

    public TaskBreakdown {
        shards = List.copyOf(shards);
    }

    /** The anchor shard's id, or 0 when the plan did not say which shard it read. */
    public long shardId() {
        return shards.isEmpty() ? 0 : shards.get(0).shardId();
    }

    /** The anchor shard's table, or an empty string. */
    public String shardTable() {
        return shards.isEmpty() ? "" : shards.get(0).table();
    }
}
