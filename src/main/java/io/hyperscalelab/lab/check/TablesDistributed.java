package io.hyperscalelab.lab.check;

import java.sql.SQLException;
import java.util.Map;

/**
 * Exercise 3: both tables are hash-distributed by user_id into 32 shards, co-located, with shards
 * on every worker.
 */
final class TablesDistributed implements StepCheck {

    private static final LabStep STEP = new LabStep("distributed", "exercise-3", "Tables distributed",
            "github_events and github_users are distributed by user_id, 32 shards each, co-located, on every worker.");

    @Override
    public LabStep step() {
        return STEP;
    }

    @Override
    public CheckResult check(CheckSession session) throws SQLException {
        Map<String, TableDistribution> tables = TableDistribution.of(session);
        int workers = session.group().workers().size();
        for (String name : LabTables.NAMES) {
            TableDistribution table = tables.get(name);
            if (table == null) {
                return CheckResult.notYet(name + " is not distributed yet: run SELECT create_distributed_table('" + name
                        + "', 'user_id');");
            }
            if (!table.hashDistributed()) {
                return CheckResult.notYet(name + " is a reference table; the lab distributes it by user_id.");
            }
            if (!LabTables.DISTRIBUTION_COLUMN.equals(table.column())) {
                return CheckResult.notYet(name + " is distributed by " + table.column() + ", not user_id: "
                        + "run SELECT undistribute_table('" + name + "'); and distribute it again.");
            }
            if (table.shards() != LabTables.SHARD_COUNT) {
                return CheckResult.notYet(name + " has " + table.shards() + " shards; the lab uses " + LabTables.SHARD_COUNT
                        + " (the default shard count).");
            }
            if (table.shardsByWorkerPort().size() != workers) {
                return CheckResult.notYet(name + "'s shards are on " + table.shardsByWorkerPort().size() + " of the "
                        + workers + " workers.");
            }
        }
        if (tables.get(LabTables.EVENTS).colocationId() != tables.get(LabTables.USERS).colocationId()) {
            return CheckResult.notYet("github_events and github_users are not co-located.");
        }
        return CheckResult.passed("github_events and github_users: distributed by user_id, " + LabTables.SHARD_COUNT
                + " shards each on " + workers + " workers, co-located");
    }
}
