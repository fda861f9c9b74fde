package io.hyperscalelab.portal;

import io.hyperscalelab.cluster.ServerGroups;
import java.util.List;
import java.util.Optional;

/**
 * What the Configure server group pane chooses: tier, worker count and the size of each node.
 * The embedded cluster runs the chosen number of workers; vCores and storage are what the
 * portal shows and prices, as on Azure.
 */
public record ComputeConfiguration(ComputeTier tier, int workerCount, int workerVCores, int workerStorageGiB,
                                   int coordinatorVCores, int coordinatorStorageGiB, boolean highAvailability) {

    /** Standard tier's memory per vCore: workers 8 GiB, the coordinator 4 GiB; Basic's node 4 GiB. */
    private static final int WORKER_GIB_PER_VCORE = 8;
    private static final int COORDINATOR_GIB_PER_VCORE = 4;
    /** The one exception in Azure's RAM table: 64-vCore nodes have less than 8 or 4 GiB per vCore. */
    private static final int WORKER_RAM_AT_64_VCORES = 432;
    private static final int COORDINATOR_RAM_AT_64_VCORES = 256;
    private static final int IOPS_PER_GIB = 3;

    /** What the pane shows before the learner touches it: the lab says to leave it unchanged. */
    public static ComputeConfiguration labDefault() {
        return new ComputeConfiguration(ComputeTier.STANDARD, ServerGroups.MIN_WORKERS, 4, 512, 4, 512, false);
    }

    /** The same choices in another tier, each size moved to the nearest one that tier offers. */
    public ComputeConfiguration inTier(ComputeTier newTier) {
        return new ComputeConfiguration(newTier, workerCount, nearest(newTier.vCores(), workerVCores),
                nearest(newTier.storageGiB(), workerStorageGiB), nearest(newTier.vCores(), coordinatorVCores),
                nearest(newTier.storageGiB(), coordinatorStorageGiB), highAvailability);
    }

    /** Why the embedded cluster cannot run this configuration, or empty when it can. */
    public Optional<String> problem() {
        if (tier == ComputeTier.BASIC) {
            return Optional.of("Basic tier is not available in this lab: its single node has no workers to "
                    + "distribute tables to. Choose Standard tier in Configure server group.");
        }
        if (workerCount < ServerGroups.MIN_WORKERS || workerCount > ServerGroups.MAX_WORKERS) {
            return Optional.of("A server group has " + ServerGroups.MIN_WORKERS + " to " + ServerGroups.MAX_WORKERS
                    + " worker nodes.");
        }
        if (!tier.vCores().contains(workerVCores) || !tier.vCores().contains(coordinatorVCores)
                || !tier.storageGiB().contains(workerStorageGiB) || !tier.storageGiB().contains(coordinatorStorageGiB)) {
            return Optional.of("Choose vCores and storage that the " + tier.label() + " tier offers.");
        }
        return Optional.empty();
    }

    /** Basic tier runs one node that is coordinator and worker at once. */
    public int nodeCount() {
        return tier == ComputeTier.BASIC ? 1 : workerCount + 1;
    }

    public int workerRamGiB() {
        if (tier == ComputeTier.BASIC) {
            return workerVCores * COORDINATOR_GIB_PER_VCORE;
        }
        return workerVCores == 64 ? WORKER_RAM_AT_64_VCORES : workerVCores * WORKER_GIB_PER_VCORE;
    }

    public int coordinatorRamGiB() {
        return coordinatorVCores == 64 ? COORDINATOR_RAM_AT_64_VCORES : coordinatorVCores * COORDINATOR_GIB_PER_VCORE;
    }

    /** The first line of the Basics tab's Compute + storage summary: "Standard tier, 2 worker nodes". */
    public String headline() {
        if (tier == ComputeTier.BASIC) {
            return "Basic tier, 1 node";
        }
        return tier.label() + " tier, " + workerCount + " worker nodes";
    }

    /** The second line: "4 vCores per node, 64 GiB total RAM" (the workers' RAM, as the portal counts it). */
    public String sizeLine() {
        return workerVCores + " vCores per node, " + workerCount * workerRamGiB() + " GiB total RAM";
    }

    /** Review + create's "4 vCores (32 GiB RAM), 0.5 TiB General Purpose storage, up to 3 IOPS / GiB". */
    public String workerDetails() {
        return nodeDetails(workerVCores, workerRamGiB(), workerStorageGiB);
    }

    public String coordinatorDetails() {
        return nodeDetails(coordinatorVCores, coordinatorRamGiB(), coordinatorStorageGiB);
    }

    /** The Overview's "4 vCores / 16 GiB RAM, 0.5 TiB storage". */
    public String coordinatorEssentials() {
        return coordinatorVCores + " vCores / " + coordinatorRamGiB() + " GiB RAM, " + storage(coordinatorStorageGiB) + " storage";
    }

    /** The Overview's "2 nodes, 4 vCores / 32 GiB RAM, 0.5 TiB storage". */
    public String workerEssentials() {
        return workerCount + " nodes, " + workerVCores + " vCores / " + workerRamGiB() + " GiB RAM, "
                + storage(workerStorageGiB) + " storage";
    }

    /** 512 GiB and its multiples in TiB as the portal writes them ("0.5 TiB", "2 TiB"), smaller sizes in GiB. */
    public static String storage(int gib) {
        if (gib < 512 || gib % 512 != 0) {
            return gib + " GiB";
        }
        return gib == 512 ? "0.5 TiB" : gib / 1024 + (gib % 1024 == 0 ? "" : ".5") + " TiB";
    }

    public static int iopsPerGib() {
        return IOPS_PER_GIB;
    }

    private static String nodeDetails(int vCores, int ramGiB, int storageGiB) {
        return vCores + " vCores (" + ramGiB + " GiB RAM), " + storage(storageGiB)
                + " General Purpose storage, up to " + IOPS_PER_GIB + " IOPS / GiB";
    }

    private static int nearest(List<Integer> allowed, int value) {
        int best = allowed.get(0);
        for (int candidate : allowed) {
            if (Math.abs(candidate - value) < Math.abs(best - value)) {
                best = candidate;
            }
        }
        return best;
    }
}
