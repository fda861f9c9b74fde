package io.hyperscalelab.execution;

import java.util.List;
import java.util.Map;

/**
 * A distributed or reference table as the executor plans with it.
 *
 * @param distributionColumn null for a reference table
 * @param distributionType   the distribution column's type oid (0 for a reference table)
 * @param columns            the table's column names, in order
 * @param shards             a distributed table's shards in shard-index order (hash range order);
 *                           a reference table's single shard
 * @param copies             a reference table's copy on each worker, by node id
 */
record CitusTable(long oid, String schema, String name, boolean reference, int colocationId, String distributionColumn,
                  int distributionType, List<String> columns, List<ShardPlacement> shards,
                  Map<Integer, ShardPlacement> copies) {

    CitusTable {
        columns = List.copyOf(columns);
        shards = List.copyOf(shards);
        copies = Map.copyOf(copies);
    }

    /** Whether rows can be routed by an integer value's hash computed here (int2, int4, int8). */
    boolean integerDistribution() {
        return distributionType == 20 || distributionType == 21 || distributionType == 23;
    }
}
