package io.hyperscalelab.portal;

import java.util.List;

/**
 * The two tiers of the Configure server group pane, with the sizes each offers (Microsoft's
 * "Hyperscale (Citus) configuration options", 01/2022).
 */
public enum ComputeTier {
    BASIC("Basic", "Basic (2 to 8 vCores, up to 32 GiB memory), coordinator and worker node unified",
            "Best for starting out, or dev/test", List.of(2, 4, 8), List.of(128, 256, 512)),
    STANDARD("Standard", "Standard (8 to 1000+ vCores, up to 8+ TiB memory), worker nodes and dedicated coordinator",
            "Best for performance and scale", List.of(4, 8, 16, 32, 64), List.of(512, 1024, 2048));

    private final String label;
    private final String description;
    private final String bestFor;
    private final List<Integer> vCores;
    private final List<Integer> storageGiB;

    ComputeTier(String label, String description, String bestFor, List<Integer> vCores, List<Integer> storageGiB) {
        this.label = label;
        this.description = description;
        this.bestFor = bestFor;
        this.vCores = vCores;
        this.storageGiB = storageGiB;
    }

    public String label() {
        return label;
    }

    public String description() {
        return description;
    }

    public String bestFor() {
        return bestFor;
    }

    /** The vCores a node of this tier may have, smallest first. */
    public List<Integer> vCores() {
        return vCores;
    }

    /** The storage sizes a node of this tier may have, in GiB, smallest first. */
    public List<Integer> storageGiB() {
        return storageGiB;
    }
}
