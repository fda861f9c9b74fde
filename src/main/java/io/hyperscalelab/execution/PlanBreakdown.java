package io.hyperscalelab.execution;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The breakdown of a statement the coordinator's planner ran, from that run's own plan (via
 * auto_explain), mapped to shards and workers by the extension's
 * {@code citus_internal.plan_breakdown()}, the same function {@code citus_breakdown()} uses
 * for psql users: one model, whichever way the statement came.
 */
final class PlanBreakdown {

    private PlanBreakdown() {
    }

    static Breakdown of(CoordinatorSession coordinator, ClusterTarget target, String planJson, String reason,
                        double wallMillis) throws SQLException {
        if (planJson == null) {
            return Breakdown.of(ExecutionPath.COORDINATOR, reason, List.of(), 0, wallMillis);
        }
        WireResult rows = coordinator.internal("SELECT kind, task, shard_name, nodeid, nodename, nodeport, rows, bytes, "
                + "time_ms, worker_query FROM citus_internal.plan_breakdown(" + Sql.literal(planJson) + "::jsonb)");
        List<TaskBreakdown> tasks = new ArrayList<>();
        double coordinatorMillis = 0;
        for (int row = 0; row < rows.tuples().size(); row++) {
            String kind = rows.text(row, 0);
            if (kind.equals("coordinator")) {
                coordinatorMillis = Double.parseDouble(rows.text(row, 8));
            } else if (kind.equals("task")) {
                WorkerNode worker = rows.text(row, 3) == null ? new WorkerNode(0, "unknown", "", 0)
                        : worker(target, Integer.parseInt(rows.text(row, 3)), rows.text(row, 4), Integer.parseInt(rows.text(row, 5)));
                tasks.add(new TaskBreakdown(Integer.parseInt(rows.text(row, 1)), shards(rows.text(row, 2)), worker,
                        rows.text(row, 9), Long.parseLong(rows.text(row, 6)), Long.parseLong(rows.text(row, 7)),
                        Double.parseDouble(rows.text(row, 8))));
            }
        }
        return Breakdown.of(ExecutionPath.COORDINATOR, reason, tasks, coordinatorMillis, wallMillis);
    }

    private static WorkerNode worker(ClusterTarget target, int nodeId, String host, int port) {
        return new WorkerNode(nodeId, target.nodeName(host, port, nodeId), host, port);
    }

    /** "t_102008, u_102040": shard tables are named {@code <table>_<shardid>}, as Citus names them. */
    private static List<ShardRef> shards(String names) {
        List<ShardRef> shards = new ArrayList<>();
        if (names == null) {
            return shards;
        }
        for (String name : names.split(", ")) {
            long id = 0;
            int underscore = name.lastIndexOf('_');
            try {
                id = Long.parseLong(name.substring(underscore + 1));
            } catch (NumberFormatException | IndexOutOfBoundsException e) {
                // not named by the convention: the id stays unknown
            }
            shards.add(new ShardRef(id, name));
        }
        return shards;
    }
}
