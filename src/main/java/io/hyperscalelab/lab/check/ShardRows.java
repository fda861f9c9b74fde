package io.hyperscalelab.lab.check;

import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows each worker holds of the lab's distributed tables, counted shard by shard on the
 * workers with Citus' own {@code run_command_on_shards}, as a Citus user would.
 */
final class ShardRows {

    private ShardRows() {
    }

    /** Rows per worker port; a worker whose shards could not all be counted is left out. */
    static Map<Integer, Long> byWorkerPort(CheckSession session, Collection<String> tables) throws SQLException {
        Map<Integer, Long> rows = new HashMap<>();
        Map<Integer, Boolean> failed = new HashMap<>();
        for (String table : tables) {
            for (List<String> row : session.rows("""
                    SELECT dn.nodeport, r.success, r.result
                    FROM pg_catalog.run_command_on_shards(?::regclass, 'SELECT count(*) FROM %s') r
                    JOIN pg_catalog.pg_dist_placement pl ON pl.shardid = r.shardid
                    JOIN pg_catalog.pg_dist_node dn ON dn.groupid = pl.groupid""", "public." + table)) {
                int port = Integer.parseInt(row.get(0));
                if ("t".equals(row.get(1))) {
                    rows.merge(port, Long.parseLong(row.get(2)), Long::sum);
                } else {
                    failed.put(port, true);
                }
            }
        }
        failed.keySet().forEach(rows::remove);
        return rows;
    }
}
