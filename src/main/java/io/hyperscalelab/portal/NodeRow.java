package io.hyperscalelab.portal;

import io.hyperscalelab.cluster.ClusterException;
import io.hyperscalelab.cluster.NodeRole;
import io.hyperscalelab.cluster.NodeStatus;
import io.hyperscalelab.cluster.ServerGroupNode;
import io.hyperscalelab.cluster.ServerGroups;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One line of the "Server group nodes" grid (and of the deployment's details): a node under its
 * Azure name, with its live status.
 */
public record NodeRow(String name, NodeRole role, NodeStatus status, boolean highAvailability) {

    public String type() {
        return role == NodeRole.COORDINATOR ? "Coordinator" : "Worker";
    }

    public String fqdn() {
        return AzureNames.fqdn(name);
    }

    /**
     * The group's nodes and their statuses as the cluster reports them now, sorted by name as the
     * portal lists them; empty when the cluster does not know the group (yet, or any more).
     */
    public static List<NodeRow> of(ServerGroups cluster, String group, boolean highAvailability) {
        Map<ServerGroupNode, NodeStatus> statuses;
        try {
            statuses = cluster.status(group);
        } catch (ClusterException e) {
            return List.of();
        }
        List<NodeRow> rows = new ArrayList<>();
        statuses.forEach((node, status) ->
                rows.add(new NodeRow(AzureNames.node(group, node), node.role(), status, highAvailability)));
        rows.sort(Comparator.comparing(NodeRow::name));
        return rows;
    }

    /**
     * The group's status in one word, as the server group list and the Overview's essentials show
     * it: its coordinator's, which is what connections reach; empty when the cluster does not
     * know the group.
     */
    public static Optional<NodeStatus> groupStatus(ServerGroups cluster, String group) {
        try {
            return cluster.status(group).entrySet().stream().filter(e -> e.getKey().role() == NodeRole.COORDINATOR)
                    .map(Map.Entry::getValue).findFirst();
        } catch (ClusterException e) {
            return Optional.empty();
        }
    }

    /** The nodes a deployment will create, before the cluster has reserved them. */
    public static List<NodeRow> planned(String group, int workers, boolean highAvailability) {
        List<NodeRow> rows = new ArrayList<>();
        rows.add(new NodeRow(AzureNames.coordinator(group), NodeRole.COORDINATOR, NodeStatus.PROVISIONING, highAvailability));
        for (int i = 0; i < workers; i++) {
            rows.add(new NodeRow(AzureNames.worker(group, i), NodeRole.WORKER, NodeStatus.PROVISIONING, highAvailability));
        }
        rows.sort(Comparator.comparing(NodeRow::name));
        return rows;
    }
}
