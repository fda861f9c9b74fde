package io.hyperscalelab.execution;

/** One shard a task read: its id and its table on the worker, as citus_shards names them. */
public record ShardRef(long shardId, String table) {
}
