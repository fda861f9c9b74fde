package io.hyperscalelab.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.hyperscalelab.cluster.ClusterProperties;
import io.hyperscalelab.cluster.EmbeddedCluster;
import io.hyperscalelab.cluster.ServerGroup;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

// a lost PREPARE TRANSACTION shows up as a hang; fail instead
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ShardedLoaderTest {

    private static final String PASSWORD = "Lab-Passw0rd!";
    private EmbeddedCluster cluster;
    private ServerGroup group;
    private ShardedLoader loader;

    @BeforeAll
    void startGroup() throws Exception {
        Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target", "test-clusters").toAbsolutePath()), "loader-");
        Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        cluster = new EmbeddedCluster(new ClusterProperties(dir, 21500, 21999, 0, "32MB", 100));
        group = cluster.create("loader", 2, PASSWORD);
        loader = new ShardedLoader((host, port) ->
                DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/citus", "citus", PASSWORD));
    }

    @AfterAll
    void stopGroup() {
        cluster.delete(group.name());
        cluster.close();
    }

    @BeforeEach
    void freshTable() throws SQLException {
        try (Connection c = coordinator()) {
            c.createStatement().execute("DROP TABLE IF EXISTS events");
            c.createStatement().execute("CREATE TABLE events (event_id bigint, kind text, payload jsonb, user_id bigint, at timestamp)");
            c.createStatement().execute("SELECT create_distributed_table('events', 'user_id')");
        }
    }

    @Test
    void everyRowLandsInItsShardAndProgressReachesTheEnd() throws Exception {
        byte[] csv = csv(20_000, -1);
        List<LoadProgress> progress = new ArrayList<>();
        try (Connection c = coordinator()) {
            long rows = loader.load(c, "events", new ByteArrayInputStream(csv), "events.csv", csv.length, progress::add);

            assertThat(rows).isEqualTo(20_000);
            assertThat(single(c, "SELECT count(*) FROM events")).isEqualTo(20_000);
            // a lookup through the coordinator prunes to one shard: a misrouted row would be missed
            for (long user = 1; user <= 300; user += 7) {
                assertThat(single(c, "SELECT count(*) FROM events WHERE user_id = " + user))
                        .as("events of user %d", user).isEqualTo(expectedEventsOf(user, 20_000));
            }
            assertThat(single(c, "SELECT count(*) FROM events WHERE kind = E'quoted, with \"comma\"\\nand a newline' AND payload->>'note' = 'x'"))
                    .isEqualTo(20_000 / 10);
        }
        assertThat(progress).isNotEmpty();
        assertThat(progress.get(progress.size() - 1).percent()).isEqualTo(100.0);
        assertThat(progress).extracting(LoadProgress::rows).isSorted();
    }

    @Test
    void aBadLineInTheMiddleLoadsNothingAndNamesTheLineAndColumn() throws Exception {
        byte[] csv = csv(20_000, 12_345);
        try (Connection c = coordinator()) {
            assertThatThrownBy(() -> loader.load(c, "events", new ByteArrayInputStream(csv), "events.csv", csv.length, p -> { }))
                    .isInstanceOf(LoadException.class)
                    .satisfies(e -> {
                        LoadException le = (LoadException) e;
                        assertThat(le.line()).isEqualTo(lineOfRow(12_345));
                        assertThat(le.column()).isEqualTo("event_id");
                        assertThat(le.getMessage()).startsWith("events.csv, line " + lineOfRow(12_345) + ", column event_id: ")
                                .contains("invalid input syntax for type bigint");
                    });
            assertThat(single(c, "SELECT count(*) FROM events")).isZero();
            assertThat(single(c, "SELECT count(*) FROM run_command_on_workers('SELECT count(*) FROM pg_prepared_xacts') WHERE result <> '0'"))
                    .as("prepared transactions left on the workers").isZero();
        }
    }

    @Test
    void aBadDistributionValueAndAnUnterminatedQuoteAreNamed() throws Exception {
        byte[] badKey = "1,a,{},17,2016-12-01 05:00:00\n2,b,{},x17,2016-12-01 05:00:00\n".getBytes(StandardCharsets.UTF_8);
        byte[] unterminated = "1,a,{},17,2016-12-01 05:00:00\n2,\"b,{},18,2016-12-01 05:00:00\n".getBytes(StandardCharsets.UTF_8);
        byte[] extraColumn = "1,a,{},17,2016-12-01 05:00:00\n2,b,{},18,2016-12-01 05:00:00,surplus\n".getBytes(StandardCharsets.UTF_8);
        try (Connection c = coordinator()) {
            assertThatThrownBy(() -> loader.load(c, "events", new ByteArrayInputStream(badKey), "bad.csv", 0, p -> { }))
                    .hasMessage("bad.csv, line 2, column user_id: invalid input syntax for type bigint: \"x17\"");
            assertThatThrownBy(() -> loader.load(c, "events", new ByteArrayInputStream(unterminated), "q.csv", 0, p -> { }))
                    .hasMessage("q.csv, line 2: unterminated CSV quoted field that starts on this line");
            assertThatThrownBy(() -> loader.load(c, "events", new ByteArrayInputStream(extraColumn), "x.csv", 0, p -> { }))
                    .hasMessageStartingWith("x.csv, line 2").hasMessageContaining("extra data after last expected column");
            assertThat(single(c, "SELECT count(*) FROM events")).isZero();
        }
    }

    @Test
    void aBadLineAfterAShardsFirstRecordSpansTwoLinesIsNamed() throws Exception {
        // COPY does not count the line break inside a stream's first record: the loader must not either
        byte[] csv = ("1,\"two\nlines\",{},17,2016-12-01 05:00:00\n"
                + "x2,b,{},17,2016-12-01 05:00:00\n").getBytes(StandardCharsets.UTF_8);
        try (Connection c = coordinator()) {
            assertThatThrownBy(() -> loader.load(c, "events", new ByteArrayInputStream(csv), "two.csv", csv.length, p -> { }))
                    .hasMessageStartingWith("two.csv, line 3, column event_id: ");
            assertThat(single(c, "SELECT count(*) FROM events")).isZero();
        }
    }

    @Test
    void loadingTwiceLoadsTwice() throws Exception {
        byte[] csv = csv(1_000, -1);
        try (Connection c = coordinator()) {
            loader.load(c, "events", new ByteArrayInputStream(csv), "events.csv", csv.length, p -> { });
            loader.load(c, "events", new ByteArrayInputStream(csv), "events.csv", csv.length, p -> { });
            assertThat(single(c, "SELECT count(*) FROM events")).isEqualTo(2_000);
        }
    }

    @Test
    void aLocalTableIsCopiedThroughTheCoordinator() throws Exception {
        try (Connection c = coordinator()) {
            c.createStatement().execute("DROP TABLE IF EXISTS plain");
            c.createStatement().execute("CREATE TABLE plain (a int, b text)");
            byte[] csv = "1,one\n2,two\n".getBytes(StandardCharsets.UTF_8);
            assertThat(loader.load(c, "plain", new ByteArrayInputStream(csv), "plain.csv", csv.length, p -> { })).isEqualTo(2);
            byte[] bad = "1,one\nx,two\n".getBytes(StandardCharsets.UTF_8);
            assertThatThrownBy(() -> loader.load(c, "plain", new ByteArrayInputStream(bad), "plain.csv", 0, p -> { }))
                    .hasMessageStartingWith("plain.csv, line 2, column a: ");
            assertThat(single(c, "SELECT count(*) FROM plain")).isEqualTo(2);
        }
    }

    @Test
    void pooledConnectionsServeTheNextLoadAndAFailedLoadLeavesThemUsable() throws Exception {
        try (WorkerConnectionPool pool = new WorkerConnectionPool(Duration.ofMinutes(1));
             Connection c = coordinator()) {
            ShardedLoader pooled = new ShardedLoader(pool.connections("citus", credentials(PASSWORD)));
            byte[] csv = csv(1_000, -1);
            pooled.load(c, "events", new ByteArrayInputStream(csv), "events.csv", csv.length, p -> { });
            assertThat(pool.idleCount()).isEqualTo(32);
            String backends = loaderBackends(c);

            pooled.load(c, "events", new ByteArrayInputStream(csv), "events.csv", csv.length, p -> { });
            assertThat(loaderBackends(c)).as("the second load's worker sessions").isEqualTo(backends);

            byte[] bad = csv(1_000, 501);
            assertThatThrownBy(() -> pooled.load(c, "events", new ByteArrayInputStream(bad), "bad.csv", bad.length, p -> { }))
                    .hasMessageStartingWith("bad.csv, line " + lineOfRow(501) + ", column event_id: ");
            assertThat(single(c, "SELECT count(*) FROM events")).isEqualTo(2_000);
            assertThat(single(c, "SELECT count(*) FROM run_command_on_workers('SELECT count(*) FROM pg_prepared_xacts') WHERE result <> '0'"))
                    .as("prepared transactions left on the workers").isZero();
            // a bad distribution value is the reader's to find: every stream is abandoned mid-COPY
            byte[] badKey = (new String(csv, StandardCharsets.UTF_8) + "7,a,{},x17,2016-12-01 05:00:00\n").getBytes(StandardCharsets.UTF_8);
            assertThatThrownBy(() -> pooled.load(c, "events", new ByteArrayInputStream(badKey), "key.csv", badKey.length, p -> { }))
                    .hasMessageStartingWith("key.csv, line " + (lineOfRow(1_000) + 2) + ", column user_id: ");
            pooled.load(c, "events", new ByteArrayInputStream(csv), "events.csv", csv.length, p -> { });
            assertThat(single(c, "SELECT count(*) FROM events")).isEqualTo(3_000);
            assertThat(pool.idleCount()).isEqualTo(32);
        }
    }

    @Test
    void aPooledConnectionIsNeverLentToOtherCredentials() throws Exception {
        try (WorkerConnectionPool pool = new WorkerConnectionPool(Duration.ofMinutes(1));
             Connection c = coordinator()) {
            byte[] csv = csv(1_000, -1);
            new ShardedLoader(pool.connections("citus", credentials(PASSWORD)))
                    .load(c, "events", new ByteArrayInputStream(csv), "events.csv", csv.length, p -> { });
            assertThat(pool.idleCount()).isEqualTo(32);

            ShardedLoader wrongPassword = new ShardedLoader(pool.connections("citus", credentials("Not-the-Passw0rd")));
            assertThatThrownBy(() -> wrongPassword.load(c, "events", new ByteArrayInputStream(csv), "events.csv", csv.length, p -> { }))
                    .hasMessageContaining("password authentication failed");
            assertThat(single(c, "SELECT count(*) FROM events")).isEqualTo(1_000);
            assertThat(pool.idleCount()).as("the right password's connections stay pooled").isEqualTo(32);
        }
    }

    @Test
    void connectionsToServersThatRestartedAreReplacedAndIdleOnesClosed() throws Exception {
        try (WorkerConnectionPool pool = new WorkerConnectionPool(Duration.ofSeconds(3))) {
            ShardedLoader pooled = new ShardedLoader(pool.connections("citus", credentials(PASSWORD)));
            byte[] csv = csv(1_000, -1);
            try (Connection c = coordinator()) {
                pooled.load(c, "events", new ByteArrayInputStream(csv), "events.csv", csv.length, p -> { });
            }
            cluster.stop(group.name());
            cluster.start(group.name());
            try (Connection c = coordinator()) {
                pooled.load(c, "events", new ByteArrayInputStream(csv), "events.csv", csv.length, p -> { });
                assertThat(single(c, "SELECT count(*) FROM events")).isEqualTo(2_000);
                assertThat(loaderBackends(c)).isNotEmpty();
                await().atMost(Duration.ofSeconds(30)).until(() -> pool.idleCount() == 0);
                await().atMost(Duration.ofSeconds(30)).until(() -> loaderBackends(c).isEmpty());
            }
        }
    }

    /** Rows: every 10th has a quoted kind with a comma, a doubled quote and a newline (two input lines). */
    private static byte[] csv(int rows, int badRow) {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= rows; i++) {
            String id = i == badRow ? "not-a-number" : String.valueOf(i);
            if (i % 10 == 0) {
                sb.append(id).append(",\"quoted, with \"\"comma\"\"\nand a newline\",\"{\"\"note\"\": \"\"x\"\"}\",");
            } else {
                sb.append(id).append(",PushEvent,\"{\"\"size\"\": ").append(i % 5).append("}\",");
            }
            sb.append(userOf(i)).append(",2016-12-01 05:").append(String.format("%02d", i % 60)).append(":00\n");
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static long userOf(int row) {
        return (row * 7919L) % 997 + 1;
    }

    private static long expectedEventsOf(long user, int rows) {
        long n = 0;
        for (int i = 1; i <= rows; i++) {
            if (userOf(i) == user) {
                n++;
            }
        }
        return n;
    }

    /** Every 10th row spans two lines. */
    private static long lineOfRow(int row) {
        return row + (row - 1) / 10;
    }

    private static Properties credentials(String password) {
        Properties p = new Properties();
        p.setProperty("user", "citus");
        p.setProperty("password", password);
        return p;
    }

    /** The loader's sessions on the workers, as "pid,pid,..|pid,..." */
    private static String loaderBackends(Connection c) throws SQLException {
        try (ResultSet rs = c.createStatement().executeQuery("SELECT string_agg(coalesce(result, ''), '|' ORDER BY nodeport) "
                + "FROM run_command_on_workers($$SELECT string_agg(pid::text, ',' ORDER BY pid) FROM pg_stat_activity "
                + "WHERE application_name = '" + WorkerConnectionPool.APPLICATION_NAME + "'$$)")) {
            rs.next();
            return rs.getString(1).replace("|", "");
        }
    }

    private Connection coordinator() throws SQLException {
        return DriverManager.getConnection(cluster.jdbcUrl(group.name()), "citus", PASSWORD);
    }

    private static long single(Connection c, String sql) throws SQLException {
        try (ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
