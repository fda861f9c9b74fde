package io.hyperscalelab.shell;

import io.hyperscalelab.cluster.ClusterException;
import io.hyperscalelab.cluster.ServerGroup;
import io.hyperscalelab.cluster.ServerGroups;
import io.hyperscalelab.portal.AzureNames;
import io.hyperscalelab.psql.HostDirectory;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The coordinators' host names, as the portal's connection strings give them, resolved to the
 * address and port each coordinator really listens on (a loopback port of the embedded cluster's,
 * a real Citus coordinator's own host and port), port 5432: {@code srvNNNNNN.postgres.database.azure.com}
 * for the lab's group {@code postgresNNNNNN}, {@code <group>-c.postgres.database.azure.com} for
 * any other, and {@code c.<group>.postgres.database.azure.com} (the 2021-22 form). A deleted group's name no longer resolves, as in Azure. A loopback address reaches a
 * coordinator's own port and nothing else: no worker, no other service of this machine. A shell
 * reaches only the groups its learner may open: another learner's group resolves as a deleted one
 * does, and its port is closed.
 */
public final class ServerGroupHosts implements HostDirectory {

    static final int PORTAL_PORT = 5432;
    private static final Logger log = LoggerFactory.getLogger(ServerGroupHosts.class);

    private final ServerGroups cluster;
    private final Predicate<String> reachable;

    /** Every group's coordinator. */
    public ServerGroupHosts(ServerGroups cluster) {
        this(cluster, group -> true);
    }

    /** The coordinators of the groups {@code reachable} names, asked at each lookup. */
    public ServerGroupHosts(ServerGroups cluster, Predicate<String> reachable) {
        this.cluster = cluster;
        this.reachable = reachable;
    }

    /** Resolving a group's coordinator is psql about to connect: a group stopped for idleness starts first. */
    @Override
    public Optional<InetSocketAddress> resolve(String host, int port) {
        Optional<String> group = groupOf(host);
        if (group.isEmpty()) {
            Optional<ServerGroup> byPort = cluster.groups().stream()
                    .filter(g -> g.coordinator().port() == port && reachable.test(g.name())).findFirst();
            byPort.ifPresent(g -> wake(g.name()));
            return byPort.isPresent() ? HostDirectory.loopbackOnly().resolve(host, port) : Optional.empty();
        }
        Optional<InetSocketAddress> address = group.filter(reachable).flatMap(cluster::group)
                .map(g -> InetSocketAddress.createUnresolved(g.coordinator().host(),
                port == PORTAL_PORT ? g.coordinator().port() : 0)).filter(a -> a.getPort() != 0);
        address.ifPresent(a -> wake(group.get()));
        return address;
    }

    // A group that cannot start is psql's "Connection refused" to come, with the reason logged.
    private void wake(String group) {
        try {
            cluster.wake(group);
        } catch (ClusterException e) {
            log.warn("Server group {} could not start for the Cloud Shell's psql: {}", group, e.getMessage());
        }
    }

    /** The server group a coordinator host name names, if it is one. */
    static Optional<String> groupOf(String host) {
        return AzureNames.groupOfCoordinator(host);
    }
}
