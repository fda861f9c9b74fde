package io.hyperscalelab.execution;

import java.util.List;

/** A fragment to run on one worker, over the shards it names (the co-located shards of one shard index). */
record PlannedTask(int task, List<ShardRef> shards, WorkerNode worker, String sql) {

    PlannedTask {
        shards = List.copyOf(shards);
    }
}
