package io.hyperscalelab.execution;

/** One shard and the worker holding it; {@code schema.table} is its table there. */
record ShardPlacement(long shardId, String schema, String table, WorkerNode worker) {

    String qualifiedTable() {
        return Sql.identifier(schema) + "." + Sql.identifier(table);
    }

    ShardRef ref() {
        return new ShardRef(shardId, table);
    }
}
