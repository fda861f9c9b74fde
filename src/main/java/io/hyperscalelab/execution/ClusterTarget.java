package io.hyperscalelab.execution;

import io.hyperscalelab.cluster.ClusterKind;
import io.hyperscalelab.cluster.LearnerCredentials;
import io.hyperscalelab.cluster.LearnerEndpoint;
import io.hyperscalelab.cluster.ServerGroup;
import io.hyperscalelab.cluster.ServerGroupNode;
import io.hyperscalelab.cluster.ServerGroups;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a learner's statements go: the coordinator database and the role to use there (the
 * workers are read from its pg_dist_node and reached as the same role, which exists with the
 * same password on every node of a group).
 *
 * @param nodeNames       the portal's names of nodes by {@code host:port}; others are called {@code node <id>}
 * @param applicationName shown in pg_stat_activity for the learner's coordinator session
 * @param citus           whether Citus itself distributes the statements (a real Citus cluster):
 *                        then they go to the coordinator as they are
 */
public record ClusterTarget(String host, int port, String database, String user, String password,
                            Map<String, String> nodeNames, String applicationName, boolean citus) {

    public ClusterTarget {
        nodeNames = Map.copyOf(nodeNames);
    }

    /** A target the portal's executor distributes for (the embedded cluster's emulation). */
    public ClusterTarget(String host, int port, String database, String user, String password,
                         Map<String, String> nodeNames, String applicationName) {
        this(host, port, database, user, password, nodeNames, applicationName, false);
    }

    /** The learner's role on a server group's coordinator, with the portal's node names. */
    public static ClusterTarget forGroup(ServerGroups cluster, String groupName, LearnerCredentials learner) {
        ServerGroup group = cluster.group(groupName)
                .orElseThrow(() -> new IllegalArgumentException("There is no server group named " + groupName + "."));
        Map<String, String> names = new LinkedHashMap<>();
        for (ServerGroupNode node : group.nodes()) {
            names.put(node.host() + ":" + node.port(), node.name());
        }
        LearnerEndpoint endpoint = cluster.learnerEndpoint(groupName);
        return new ClusterTarget(endpoint.host(), endpoint.port(), endpoint.database(), learner.username(),
                learner.password(), names, "hyperscale-lab",
                cluster.kind() == ClusterKind.REAL_CITUS);
    }

    String jdbcUrl(String nodeHost, int nodePort) {
        return "jdbc:postgresql://" + nodeHost + ":" + nodePort + "/" + database;
    }

    String nodeName(String nodeHost, int nodePort, int nodeId) {
        return nodeNames.getOrDefault(nodeHost + ":" + nodePort, "node " + nodeId);
    }
}
