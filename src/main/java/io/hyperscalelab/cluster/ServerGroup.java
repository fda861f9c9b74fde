package io.hyperscalelab.cluster;

import java.time.Instant;
import java.util.List;

/**
 * A server group as it is stored: what exists, not how it is doing (see {@link NodeStatus}).
 *
 * @param running whether its servers should be running; an app restart starts those that should
 */
public record ServerGroup(String name, List<ServerGroupNode> nodes, String postgresVersion, Instant createdAt,
                          boolean running) {

    public ServerGroup {
        nodes = List.copyOf(nodes);
    }

    public ServerGroupNode coordinator() {
        return nodes.stream().filter(n -> n.role() == NodeRole.COORDINATOR).findFirst().orElseThrow();
    }

    public List<ServerGroupNode> workers() {
        return nodes.stream().filter(n -> n.role() == NodeRole.WORKER).toList();
    }

    ServerGroup withRunning(boolean running) {
        return new ServerGroup(name, nodes, postgresVersion, createdAt, running);
    }
}
