package io.hyperscalelab.classroom;

import io.hyperscalelab.cluster.NodeStatus;
import io.hyperscalelab.cluster.ServerGroupNode;
import java.util.Collection;
import java.util.Map;

/**
 * A learner's server group as the dashboard shows it: its name, one status for the whole group
 * (the least ready node's) and its node count.
 */
public record GroupState(String name, String status, int nodes) {

    /** The status of a group the cluster does not know (yet): its deployment has not created it. */
    static final String NOT_CREATED = "Not created";

    static GroupState of(String name, Map<ServerGroupNode, NodeStatus> statuses) {
        return new GroupState(name, overall(statuses.values()), statuses.size());
    }

    static GroupState absent(String name) {
        return new GroupState(name, NOT_CREATED, 0);
    }

    /** "postgres131057: Available, 3 nodes", as the dashboard lists it. */
    public String describe() {
        return name + ": " + status + (nodes == 0 ? "" : ", " + nodes + (nodes == 1 ? " node" : " nodes"));
    }

    public boolean available() {
        return NodeStatus.AVAILABLE.label().equals(status);
    }

    private static String overall(Collection<NodeStatus> statuses) {
        for (NodeStatus worst : new NodeStatus[] {NodeStatus.DROPPING, NodeStatus.NEED_ATTENTION, NodeStatus.PROVISIONING,
                NodeStatus.DISABLED}) {
            if (statuses.contains(worst)) {
                return worst.label();
            }
        }
        return statuses.isEmpty() ? NOT_CREATED : NodeStatus.AVAILABLE.label();
    }
}
