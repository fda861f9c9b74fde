package io.hyperscalelab.bench;

import io.hyperscalelab.cluster.ClusterProperties;
import io.hyperscalelab.cluster.EmbeddedCluster;
import io.hyperscalelab.cluster.LearnerCredentials;
import io.hyperscalelab.cluster.PlainPostgres;
import io.hyperscalelab.cluster.QuickstartLab;
import io.hyperscalelab.cluster.SqlRows;
import io.hyperscalelab.cluster.ServerGroup;
import io.hyperscalelab.data.DatasetSize;
import io.hyperscalelab.data.LabDataFiles;
import io.hyperscalelab.data.LabDataGenerator;
import io.hyperscalelab.data.LabDataPaths;
import io.hyperscalelab.execution.ClusterTarget;
import io.hyperscalelab.execution.DistributedExecutor;
import io.hyperscalelab.execution.ExecutionPath;
import io.hyperscalelab.execution.ExecutionResult;
import io.hyperscalelab.execution.ExecutionSession;
import io.hyperscalelab.execution.ExecutorOptions;
import io.hyperscalelab.load.LabTables;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The lab's queries at 1,000,000 events and 100,000 users: the distributed executor on a server
 * group (coordinator + 2 workers, 32 shards) against one plain PostgreSQL holding the same rows
 * and indexes, in the same run on the same machine. The coordinator's own planner (what a real
 * psql reaches) is measured too. Medians of N runs after two warm-up runs; every result is
 * checked against plain PostgreSQL's. Run with bench/query.sh.
 */
public final class QueryBenchmark {

    private static final String PASSWORD = "Bench-Passw0rd!";
    /** Not in the lab: a lookup by user is what an application would index for (on both sides). */
    private static final List<String> USER_ID_INDEXES = List.of("CREATE INDEX user_id_index ON github_events (user_id)",
            "CREATE INDEX users_user_id_index ON github_users (user_id)");

    private QueryBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int events = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        int users = args.length > 2 ? Integer.parseInt(args[2]) : 100_000;
        int perWorker = args.length > 3 ? Integer.parseInt(args[3]) : ExecutorOptions.DEFAULTS.connectionsPerWorker();
        Path dir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "bench-query-");
        Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        ClusterProperties properties = new ClusterProperties(dir, 0, 0, 0, "256MB", 200);
        LabDataFiles files = new LabDataFiles(Path.of("target", "lab-data").toAbsolutePath(),
                new LabDataGenerator(LabDataGenerator.DEFAULT_SEED));
        try (EmbeddedCluster cluster = new EmbeddedCluster(properties);
             PlainPostgres single = PlainPostgres.start(properties, "single");
             DistributedExecutor executor = new DistributedExecutor(new ExecutorOptions(perWorker, 5, 0))) {
            ServerGroup group = cluster.create("bench", 2, PASSWORD);
            LabDataPaths paths = files.materialise(new DatasetSize(users, events));
            long loadStart = System.nanoTime();
            try (Connection coordinator = DriverManager.getConnection(cluster.jdbcUrl(group.name()), "citus", PASSWORD);
                 Connection plain = single.connect()) {
                LabTables.createAndLoad(coordinator, plain, paths, PASSWORD, USER_ID_INDEXES);
            }
            System.out.printf("loaded %,d events and %,d users on both sides in %.0f s; %d cores; %d connections per worker%n",
                    events, users, (System.nanoTime() - loadStart) / 1e9, Runtime.getRuntime().availableProcessors(), perWorker);

            try (Connection plain = single.connect();
                 Connection psql = DriverManager.getConnection(cluster.jdbcUrl(group.name()), "citus", PASSWORD);
                 ExecutionSession session = executor.openSession(ClusterTarget.forGroup(cluster, group.name(), new LearnerCredentials("citus", PASSWORD)))) {
                long user = busyUser(plain);
                Map<String, String> queries = new LinkedHashMap<>();
                queries.put("count", "SELECT count(*) FROM github_events");
                queries.put("commits per hour", QuickstartLab.COMMITS_PER_HOUR);
                queries.put("commits per minute", QuickstartLab.COMMITS_PER_MINUTE);
                // a tie-breaker, so that both sides return the same twenty
                queries.put("top-20 join", QuickstartLab.TOP_CREATORS.replace("ORDER BY count(*) DESC", "ORDER BY count(*) DESC, login"));
                queries.put("router lookup", QuickstartLab.singleUserLookup(user));

                System.out.printf("%n%d runs each, median ms (ratio to single PostgreSQL)%n", rounds);
                System.out.printf("%-20s %12s %22s %22s  %s%n", "query", "single", "executor", "coordinator planner",
                        "executor path, tasks, merge ms");
                for (Map.Entry<String, String> query : queries.entrySet()) {
                    String sql = query.getValue();
                    List<List<String>> expected = rows(plain, sql);
                    ExecutionResult check = session.execute(sql);
                    if (!sorted(check.result().rows()).equals(sorted(expected))) {
                        throw new IllegalStateException("the executor's result differs from plain PostgreSQL's for " + query.getKey());
                    }
                    double singleMs = median(rounds, () -> rows(plain, sql));
                    List<Double> merges = new ArrayList<>();
                    ExecutionPath[] path = new ExecutionPath[1];
                    int[] tasks = new int[1];
                    double executorMs = median(rounds, () -> {
                        ExecutionResult result = session.execute(sql);
                        merges.add(result.breakdown().mergeMillis());
                        path[0] = result.breakdown().path();
                        tasks[0] = result.breakdown().tasks().size();
                    });
                    double plannerMs = median(Math.min(rounds, 5), () -> rows(psql, sql));
                    Collections.sort(merges);
                    System.out.printf("%-20s %12.2f %12.2f (%5.2fx) %12.2f (%5.2fx)  %s, %d, %.2f%n", query.getKey(), singleMs,
                            executorMs, executorMs / singleMs, plannerMs, plannerMs / singleMs, path[0].label(), tasks[0],
                            merges.get(merges.size() / 2));
                }
            }
            cluster.delete(group.name());
        } finally {
            try (var walk = Files.walk(dir)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static long busyUser(Connection plain) throws Exception {
        return Long.parseLong(rows(plain, "SELECT user_id FROM github_events GROUP BY user_id HAVING count(*) BETWEEN 5 AND 15 "
                + "ORDER BY user_id LIMIT 1").get(0).get(0));
    }

    private interface Run {
        void run() throws Exception;
    }

    /** Two warm-up runs, then the median of {@code rounds} timed runs, in milliseconds. */
    private static double median(int rounds, Run run) throws Exception {
        run.run();
        run.run();
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            long start = System.nanoTime();
            run.run();
            times.add((System.nanoTime() - start) / 1e6);
        }
        Collections.sort(times);
        return times.get(times.size() / 2);
    }

    private static List<List<String>> rows(Connection connection, String sql) throws Exception {
        return SqlRows.table(connection, sql);
    }

    private static List<String> sorted(List<List<String>> rows) {
        List<String> flat = new ArrayList<>();
        rows.forEach(r -> flat.add(String.valueOf(r)));
        Collections.sort(flat);
        return flat;
    }
}
