package io.hyperscalelab.bench;

import io.hyperscalelab.cluster.ClusterProperties;
import io.hyperscalelab.cluster.EmbeddedCluster;
import io.hyperscalelab.cluster.NodeStatus;
import io.hyperscalelab.cluster.QuickstartLab;
import io.hyperscalelab.cluster.ServerGroup;
import io.hyperscalelab.cluster.ServerGroupNode;
import io.hyperscalelab.data.DatasetSize;
import io.hyperscalelab.data.LabDataFiles;
import io.hyperscalelab.data.LabDataGenerator;
import io.hyperscalelab.data.LabDataPaths;
import io.hyperscalelab.execution.ClusterTarget;
import io.hyperscalelab.execution.DistributedExecutor;
import io.hyperscalelab.execution.ExecutionSession;
import io.hyperscalelab.execution.ExecutorOptions;
import io.hyperscalelab.load.ShardedLoader;
import io.hyperscalelab.load.WorkerConnectionPool;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * A class's worth of server groups on one machine: provisions N groups (coordinator + 2 workers
 * each, the product's default node settings), loads the lab's files into each through the
 * sharded loader, then runs N simulated learners at once, each running the lab's four queries
 * (section 4: count, commits per hour, the top-creators join, one user's events) round after
 * round against its own group through the distributed executor, as the query editor and the
 * Cloud Shell do: once back to back (the machine saturated), once with a person's pauses between
 * statements. Every result is checked against the first group's. Reports provisioning time
 * per group, memory per group (RSS summed over the group's postgres processes, as top would
 * add it up, and PSS, which shares each page among the processes that map it: the memory the
 * group really costs), and query latency percentiles; the baseline, measured in the same run,
 * is one learner alone on the machine. Run with bench/capacity.sh.
 */
public final class CapacityBenchmark {

    private static final String PASSWORD = "Bench-Passw0rd!";

    private CapacityBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int groupCount = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        double thinkSeconds = args.length > 2 ? Double.parseDouble(args[2]) : 5;
        Path dir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "bench-capacity-");
        Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        ClusterProperties properties = ClusterProperties.in(dir);
        LabDataFiles files = new LabDataFiles(Path.of("target", "lab-data").toAbsolutePath(),
                new LabDataGenerator(LabDataGenerator.DEFAULT_SEED));
        LabDataPaths lab = files.materialise(DatasetSize.LAB);
        long availableBefore = memAvailableKb();
        try (EmbeddedCluster cluster = new EmbeddedCluster(properties);
             DistributedExecutor executor = new DistributedExecutor(ExecutorOptions.DEFAULTS)) {
            cluster.prepare();
            System.out.printf("%d server groups (coordinator + 2 workers), %d learners x %d rounds of the lab's 4 queries, "
                            + "%d cores, %.1f GiB memory available at the start; node settings: shared_buffers %s, "
                            + "max_connections %d%n", groupCount, groupCount, rounds, Runtime.getRuntime().availableProcessors(),
                    availableBefore / 1048576.0, properties.sharedBuffers(), properties.maxConnections());

            List<String> names = new ArrayList<>();
            List<Double> provisioning = new ArrayList<>();
            long provisionStart = System.nanoTime();
            for (int i = 0; i < groupCount; i++) {
                String name = String.format("learner-%02d", i + 1);
                long start = System.nanoTime();
                cluster.create(name, 2, PASSWORD);
                if (!cluster.status(name).values().stream().allMatch(s -> s == NodeStatus.AVAILABLE)) {
                    throw new IllegalStateException(name + " is not Available after create");
                }
                provisioning.add(millisSince(start));
                names.add(name);
            }
            double provisionTotal = millisSince(provisionStart) / 1000;
            Memory idle = Memory.of(cluster, names);

            List<Double> loading = new ArrayList<>();
            for (String name : names) {
                long start = System.nanoTime();
                // the learner's two \copy in one Cloud Shell session; its pooled connections end with it here
                try (WorkerConnectionPool pool = new WorkerConnectionPool(Duration.ofMinutes(1))) {
                    loadLab(cluster, name, new ShardedLoader(pool.connections("citus", credentials())), lab);
                }
                loading.add(millisSince(start));
            }
            Memory loaded = Memory.of(cluster, names);

            Map<String, String> queries = labQueries(cluster, names.get(0));
            Map<String, List<Double>> solo = runLearners(cluster, executor, names.subList(0, 1), queries, rounds, 0, null);
            Memory[] busy = new Memory[1];
            long concurrentStart = System.nanoTime();
            Map<String, List<Double>> concurrent = runLearners(cluster, executor, names, queries, rounds, 0,
                    () -> busy[0] = Memory.of(cluster, names));
            double concurrentSeconds = millisSince(concurrentStart) / 1000;
            long thinkingStart = System.nanoTime();
            Map<String, List<Double>> thinking = runLearners(cluster, executor, names, queries, rounds, thinkSeconds, null);
            double thinkingSeconds = millisSince(thinkingStart) / 1000;
            long availableBusy = busy[0].memAvailableKb();

            System.out.printf("%nprovisioning, create -> Available, one group after another: median %.0f ms, p95 %.0f ms, "
                            + "max %.0f ms; all %d in %.0f s%n", percentile(provisioning, 50), percentile(provisioning, 95),
                    percentile(provisioning, 100), groupCount, provisionTotal);
            System.out.printf("loading the lab's files (CREATE TABLE, indexes, distribute, \\copy of both files): "
                    + "median %.1f s per group%n", percentile(loading, 50) / 1000);
            System.out.printf("%nmemory per group, median (max)        RSS summed          PSS       processes%n");
            idle.print("provisioned, idle");
            loaded.print("lab data loaded, idle");
            busy[0].print(groupCount + " learners at once");
            System.out.printf("machine: MemAvailable %.1f GiB at the start, %.1f GiB with all groups busy (%.1f GiB used by them "
                            + "and this JVM)%n", availableBefore / 1048576.0, availableBusy / 1048576.0,
                    (availableBefore - availableBusy) / 1048576.0);

            System.out.printf("%nlab query latency, ms; alone: one learner; at once: %d learners, each running the four "
                    + "queries back to back; thinking: %d learners, each pausing %.1f s on average (exponentially distributed) "
                    + "before each statement, as a person reading the last result%n", groupCount, groupCount, thinkSeconds);
            System.out.printf("%-20s %14s | %25s | %25s%n", "", "alone", "at once", "thinking");
            System.out.printf("%-20s %6s %7s | %7s %8s %8s | %7s %8s %8s%n", "query", "p50", "p95", "p50", "p95", "p99",
                    "p50", "p95", "p99");
            List<Double> all = new ArrayList<>();
            List<Double> allThinking = new ArrayList<>();
            for (String query : queries.keySet()) {
                List<Double> one = solo.get(query);
                List<Double> many = concurrent.get(query);
                List<Double> paced = thinking.get(query);
                all.addAll(many);
                allThinking.addAll(paced);
                System.out.printf("%-20s %6.1f %7.1f | %7.1f %8.1f %8.1f | %7.1f %8.1f %8.1f%n", query, percentile(one, 50),
                        percentile(one, 95), percentile(many, 50), percentile(many, 95), percentile(many, 99),
                        percentile(paced, 50), percentile(paced, 95), percentile(paced, 99));
            }
            System.out.printf("%-20s %14s | %7.1f %8.1f %8.1f | %7.1f %8.1f %8.1f%n", "all four", "", percentile(all, 50),
                    percentile(all, 95), percentile(all, 99), percentile(allThinking, 50), percentile(allThinking, 95),
                    percentile(allThinking, 99));
            System.out.printf("at once: %d statements in %.0f s (%.1f per second); thinking: %d in %.0f s (%.1f per second); "
                            + "every group answered every query with the first group's results%n", all.size(), concurrentSeconds,
                    all.size() / concurrentSeconds, allThinking.size(), thinkingSeconds, allThinking.size() / thinkingSeconds);
            for (String name : names) {
                cluster.delete(name);
            }
        } finally {
            try (var walk = Files.walk(dir)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** What a learner does in the lab's sections 3.1 to 3.4 (no ANALYZE: autovacuum's), with the product's loader for \copy. */
    private static void loadLab(EmbeddedCluster cluster, String group, ShardedLoader loader, LabDataPaths lab) throws Exception {
        try (Connection c = cluster.learnerConnection(group, "127.0.0.1"); Statement s = c.createStatement()) {
            for (String sql : QuickstartLab.CREATE_TABLES) {
                s.execute(sql);
            }
            for (String sql : QuickstartLab.CREATE_INDEXES) {
                s.execute(sql);
            }
            for (String sql : QuickstartLab.DISTRIBUTE) {
                s.execute(sql);
            }
            for (String table : List.of("github_users", "github_events")) {
                Path file = table.equals("github_users") ? lab.users() : lab.events();
                try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
                    loader.load(c, table, in, file.getFileName().toString(), Files.size(file), p -> { });
                }
            }
        }
    }

    /** The lab's section 4 queries; the lookup is of a user with a handful of events. */
    private static Map<String, String> labQueries(EmbeddedCluster cluster, String group) throws Exception {
        String user;
        try (Connection c = cluster.learnerConnection(group, "127.0.0.1"); Statement s = c.createStatement();
             var rs = s.executeQuery("SELECT user_id FROM github_events GROUP BY user_id HAVING count(*) BETWEEN 5 AND 15 "
                     + "ORDER BY user_id LIMIT 1")) {
            rs.next();
            user = rs.getString(1);
        }
        Map<String, String> queries = new LinkedHashMap<>();
        queries.put("count(*)", "SELECT count(*) FROM github_events;");
        queries.put("commits per hour", QuickstartLab.COMMITS_PER_HOUR);
        queries.put("top creators join", QuickstartLab.TOP_CREATORS);
        queries.put("one user's events", QuickstartLab.singleUserLookup(Long.parseLong(user)));
        return queries;
    }

    /**
     * Each learner opens its session as the query editor does and runs every query once to warm
     * up (checking the results), then {@code rounds} timed rounds, pausing {@code thinkSeconds}
     * on average before each statement; all start together. {@code midway} runs once while they
     * are all at work.
     */
    private static Map<String, List<Double>> runLearners(EmbeddedCluster cluster, DistributedExecutor executor,
                                                        List<String> groups, Map<String, String> queries, int rounds,
                                                        double thinkSeconds, Runnable midway) throws Exception {
        Map<String, List<Double>> latencies = new ConcurrentHashMap<>();
        queries.keySet().forEach(q -> latencies.put(q, Collections.synchronizedList(new ArrayList<>())));
        Map<String, List<List<String>>> expected = new ConcurrentHashMap<>();
        CyclicBarrier start = new CyclicBarrier(groups.size() + (midway == null ? 0 : 1));
        CountDownLatch third = new CountDownLatch(groups.size() * queries.size() * rounds / 3);
        ExecutorService learners = Executors.newFixedThreadPool(groups.size());
        try {
            List<Future<?>> done = new ArrayList<>();
            for (String group : groups) {
                done.add(learners.submit(() -> {
                    Properties options = new Properties();
                    options.setProperty("ApplicationName", "capacity-benchmark");
                    try (Connection c = cluster.learnerConnection(group, "127.0.0.1", options);
                         ExecutionSession session = executor.openSession(
                                 ClusterTarget.forGroup(cluster, group, cluster.learnerCredentials(group)), c)) {
                        for (Map.Entry<String, String> q : queries.entrySet()) {
                            List<List<String>> rows = session.execute(q.getValue()).result().rows();
                            List<List<String>> first = expected.putIfAbsent(q.getKey(), rows);
                            if (first != null && !sortedCopy(first).equals(sortedCopy(rows))) {
                                throw new IllegalStateException(group + " answered " + q.getKey() + " differently");
                            }
                        }
                        start.await();
                        Random person = new Random(group.hashCode());
                        for (int round = 0; round < rounds; round++) {
                            for (Map.Entry<String, String> q : queries.entrySet()) {
                                if (thinkSeconds > 0) {
                                    // a simulated person reading the last result: the benchmark's one pause
                                    Thread.sleep((long) (-Math.log(1 - person.nextDouble()) * thinkSeconds * 1000));
                                }
                                long t = System.nanoTime();
                                session.execute(q.getValue());
                                latencies.get(q.getKey()).add(millisSince(t));
                                third.countDown();
                            }
                        }
                    }
                    return null;
                }));
            }
            if (midway != null) {
                start.await();
                // a third of the way through: everyone is at work
                while (!third.await(1, TimeUnit.SECONDS) && !done.stream().allMatch(Future::isDone)) {
                    // a learner that failed ends the wait; its error comes from get() below
                }
                midway.run();
            }
            for (Future<?> learner : done) {
                learner.get();
            }
        } finally {
            learners.shutdownNow();
        }
        return latencies;
    }

    private static List<String> sortedCopy(List<List<String>> rows) {
        List<String> flat = new ArrayList<>();
        rows.forEach(r -> flat.add(String.valueOf(r)));
        Collections.sort(flat);
        return flat;
    }

    private static Properties credentials() {
        Properties p = new Properties();
        p.setProperty("user", "citus");
        p.setProperty("password", PASSWORD);
        return p;
    }

    private static double millisSince(long start) {
        return (System.nanoTime() - start) / 1e6;
    }

    private static double percentile(List<Double> values, double p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int index = (int) Math.ceil(p / 100 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    private static long memAvailableKb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
            if (line.startsWith("MemAvailable:")) {
                return Long.parseLong(line.replaceAll("\\D+", ""));
            }
        }
        return 0;
    }

    /** Memory of every group's postgres processes (postmaster and children), from /proc. */
    private record Memory(List<Long> rssKb, List<Long> pssKb, List<Integer> processes, long memAvailableKb) {

        static Memory of(EmbeddedCluster cluster, List<String> groups) {
            Map<Long, List<Long>> children = childrenByParent();
            List<Long> rss = new ArrayList<>();
            List<Long> pss = new ArrayList<>();
            List<Integer> processes = new ArrayList<>();
            for (String name : groups) {
                long groupRss = 0;
                long groupPss = 0;
                int count = 0;
                ServerGroup group = cluster.group(name).orElseThrow();
                for (ServerGroupNode node : group.nodes()) {
                    List<Long> tree = new ArrayList<>(List.of(cluster.process(name, node).orElseThrow().pid()));
                    for (int i = 0; i < tree.size(); i++) {
                        tree.addAll(children.getOrDefault(tree.get(i), List.of()));
                    }
                    for (long pid : tree) {
                        groupRss += field(Path.of("/proc", String.valueOf(pid), "status"), "VmRSS:");
                        groupPss += field(Path.of("/proc", String.valueOf(pid), "smaps_rollup"), "Pss:");
                        count++;
                    }
                }
                rss.add(groupRss);
                pss.add(groupPss);
                processes.add(count);
            }
            try {
                return new Memory(rss, pss, processes, CapacityBenchmark.memAvailableKb());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        /** Every process's children, from one pass over /proc (field 4 of /proc/PID/stat is the parent). */
        private static Map<Long, List<Long>> childrenByParent() {
            Map<Long, List<Long>> children = new java.util.HashMap<>();
            try (var entries = Files.list(Path.of("/proc"))) {
                for (Path entry : (Iterable<Path>) entries::iterator) {
                    String pid = entry.getFileName().toString();
                    if (!pid.chars().allMatch(Character::isDigit)) {
                        continue;
                    }
                    try {
                        String stat = Files.readString(entry.resolve("stat"));
                        long parent = Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[1]);
                        children.computeIfAbsent(parent, p -> new ArrayList<>()).add(Long.parseLong(pid));
                    } catch (IOException | RuntimeException e) {
                        // ended while /proc was read
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            return children;
        }

        void print(String when) {
            System.out.printf("%-28s %7.0f MiB (%4.0f)  %7.0f MiB (%4.0f)  %4.0f%n", when, median(rssKb) / 1024,
                    max(rssKb) / 1024, median(pssKb) / 1024, max(pssKb) / 1024,
                    median(processes.stream().map(Integer::longValue).toList()));
        }

        private static double median(List<Long> values) {
            List<Long> sorted = new ArrayList<>(values);
            Collections.sort(sorted);
            return sorted.get(sorted.size() / 2);
        }

        private static double max(List<Long> values) {
            return Collections.max(values);
        }

        // a process that ended between listing and reading counts as nothing
        private static long field(Path file, String name) {
            try {
                for (String line : Files.readAllLines(file)) {
                    if (line.startsWith(name)) {
                        return Long.parseLong(line.replaceAll("\\D+", ""));
                    }
                }
            } catch (IOException | RuntimeException e) {
                return 0;
            }
            return 0;
        }
    }
}
