package io.hyperscalelab.load;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a loader needs to know of a hash-distributed table: which CSV field is the distribution
 * column and where each shard lives, in shard-index order.
 *
 * @param keyField 0-based position of the distribution column among the table's columns
 */
record DistributedTable(String name, String keyColumn, int keyField, List<ShardPlacement> shards) {

    /**
     * Reads the coordinator's metadata; empty when the table is not distributed by an integer
     * column, or when the coordinator is no embedded one (real Citus routes a COPY itself).
     */
    static Optional<DistributedTable> read(Connection coordinator, String table) throws SQLException {
        if (!hasShardMap(coordinator)) {
            return Optional.empty();
        }
        String keyColumn;
        int keyField;
        try (PreparedStatement ps = coordinator.prepareStatement("""
                SELECT a.attname,
                       (SELECT count(*) FROM pg_attribute b WHERE b.attrelid = a.attrelid AND b.attnum > 0
                          AND NOT b.attisdropped AND b.attnum < a.attnum)::int
                FROM pg_dist_partition p
                JOIN pg_attribute a ON a.attrelid = p.logicalrelid
                                   AND a.attnum = substring(p.partkey from ':varattno (\\d+)')::int
                WHERE p.logicalrelid = ?::regclass AND p.partmethod = 'h'
                  AND a.atttypid IN ('int2'::regtype, 'int4'::regtype, 'int8'::regtype)""")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                keyColumn = rs.getString(1);
                keyField = rs.getInt(2);
            }
        }
        List<ShardPlacement> shards = new ArrayList<>();
        try (PreparedStatement ps = coordinator.prepareStatement("""
                SELECT s.shardid, n.nodename, n.nodeport, r.schema_name, r.table_name
                FROM pg_dist_shard s
                JOIN pg_dist_placement p ON p.shardid = s.shardid
                JOIN pg_dist_node n ON n.groupid = p.groupid
                JOIN citus_internal.shard_relation r ON r.shardid = s.shardid
                WHERE s.logicalrelid = ?::regclass
                ORDER BY s.shardid""")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    shards.add(new ShardPlacement(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getString(5)));
                }
            }
        }
        return Optional.of(new DistributedTable(table, keyColumn, keyField, List.copyOf(shards)));
    }

    /** The embedded cluster's map of shards to their tables on the workers, which real Citus has not. */
    private static boolean hasShardMap(Connection coordinator) throws SQLException {
        try (PreparedStatement ps = coordinator.prepareStatement("SELECT to_regclass('citus_internal.shard_relation') IS NOT NULL");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() && rs.getBoolean(1);
        }
    }
}
