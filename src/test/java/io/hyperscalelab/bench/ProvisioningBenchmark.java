package io.hyperscalelab.bench;

import io.hyperscalelab.cluster.ClusterProperties;
import io.hyperscalelab.cluster.EmbeddedCluster;
import io.hyperscalelab.cluster.NodeStatus;
import io.hyperscalelab.cluster.PlainPostgres;
import io.hyperscalelab.cluster.ServerGroup;
import io.hyperscalelab.cluster.ServerGroupNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Create-to-Available time of a server group (coordinator + 2 workers) and memory per node,
 * against a baseline measured in the same run: one plain PostgreSQL, initdb plus start.
 * Run with bench/provision.sh; results go to standard output.
 */
public final class ProvisioningBenchmark {

    private ProvisioningBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        Path dir = Files.createTempDirectory(Path.of(args.length > 1 ? args[1] : "target").toAbsolutePath(), "bench-");
        Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));

        long t0 = System.nanoTime();
        ClusterProperties properties = ClusterProperties.in(dir);
        try (EmbeddedCluster cluster = new EmbeddedCluster(properties)) {
            double unpackMs = millisSince(t0);
            t0 = System.nanoTime();
            cluster.prepare();
            double templatesMs = millisSince(t0);

            List<Double> baseline = new ArrayList<>();
            List<Double> groups = new ArrayList<>();
            List<Long> coordinatorPss = new ArrayList<>();
            List<Long> workerPss = new ArrayList<>();
            for (int i = 0; i < rounds; i++) {
                baseline.add(PlainPostgres.initdbAndStartMillis(dir.resolve("baseline-" + i), properties));

                long start = System.nanoTime();
                ServerGroup group = cluster.create("bench-" + i, 2, "Bench-Passw0rd!");
                if (!cluster.status(group.name()).values().stream().allMatch(s -> s == NodeStatus.AVAILABLE)) {
                    throw new IllegalStateException("group " + group.name() + " is not Available after create");
                }
                groups.add(millisSince(start));
                for (ServerGroupNode node : group.nodes()) {
                    long pss = cluster.process(group.name(), node).map(ProvisioningBenchmark::pssKb).orElse(0L);
                    (node == group.coordinator() ? coordinatorPss : workerPss).add(pss);
                }
                cluster.delete(group.name());
            }
            System.out.printf("PostgreSQL binaries %s, %d rounds, %d cores%n", properties.dataDirectory(), rounds,
                    Runtime.getRuntime().availableProcessors());
            System.out.printf("first use: unpack binaries %.0f ms, build node templates %.0f ms (once per machine)%n",
                    unpackMs, templatesMs);
            System.out.printf("baseline  one plain PostgreSQL, initdb + start: median %.0f ms (min %.0f, max %.0f)%n",
                    median(baseline), Collections.min(baseline), Collections.max(baseline));
            System.out.printf("group     coordinator + 2 workers, create -> Available: median %.0f ms (min %.0f, max %.0f)%n",
                    median(groups), Collections.min(groups), Collections.max(groups));
            System.out.printf("ratio     group / single-node baseline: %.2fx%n", median(groups) / median(baseline));
            System.out.printf("memory    PSS after create: coordinator median %d MiB, worker median %d MiB%n",
                    medianLong(coordinatorPss) / 1024, medianLong(workerPss) / 1024);
        } finally {
            deleteTree(dir);
        }
    }

    /** Proportional set size of a postmaster and its children, from /proc (kB). */
    static long pssKb(ProcessHandle postmaster) {
        List<ProcessHandle> all = new ArrayList<>();
        all.add(postmaster);
        postmaster.children().forEach(all::add);
        long total = 0;
        for (ProcessHandle p : all) {
            try {
                for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(p.pid()), "smaps_rollup"))) {
                    if (line.startsWith("Pss:")) {
                        total += Long.parseLong(line.replaceAll("[^0-9]", ""));
                    }
                }
            } catch (IOException e) {
                // a backend that ended between listing and reading holds no memory any more
            }
        }
        return total;
    }

    private static double millisSince(long start) {
        return (System.nanoTime() - start) / 1e6;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static long medianLong(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
