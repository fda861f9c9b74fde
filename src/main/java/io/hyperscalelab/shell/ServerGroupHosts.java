package io.hyperscalelab.shell;

import io.hyperscalelab.cluster.ServerGroups;
import io.hyperscalelab.portal.AzureNames;
import io.hyperscalelab.psql.HostDirectory;
import java.net.InetSocketAddress;
import java.util.Optional;

/**
 * The coordinators' host names, as the portal's connection strings give them, resolved to the
 * address and port each coordinator really listens on (a loopback port of the embedded cluster's,
 * a real Citus coordinator's own host and port), port 5432: {@code srvNNNNNN.postgres.database.azure.com}
 * for the lab's group {@code postgresNNNNNN}, {@code <group>-c.postgres.database.azure.com} for
 * any other, and {@code c.<group>.postgres.database.azure.com} (the 2021-22 form). A deleted group's name no longer resolves, as in Azure. A loopback address reaches a
 * coordinator's own port and nothing else: no worker, no other service of this machine.
 */
public final class ServerGroupHosts implements HostDirectory {

    static final int PORTAL_PORT = 5432;

    private final ServerGroups cluster;

    public ServerGroupHosts(ServerGroups cluster) {
        this.cluster = cluster;
    }

    @Override
    public Optional<InetSocketAddress> resolve(String host, int port) {
        Optional<String> group = groupOf(host);
        if (group.isEmpty()) {
            boolean coordinatorPort = cluster.groups().stream().anyMatch(g -> g.coordinator().port() == port);
            return coordinatorPort ? HostDirectory.loopbackOnly().resolve(host, port) : Optional.empty();
        }
        return group.flatMap(cluster::group).map(g -> InetSocketAddress.createUnresolved(g.coordinator().host(),
                port == PORTAL_PORT ? g.coordinator().port() : 0)).filter(a -> a.getPort() != 0);
    }

    /** The server group a coordinator host name names, if it is one. */
    static Optional<String> groupOf(String host) {
        return AzureNames.groupOfCoordinator(host);
    }
}
