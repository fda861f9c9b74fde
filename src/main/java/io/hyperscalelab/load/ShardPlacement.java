package io.hyperscalelab.load;

/** Where one shard of a distributed table lives, as the coordinator's metadata says. */
record ShardPlacement(long shardId, String host, int port, String schema, String table) {

    String qualifiedTable() {
        return quote(schema) + "." + quote(table);
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
