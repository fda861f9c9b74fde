package io.hyperscalelab.lab.check;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How Citus' catalog says a lab table is spread: its kind (hash-distributed or reference), its
 * distribution column, its co-location group, and its shards per worker (by the worker's port).
 * The same catalog tables on a real Citus coordinator.
 */
record TableDistribution(String table, boolean hashDistributed, String column, long colocationId,
                         Map<Integer, Integer> shardsByWorkerPort) {

    int shards() {
        return shardsByWorkerPort.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** The lab's tables that Citus knows, by name. */
    static Map<String, TableDistribution> of(CheckSession session) throws SQLException {
        Map<String, TableDistribution> tables = new LinkedHashMap<>();
        for (List<String> row : session.rows("""
                SELECT c.relname, p.partmethod,
                       CASE WHEN p.partmethod = 'h' THEN pg_catalog.column_to_column_name(p.logicalrelid, p.partkey) END,
                       p.colocationid, dn.nodeport, count(s.shardid)
                FROM pg_catalog.pg_dist_partition p
                JOIN pg_catalog.pg_class c ON c.oid = p.logicalrelid
                JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                LEFT JOIN pg_catalog.pg_dist_shard s ON s.logicalrelid = p.logicalrelid
                LEFT JOIN pg_catalog.pg_dist_placement pl ON pl.shardid = s.shardid
                LEFT JOIN pg_catalog.pg_dist_node dn ON dn.groupid = pl.groupid
                WHERE n.nspname = 'public' AND c.relname = ANY (?)
                GROUP BY 1, 2, 3, 4, 5
                ORDER BY 1, 5""", (Object) LabTables.NAMES.toArray(String[]::new))) {
            TableDistribution table = tables.computeIfAbsent(row.get(0), name -> new TableDistribution(name,
                    "h".equals(row.get(1)), row.get(2), Long.parseLong(row.get(3)), new LinkedHashMap<>()));
            if (row.get(4) != null) {
                table.shardsByWorkerPort().put(Integer.parseInt(row.get(4)), Integer.parseInt(row.get(5)));
            }
        }
        return tables;
    }
}
