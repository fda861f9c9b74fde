package io.hyperscalelab.lab.check;

import io.hyperscalelab.cluster.NodeStatus;
import io.hyperscalelab.cluster.ServerGroupNode;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/** Exercise 1: the learner's server group runs, and its coordinator knows its workers. */
final class ServerGroupReady implements StepCheck {

    private static final LabStep STEP = new LabStep("server-group", "exercise-1", "Server group created",
            "Your server group exists, and its coordinator and workers are Available.");

    @Override
    public LabStep step() {
        return STEP;
    }

    @Override
    public CheckResult check(CheckSession session) throws SQLException {
        Map<ServerGroupNode, NodeStatus> statuses = session.statuses();
        List<String> notAvailable = statuses.entrySet().stream().filter(e -> e.getValue() != NodeStatus.AVAILABLE)
                .map(e -> e.getKey().name() + " is " + e.getValue().label()).toList();
        if (!notAvailable.isEmpty()) {
            return CheckResult.notYet(String.join(", ", notAvailable) + ": wait until the Overview shows every node Available.");
        }
        int workers = session.group().workers().size();
        long registered = Long.parseLong(session.rows(
                "SELECT count(*) FROM pg_catalog.pg_dist_node WHERE isactive AND noderole = 'primary' AND groupid > 0").get(0).get(0));
        if (registered != workers) {
            return CheckResult.notYet("The coordinator knows " + registered + " of the " + workers + " workers.");
        }
        return CheckResult.passed(session.group().name() + ": coordinator and " + workers + " workers Available");
    }
}
