package io.hyperscalelab.execution;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The coordinator's Citus metadata as one session plans with it: which tables are distributed
 * or reference tables, their shards and the workers holding them.
 *
 * <p>It is read once and kept, and checked on every distributed statement in the same round
 * trip that resolves the statement's table names: a stamp of pg_dist_partition, pg_dist_shard,
 * pg_dist_placement, pg_dist_node and the distributed tables' columns (row counts and the sum
 * of their xmins, which any insert, update or delete changes) tells whether anything moved
 * since, whichever session moved it. Names are resolved by the coordinator itself, in the
 * learner's session, so search_path and temporary tables count exactly as they do in
 * PostgreSQL.
 */
final class ClusterCatalog {

    private static final String STAMP = """
            concat_ws('/',
              (SELECT count(*) || '.' || coalesce(sum(xmin::text::bigint), 0) FROM pg_catalog.pg_dist_partition),
              (SELECT count(*) || '.' || coalesce(sum(xmin::text::bigint), 0) FROM pg_catalog.pg_dist_shard),
              (SELECT count(*) || '.' || coalesce(sum(xmin::text::bigint), 0) FROM pg_catalog.pg_dist_placement),
              (SELECT count(*) || '.' || coalesce(sum(xmin::text::bigint), 0) FROM pg_catalog.pg_dist_node),
              (SELECT count(*) || '.' || coalesce(sum(a.xmin::text::bigint), 0) FROM pg_catalog.pg_attribute a
                WHERE a.attrelid = ANY (ARRAY(SELECT logicalrelid::oid FROM pg_catalog.pg_dist_partition))))""";

    /** Prepared once per session: planning it each time would cost more than running it. */
    private static final String RESOLVE = "citus_executor_resolve";

    /** A name in the statement, as the coordinator resolved it. */
    record Resolved(String name, long oid, boolean readable, CitusTable table) {
        boolean exists() {
            return oid != 0;
        }
    }

    private final ClusterTarget target;
    private String stamp;
    private Map<Long, CitusTable> tables = Map.of();
    private Set<String> aggregates;

    ClusterCatalog(ClusterTarget target) {
        this.target = target;
    }

    /** Resolves each name as the session would, refreshing the metadata first if it changed. */
    List<Resolved> resolve(Connection coordinator, List<String> names) throws SQLException {
        WireResult result;
        try {
            result = Wire.run(coordinator, "EXECUTE " + RESOLVE + "(" + Sql.textArray(names) + ")");
        } catch (SQLException e) {
            if (!"26000".equals(e.getSQLState())) {
                throw e;
            }
            // not prepared yet in this session, or the learner deallocated it
            Wire.run(coordinator, "PREPARE " + RESOLVE + "(text[]) AS SELECT " + STAMP + ", n.i, coalesce(c.oid, 0), "
                    + "coalesce(has_table_privilege(c.oid, 'SELECT'), false) AND NOT coalesce(c.relrowsecurity, false) "
                    + "FROM unnest($1) WITH ORDINALITY AS n(name, i) "
                    + "LEFT JOIN pg_catalog.pg_class c ON c.oid = to_regclass(n.name) ORDER BY n.i");
            result = Wire.run(coordinator, "EXECUTE " + RESOLVE + "(" + Sql.textArray(names) + ")");
        }
        String current = result.text(0, 0);
        if (!current.equals(stamp)) {
            tables = load(coordinator);
            stamp = current;
        }
        List<Resolved> resolved = new ArrayList<>();
        for (int row = 0; row < result.tuples().size(); row++) {
            long oid = Long.parseLong(result.text(row, 2));
            resolved.add(new Resolved(names.get(row), oid, "t".equals(result.text(row, 3)), tables.get(oid)));
        }
        return resolved;
    }

    /** Every aggregate function's name, so that no aggregate is mistaken for a plain function. */
    Set<String> aggregates(Connection coordinator) throws SQLException {
        if (aggregates == null) {
            WireResult result = Wire.run(coordinator, "SELECT DISTINCT proname FROM pg_catalog.pg_proc WHERE prokind = 'a'");
            Set<String> names = new HashSet<>();
            for (int row = 0; row < result.tuples().size(); row++) {
                names.add(result.text(row, 0));
            }
            aggregates = Set.copyOf(names);
        }
        return aggregates;
    }

    /** Forgets the metadata, for a statement that failed in a way stale metadata explains. */
    void invalidate() {
        stamp = null;
    }

    private Map<Long, CitusTable> load(Connection coordinator) throws SQLException {
        Map<Integer, WorkerNode> nodes = new HashMap<>();
        WireResult nodeRows = Wire.run(coordinator, "SELECT nodeid, nodename, nodeport FROM pg_catalog.pg_dist_node");
        for (int row = 0; row < nodeRows.tuples().size(); row++) {
            int id = Integer.parseInt(nodeRows.text(row, 0));
            String host = nodeRows.text(row, 1);
            int port = Integer.parseInt(nodeRows.text(row, 2));
            nodes.put(id, new WorkerNode(id, target.nodeName(host, port, id), host, port));
        }
        Map<Long, List<String>> columns = new HashMap<>();
        WireResult columnRows = Wire.run(coordinator, """
                SELECT a.attrelid::bigint, a.attname FROM pg_catalog.pg_attribute a
                WHERE a.attrelid = ANY (ARRAY(SELECT logicalrelid::oid FROM pg_catalog.pg_dist_partition))
                  AND a.attnum > 0 AND NOT a.attisdropped
                ORDER BY a.attrelid, a.attnum""");
        for (int row = 0; row < columnRows.tuples().size(); row++) {
            columns.computeIfAbsent(Long.parseLong(columnRows.text(row, 0)), k -> new ArrayList<>()).add(columnRows.text(row, 1));
        }
        Map<Long, List<ShardPlacement>> shards = new HashMap<>();
        Map<Long, Map<Integer, ShardPlacement>> copies = new HashMap<>();
        WireResult shardRows = Wire.run(coordinator, """
                SELECT s.logicalrelid::oid::bigint, s.shardid, r.schema_name, r.table_name, nd.nodeid
                FROM pg_catalog.pg_dist_shard s
                JOIN pg_catalog.pg_dist_placement pl ON pl.shardid = s.shardid
                JOIN pg_catalog.pg_dist_node nd ON nd.groupid = pl.groupid
                JOIN citus_internal.shard_relation r ON r.shardid = s.shardid
                ORDER BY 1, s.shardid, nd.nodeid""");
        for (int row = 0; row < shardRows.tuples().size(); row++) {
            long table = Long.parseLong(shardRows.text(row, 0));
            long shardId = Long.parseLong(shardRows.text(row, 1));
            WorkerNode node = nodes.get(Integer.parseInt(shardRows.text(row, 4)));
            ShardPlacement placement = new ShardPlacement(shardId, shardRows.text(row, 2), shardRows.text(row, 3), node);
            copies.computeIfAbsent(table, k -> new LinkedHashMap<>()).put(node.nodeId(), placement);
            List<ShardPlacement> list = shards.computeIfAbsent(table, k -> new ArrayList<>());
            if (list.isEmpty() || list.get(list.size() - 1).shardId() != shardId) {
                list.add(placement);
            }
        }
        Map<Long, CitusTable> loaded = new HashMap<>();
        WireResult tableRows = Wire.run(coordinator, """
                SELECT p.logicalrelid::oid::bigint, n.nspname, c.relname, p.partmethod, p.colocationid, a.attname, coalesce(a.atttypid, 0)
                FROM pg_catalog.pg_dist_partition p
                JOIN pg_catalog.pg_class c ON c.oid = p.logicalrelid
                JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = p.logicalrelid
                     AND a.attnum = substring(p.partkey from ':varattno (\\d+)')::int""");
        for (int row = 0; row < tableRows.tuples().size(); row++) {
            long oid = Long.parseLong(tableRows.text(row, 0));
            boolean reference = !"h".equals(tableRows.text(row, 3));
            loaded.put(oid, new CitusTable(oid, tableRows.text(row, 1), tableRows.text(row, 2), reference,
                    Integer.parseInt(tableRows.text(row, 4)), reference ? null : tableRows.text(row, 5),
                    Integer.parseInt(tableRows.text(row, 6)), columns.getOrDefault(oid, List.of()),
                    shards.getOrDefault(oid, List.of()), reference ? copies.getOrDefault(oid, Map.of()) : Map.of()));
        }
        return Map.copyOf(loaded);
    }
}
