package io.hyperscalelab.cluster;

import java.time.Instant;
import java.util.List;

/**
 * A server group as it is stored: what exists, not how it is doing (see {@link NodeStatus}).
 *
 * @param postgresVersion the version of the PostgreSQL binaries it was created with, e.g. "17.11.0";
 *                        it runs the binaries the product ships for that major version
 * @param running         whether its servers should be running; an app restart starts those that should
 * @param firewall        who may connect to its coordinator
 */
public record ServerGroup(String name, List<ServerGroupNode> nodes, String postgresVersion, Instant createdAt,
                          boolean running, Firewall firewall) {

    /** The learner's admin role on every group; Azure's form shows it greyed out. */
    public static final String ADMIN_USERNAME = "citus";
    /** The one database of every group, as on Azure. */
    public static final String DATABASE = "citus";

    public ServerGroup {
        nodes = List.copyOf(nodes);
    }

    public ServerGroupNode coordinator() {
        return nodes.stream().filter(n -> n.role() == NodeRole.COORDINATOR).findFirst().orElseThrow();
    }

    public List<ServerGroupNode> workers() {
        return nodes.stream().filter(n -> n.role() == NodeRole.WORKER).toList();
    }

    /** The PostgreSQL major version it runs, e.g. 17: what the portal shows as "PostgreSQL version". */
    public int postgresMajorVersion() {
        return PostgresBinaries.majorVersionOf(postgresVersion);
    }

    ServerGroup withRunning(boolean running) {
        return new ServerGroup(name, nodes, postgresVersion, createdAt, running, firewall);
    }

    ServerGroup withNodes(List<ServerGroupNode> nodes) {
        return new ServerGroup(name, nodes, postgresVersion, createdAt, running, firewall);
    }

    ServerGroup withFirewall(Firewall firewall) {
        return new ServerGroup(name, nodes, postgresVersion, createdAt, running, firewall);
    }
}
