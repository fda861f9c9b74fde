package io.hyperscalelab.cluster;

import java.time.Instant;
import java.util.List;

/**
 * What the portal last found at the configured Citus coordinator: the versions and worker nodes
 * of a usable cluster, or the one problem that keeps it from being used, in words for whoever
 * set the URL.
 *
 * @param endpoint      {@code user@host:port/database}, or the URL as configured (password hidden) when it does not parse
 * @param problem       null when the cluster can be used
 * @param citusVersion  e.g. "12.1-1" (the extension's version), null with a problem
 * @param citusBuild    {@code citus_version()}: "Citus 12.1.5 on x86_64-pc-linux-gnu, ..."
 * @param workers       the active and inactive primary workers in pg_dist_node
 */
public record CitusHealth(String endpoint, Instant checkedAt, String problem, String citusVersion, String citusBuild,
                          String postgresVersion, List<Worker> workers) {

    /** A worker as the coordinator's pg_dist_node lists it. */
    public record Worker(int nodeId, String host, int port, boolean active) {
    }

    public CitusHealth {
        workers = workers == null ? List.of() : List.copyOf(workers);
    }

    public boolean healthy() {
        return problem == null;
    }

    static CitusHealth failed(String endpoint, String problem) {
        return new CitusHealth(endpoint, Instant.now(), problem, null, null, null, List.of());
    }
}
