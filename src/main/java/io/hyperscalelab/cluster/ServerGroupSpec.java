package io.hyperscalelab.cluster;

/**
 * What the portal's create form asks for: everything {@link EmbeddedCluster#create(ServerGroupSpec)}
 * needs to provision a server group.
 *
 * @param postgresVersion the PostgreSQL major version the group runs, one of
 *                        {@link EmbeddedCluster#availablePostgresVersions()}
 * @param firewall        the initial firewall rules and the "Allow Azure services" switch
 *                        (the Networking tab); {@link Firewall#NO_ACCESS} is Azure's default
 */
public record ServerGroupSpec(String name, int workerCount, String adminPassword, int postgresVersion, Firewall firewall) {

    public ServerGroupSpec {
        if (firewall == null) {
            throw new ClusterException("The firewall must be given: Firewall.NO_ACCESS for none.");
        }
    }

    // a spec is logged and shown in errors; the password must not travel with it
    @Override
    public String toString() {
        return "ServerGroupSpec[name=" + name + ", workerCount=" + workerCount + ", postgresVersion=" + postgresVersion
                + ", firewall=" + firewall + "]";
    }
}
