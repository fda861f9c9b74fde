package io.hyperscalelab.shell;

import io.hyperscalelab.cluster.EmbeddedCluster;
import io.hyperscalelab.portal.AzureNames;
import io.hyperscalelab.psql.HostDirectory;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The coordinators' host names, as the portal's connection strings give them, resolved to the
 * loopback port each coordinator really listens on, port 5432: {@code srvNNNNNN.postgres.database.azure.com}
 * for the lab's group {@code postgresNNNNNN}, {@code <group>-c.postgres.database.azure.com} for
 * any other, and {@code c.<group>.postgres.database.azure.com} (the 2021-22 form). A deleted group's name no longer resolves, as in Azure. A loopback address reaches a
 * coordinator's own port and nothing else: no worker, no other service of this machine. A shell
 * reaches only the groups its learner may open: another learner's group resolves as a deleted one
 * does, and its port is closed.
 */
public final class ServerGroupHosts implements HostDirectory {

    static final int PORTAL_PORT = 5432;

    private final EmbeddedCluster cluster;
    private final Predicate<String> reachable;

    /** Every group's coordinator. */
    public ServerGroupHosts(EmbeddedCluster cluster) {
        this(cluster, group -> true);
    }

    /** The coordinators of the groups {@code reachable} names, asked at each lookup. */
    public ServerGroupHosts(EmbeddedCluster cluster, Predicate<String> reachable) {
        this.cluster = cluster;
        this.reachable = reachable;
    }

    @Override
    public Optional<InetSocketAddress> resolve(String host, int port) {
        Optional<String> group = groupOf(host);
        if (group.isEmpty()) {
            boolean coordinatorPort = cluster.groups().stream()
                    .anyMatch(g -> g.coordinator().port() == port && reachable.test(g.name()));
            return coordinatorPort ? HostDirectory.loopbackOnly().resolve(host, port) : Optional.empty();
        }
        return group.filter(reachable).flatMap(cluster::group).map(g -> InetSocketAddress.createUnresolved("127.0.0.1",
                port == PORTAL_PORT ? g.coordinator().port() : 0)).filter(a -> a.getPort() != 0);
    }

    /** The server group a coordinator host name names, if it is one. */
    static Optional<String> groupOf(String host) {
        return AzureNames.groupOfCoordinator(host);
    }
}
