package io.hyperscalelab.bench;

import io.hyperscalelab.breakdown.BreakdownHistory;
import io.hyperscalelab.cluster.ClusterProperties;
import io.hyperscalelab.cluster.EmbeddedCluster;
import io.hyperscalelab.cluster.ServerGroup;
import io.hyperscalelab.data.DatasetSize;
import io.hyperscalelab.data.LabDataFiles;
import io.hyperscalelab.data.LabDataGenerator;
import io.hyperscalelab.data.LabDataPaths;
import io.hyperscalelab.execution.DistributedExecutor;
import io.hyperscalelab.psql.ClientEnvironment;
import io.hyperscalelab.psql.HostDirectory;
import io.hyperscalelab.psql.PgJdbcBackend;
import io.hyperscalelab.psql.PsqlSession;
import io.hyperscalelab.psql.SqlBackend;
import io.hyperscalelab.shell.ExecutorRoutes;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The lab's load step and a large result in the Cloud Shell's psql against Debian's psql 15 on
 * the same server group, in the same run: {@code \copy github_events from 'events.csv' WITH CSV}
 * at lab scale (the emulation sends it through the sharded loader, psql through the
 * coordinator), and printing 100,000 rows as an aligned table. The Cloud Shell's psql runs both
 * ways: statements straight to the coordinator, and through the distributed executor, as the
 * portal's Cloud Shell sends them. Run with bench/cloud-shell.sh.
 */
public final class CloudShellBenchmark {

    private static final String PASSWORD = "Bench-Passw0rd!";
    private static final String EVENTS = "CREATE TABLE github_events (event_id bigint, event_type text, event_public boolean, "
            + "repo_id bigint, payload jsonb, repo jsonb, user_id bigint, org jsonb, created_at timestamp)";
    private static final String COPY = "\\copy github_events from 'events.csv' WITH CSV";
    private static final String BIG_RESULT = "SELECT event_id, event_type, user_id, created_at, repo->>'name' AS repo "
            + "FROM github_events ORDER BY event_id LIMIT 100000;";

    private CloudShellBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        Path dir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "bench-shell-");
        Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        Path home = Files.createDirectories(dir.resolve("home"));
        LabDataPaths paths = new LabDataFiles(dir.resolve("data"), new LabDataGenerator(LabDataGenerator.DEFAULT_SEED))
                .materialise(DatasetSize.LAB);
        Files.copy(paths.events(), home.resolve("events.csv"), StandardCopyOption.REPLACE_EXISTING);
        try (EmbeddedCluster cluster = new EmbeddedCluster(new ClusterProperties(dir, 0, 0, 0, "256MB", 200))) {
            ServerGroup group = cluster.create("shell-bench", 2, PASSWORD);
            String connection = "host=127.0.0.1 port=" + group.coordinator().port() + " dbname=citus user=citus";
            String jdbc = cluster.jdbcUrl(group.name());
            List<Double> realCopy = new ArrayList<>();
            List<Double> ourCopy = new ArrayList<>();
            List<Double> realPrint = new ArrayList<>();
            List<Double> ourPrint = new ArrayList<>();
            List<Double> executorCopy = new ArrayList<>();
            List<Double> executorPrint = new ArrayList<>();
            SqlBackend direct = new PgJdbcBackend(HostDirectory.loopbackOnly(), null);
            try (DistributedExecutor executor = new DistributedExecutor()) {
                SqlBackend throughExecutor = new PgJdbcBackend(HostDirectory.loopbackOnly(), null,
                        new ExecutorRoutes(cluster, executor, new BreakdownHistory()));
                for (int round = 0; round < rounds; round++) {
                    recreate(jdbc);
                    realCopy.add(realPsql(connection, COPY, home));
                    recreate(jdbc);
                    ourCopy.add(emulated(connection, COPY, home, direct));
                    recreate(jdbc);
                    executorCopy.add(emulated(connection, COPY, home, throughExecutor));
                    realPrint.add(realPsql(connection, BIG_RESULT, home));
                    ourPrint.add(emulated(connection, BIG_RESULT, home, direct));
                    executorPrint.add(emulated(connection, BIG_RESULT, home, throughExecutor));
                }
            }
            System.out.printf("%d rounds, median seconds, %d cores, events.csv %,d bytes%n", rounds,
                    Runtime.getRuntime().availableProcessors(), Files.size(paths.events()));
            report("\\copy github_events (lab scale)", median(realCopy), median(ourCopy), median(executorCopy));
            report("100,000-row aligned table", median(realPrint), median(ourPrint), median(executorPrint));
            cluster.delete(group.name());
        } finally {
            try (var walk = Files.walk(dir)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void report(String what, double psql, double direct, double executor) {
        System.out.printf("%-32s psql 15 %7.2f s  Cloud Shell psql: direct %7.2f s (%.2fx)  through the executor %7.2f s (%.2fx)"
                + "  [ratios: psql / ours]%n", what, psql, direct, psql / direct, executor, psql / executor);
    }

    private static void recreate(String jdbc) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbc, "citus", PASSWORD); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS github_events");
            s.execute(EVENTS);
            s.execute("CREATE INDEX event_type_index ON github_events (event_type)");
            s.execute("SELECT create_distributed_table('github_events', 'user_id')");
        }
    }

    /** Seconds for Debian's psql to run one command, its output thrown away. */
    private static double realPsql(String connection, String command, Path home) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("/usr/bin/psql", "-X", "-P", "pager=off", connection, "-c", command)
                .directory(home.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectErrorStream(false);
        builder.environment().put("PGPASSWORD", PASSWORD);
        long start = System.nanoTime();
        Process process = builder.start();
        process.getErrorStream().transferTo(System.err);
        if (!process.waitFor(600, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("psql failed: " + command);
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** Seconds for the Cloud Shell's psql to connect, run the same command and print it to a discarded terminal. */
    private static double emulated(String connection, String command, Path home, SqlBackend backend) {
        long start = System.nanoTime();
        long[] printed = new long[1];
        PsqlSession session = PsqlSession.start(List.of(connection + " password=" + PASSWORD), backend, new ClientEnvironment() {
                    @Override
                    public void write(String text) {
                        printed[0] += text.length();
                    }

                    @Override
                    public Path clientFile(String name) {
                        return home.resolve(name);
                    }

                    @Override
                    public InputStream programOutput(String c) {
                        return InputStream.nullInputStream();
                    }

                    @Override
                    public void shell(String c) {
                    }

                    @Override
                    public String osUser() {
                        return "bench";
                    }
                });
        session.line(command);
        session.line("\\q");
        if (printed[0] == 0) {
            throw new IllegalStateException("nothing printed for " + command);
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
