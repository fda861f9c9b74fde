package io.hyperscalelab.shell;

import io.hyperscalelab.cluster.EmbeddedCluster;
import io.hyperscalelab.psql.HostDirectory;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The coordinators' host names, as the portal's connection strings give them, resolved to the
 * loopback port each coordinator really listens on: {@code c.<group>.postgres.database.azure.com}
 * (the 2021-22 form) and {@code <group>-c.postgres.database.azure.com} (the older one), port
 * 5432. A deleted group's name no longer resolves, as in Azure. A loopback address reaches a
 * coordinator's own port and nothing else: no worker, no other service of this machine.
 */
public final class ServerGroupHosts implements HostDirectory {

    static final int PORTAL_PORT = 5432;
    private static final Pattern COORDINATOR = Pattern.compile(
            "(?:c\\.([a-z0-9-]+)|([a-z0-9-]+)-c)\\.postgres\\.database\\.azure\\.com");

    private final EmbeddedCluster cluster;

    public ServerGroupHosts(EmbeddedCluster cluster) {
        this.cluster = cluster;
    }

    @Override
    public Optional<InetSocketAddress> resolve(String host, int port) {
        Matcher m = COORDINATOR.matcher(host.toLowerCase(java.util.Locale.ROOT));
        if (!m.matches()) {
            boolean coordinatorPort = cluster.groups().stream().anyMatch(g -> g.coordinator().port() == port);
            return coordinatorPort ? HostDirectory.loopbackOnly().resolve(host, port) : Optional.empty();
        }
        String group = m.group(1) != null ? m.group(1) : m.group(2);
        return cluster.group(group).map(g -> InetSocketAddress.createUnresolved("127.0.0.1",
                port == PORTAL_PORT ? g.coordinator().port() : 0)).filter(a -> a.getPort() != 0);
    }
}
