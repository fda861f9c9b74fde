package io.hyperscalelab.cluster;

/** Which cluster serves the portal's server groups. */
public enum ClusterKind {
    /** Coordinator and workers that this machine runs, with Citus' SQL emulated ({@link EmbeddedCluster}). */
    EMBEDDED("Embedded cluster"),
    /** A Citus cluster reached by its coordinator's URL; nothing is emulated ({@link RealCitusCluster}). */
    REAL_CITUS("Real Citus");

    private final String label;

    ClusterKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
