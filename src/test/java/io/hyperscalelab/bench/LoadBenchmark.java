package io.hyperscalelab.bench;

import io.hyperscalelab.cluster.ClusterProperties;
import io.hyperscalelab.cluster.EmbeddedCluster;
import io.hyperscalelab.cluster.PlainPostgres;
import io.hyperscalelab.cluster.ServerGroup;
import io.hyperscalelab.data.DatasetSize;
import io.hyperscalelab.data.LabDataFiles;
import io.hyperscalelab.data.LabDataGenerator;
import io.hyperscalelab.data.LabDataPaths;
import io.hyperscalelab.load.ShardedLoader;
import io.hyperscalelab.load.WorkerConnectionPool;
import java.io.BufferedInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import org.postgresql.PGConnection;

/**
 * Loading the lab's files: the sharded loader into a server group (coordinator + 2 workers,
 * 32 shards) against plain COPY into one PostgreSQL, in the same run, with the lab's tables and
 * indexes on both; per file and for both files together (the lab's load step). The loader runs
 * as the Cloud Shell runs it, its worker connections pooled between loads, and also with new
 * connections for every load (a learner's first load). COPY through the coordinator (what psql's \copy does) is measured once at lab
 * scale. Run with bench/load.sh; results go to standard output.
 */
public final class LoadBenchmark {

    private static final String PASSWORD = "Bench-Passw0rd!";
    private static final String USERS = "CREATE TABLE github_users (user_id bigint, url text, login text, avatar_url text, "
            + "gravatar_id text, display_login text)";
    private static final String EVENTS = "CREATE TABLE github_events (event_id bigint, event_type text, event_public boolean, "
            + "repo_id bigint, payload jsonb, repo jsonb, user_id bigint, org jsonb, created_at timestamp)";
    private static final List<String> INDEXES = List.of("CREATE INDEX event_type_index ON github_events (event_type)",
            "CREATE INDEX payload_index ON github_events USING GIN (payload jsonb_path_ops)");

    private LoadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int bigEvents = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        Path dir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "bench-load-");
        Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        ClusterProperties properties = new ClusterProperties(dir, 0, 0, 0, "256MB", 200);
        LabDataFiles files = new LabDataFiles(dir.resolve("data"), new LabDataGenerator(LabDataGenerator.DEFAULT_SEED));
        try (EmbeddedCluster cluster = new EmbeddedCluster(properties);
             PlainPostgres single = PlainPostgres.start(properties, "single");
             WorkerConnectionPool pool = new WorkerConnectionPool(Duration.ofMinutes(1))) {
            ServerGroup group = cluster.create("load", 2, PASSWORD);
            Properties credentials = new Properties();
            credentials.setProperty("user", "citus");
            credentials.setProperty("password", PASSWORD);
            // as the Cloud Shell's \copy runs it: worker connections kept between loads
            ShardedLoader loader = new ShardedLoader(pool.connections("citus", credentials));
            ShardedLoader unpooled = new ShardedLoader((host, port) -> DriverManager.getConnection(
                    "jdbc:postgresql://" + host + ":" + port + "/citus", credentials));
            System.out.printf("%d rounds each, median rows/s, %d cores; the loader's worker connections pooled between loads "
                    + "(\"new connections\": each load opens its 32)%n", rounds, Runtime.getRuntime().availableProcessors());
            for (DatasetSize size : List.of(DatasetSize.LAB, DatasetSize.ofEvents(bigEvents))) {
                LabDataPaths paths = files.materialise(size);
                double singleSeconds = 0;
                double loaderSeconds = 0;
                long bothRows = 0;
                for (String table : List.of("github_users", "github_events")) {
                    Path file = table.equals("github_users") ? paths.users() : paths.events();
                    List<Double> singleTimes = new ArrayList<>();
                    List<Double> loaderTimes = new ArrayList<>();
                    List<Double> unpooledTimes = new ArrayList<>();
                    long rows = 0;
                    for (int round = 0; round < rounds; round++) {
                        try (Connection c = single.connect()) {
                            recreate(c, table, false);
                            long start = System.nanoTime();
                            try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
                                rows = c.unwrap(PGConnection.class).getCopyAPI()
                                        .copyIn("COPY " + table + " FROM STDIN WITH (FORMAT csv)", in);
                            }
                            singleTimes.add(seconds(start));
                        }
                        loaderTimes.add(timeLoad(cluster, group, loader, table, file));
                        unpooledTimes.add(timeLoad(cluster, group, unpooled, table, file));
                    }
                    double singleMedian = median(singleTimes);
                    double loaderMedian = median(loaderTimes);
                    singleSeconds += singleMedian;
                    loaderSeconds += loaderMedian;
                    bothRows += rows;
                    System.out.printf("%-13s %9d rows  single COPY %8.0f  sharded loader %8.0f  ratio %.2fx"
                                    + "  (new connections %8.0f, %.2fx)%n",
                            table, rows, rows / singleMedian, rows / loaderMedian, singleMedian / loaderMedian,
                            rows / median(unpooledTimes), singleMedian / median(unpooledTimes));
                    if (size.equals(DatasetSize.LAB)) {
                        try (Connection c = DriverManager.getConnection(cluster.jdbcUrl(group.name()), "citus", PASSWORD)) {
                            recreate(c, table, true);
                            long start = System.nanoTime();
                            try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
                                c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + table + " FROM STDIN WITH (FORMAT csv)", in);
                            }
                            System.out.printf("%-13s %9d rows  COPY through the coordinator (psql \\copy) %8.0f rows/s%n",
                                    table, rows, rows / seconds(start));
                        }
                    }
                }
                System.out.printf("both files    %9d rows  single COPY %8.0f  sharded loader %8.0f  ratio %.2fx  (%.2f s vs %.2f s)%n",
                        bothRows, bothRows / singleSeconds, bothRows / loaderSeconds, singleSeconds / loaderSeconds,
                        singleSeconds, loaderSeconds);
            }
            cluster.delete(group.name());
        } finally {
            try (var paths = Files.walk(dir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static double timeLoad(EmbeddedCluster cluster, ServerGroup group, ShardedLoader loader, String table, Path file)
            throws Exception {
        try (Connection c = DriverManager.getConnection(cluster.jdbcUrl(group.name()), "citus", PASSWORD)) {
            recreate(c, table, true);
            long start = System.nanoTime();
            try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
                loader.load(c, table, in, file.getFileName().toString(), Files.size(file), p -> { });
            }
            return seconds(start);
        }
    }

    private static void recreate(Connection c, String table, boolean distribute) throws Exception {
        try (Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + table);
            s.execute(table.equals("github_users") ? USERS : EVENTS);
            if (table.equals("github_events")) {
                for (String index : INDEXES) {
                    s.execute(index);
                }
            }
            if (distribute) {
                s.execute("SELECT create_distributed_table('" + table + "', 'user_id')");
            }
        }
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
