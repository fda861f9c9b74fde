package io.hyperscalelab.cluster;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * Where and how the embedded cluster runs.
 *
 * @param dataDirectory  holds the unpacked binaries, node templates and every server group
 * @param firstPort      the lowest loopback port a node may listen on
 * @param lastPort       the highest
 * @param serverUid      the unprivileged user the servers run as when the app runs as root
 *                       (PostgreSQL refuses to run as root)
 * @param sharedBuffers  per node; small, because a class runs dozens of groups on one machine
 * @param maxConnections per node; the executor opens one connection per shard
 * @param azureServicesAddress the loopback address the portal's own services connect from (see {@link SourceAddresses})
 * @param cloudShellAddress    the loopback address the portal's Cloud Shell connects from
 */
@ConfigurationProperties("hyperscale.cluster")
public record ClusterProperties(Path dataDirectory, int firstPort, int lastPort, int serverUid,
                                String sharedBuffers, int maxConnections,
                                String azureServicesAddress, String cloudShellAddress) {

    @ConstructorBinding
    public ClusterProperties {
        if (dataDirectory == null) {
            dataDirectory = defaultDataDirectory();
        }
        dataDirectory = dataDirectory.toAbsolutePath().normalize();
        if (firstPort == 0) {
            firstPort = 15432;
        }
        if (lastPort == 0) {
            lastPort = firstPort + 999;
        }
        if (serverUid == 0) {
            serverUid = 65534;
        }
        if (sharedBuffers == null || sharedBuffers.isBlank()) {
            sharedBuffers = "64MB";
        }
        if (maxConnections == 0) {
            maxConnections = 200;
        }
        if (azureServicesAddress == null || azureServicesAddress.isBlank()) {
            azureServicesAddress = SourceAddresses.DEFAULT_AZURE_SERVICES;
        }
        if (cloudShellAddress == null || cloudShellAddress.isBlank()) {
            cloudShellAddress = SourceAddresses.DEFAULT_CLOUD_SHELL;
        }
        new SourceAddresses(azureServicesAddress, cloudShellAddress);
        if (firstPort < 1024 || lastPort > 65535 || lastPort < firstPort) {
            throw new IllegalArgumentException("hyperscale.cluster port range " + firstPort + "-" + lastPort
                    + " must lie within 1024-65535");
        }
    }

    /** The default source addresses. */
    public ClusterProperties(Path dataDirectory, int firstPort, int lastPort, int serverUid, String sharedBuffers,
                             int maxConnections) {
        this(dataDirectory, firstPort, lastPort, serverUid, sharedBuffers, maxConnections, null, null);
    }

    public static ClusterProperties in(Path dataDirectory) {
        return new ClusterProperties(dataDirectory, 0, 0, 0, null, 0);
    }

    public SourceAddresses sourceAddresses() {
        return new SourceAddresses(azureServicesAddress, cloudShellAddress);
    }

    // Root's home is not searchable by the unprivileged server user, so root gets a system path.
    private static Path defaultDataDirectory() {
        if (ServerUser.currentUid() == 0) {
            return Path.of("/var/lib/hyperscale-lab");
        }
        return Path.of(System.getProperty("user.home"), ".local", "share", "hyperscale-lab");
    }
}
