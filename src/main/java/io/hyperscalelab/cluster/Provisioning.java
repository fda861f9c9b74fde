package io.hyperscalelab.cluster;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A server group while it is being created: its nodes (a node whose port another process took
 * moves to another one), every port it holds, and which nodes are already Available, so that the
 * deployment page follows each node rather than the group as a whole.
 *
 * <p>A worker is Available once its server runs and has its passwords. The coordinator stays
 * Provisioning here: it turns Available when the workers are registered with it and the group is
 * stored, i.e. when the group's creation is over, so that a group whose nodes are all Available
 * can always be found by name.
 */
final class Provisioning {

    private ServerGroup group;
    private final Set<Integer> ports = new HashSet<>();
    private final Set<String> available = new HashSet<>();

    Provisioning(ServerGroup group) {
        this.group = group;
        group.nodes().forEach(n -> ports.add(n.port()));
    }

    synchronized ServerGroup group() {
        return group;
    }

    /** Every port this creation has held, including ports it gave up because another process took them. */
    synchronized Set<Integer> ports() {
        return Set.copyOf(ports);
    }

    /** The node on its new port, the old one being taken by another process. */
    synchronized ServerGroupNode move(ServerGroupNode node, int port) {
        ServerGroupNode moved = new ServerGroupNode(node.name(), node.role(), port);
        ports.add(port);
        group = group.withNodes(group.nodes().stream().map(n -> n.name().equals(node.name()) ? moved : n).toList());
        return moved;
    }

    /** A worker that runs and has its passwords. */
    synchronized void workerReady(ServerGroupNode worker) {
        if (worker.role() != NodeRole.WORKER) {
            throw new IllegalArgumentException(worker.name() + " is not a worker: the coordinator is ready when its group is");
        }
        available.add(worker.name());
    }

    /** Each node's status, in the order coordinator, w0, w1, ... */
    synchronized Map<ServerGroupNode, NodeStatus> statuses() {
        Map<ServerGroupNode, NodeStatus> result = new LinkedHashMap<>();
        for (ServerGroupNode node : group.nodes()) {
            result.put(node, available.contains(node.name()) ? NodeStatus.AVAILABLE : NodeStatus.PROVISIONING);
        }
        return result;
    }
}
