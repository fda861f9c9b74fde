package io.hyperscalelab.psql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hyperscalelab.breakdown.BreakdownHistory;
import io.hyperscalelab.breakdown.RanStatement;
import io.hyperscalelab.cluster.EmbeddedCluster;
import io.hyperscalelab.cluster.ServerGroup;
import io.hyperscalelab.cluster.TestClusters;
import io.hyperscalelab.execution.DistributedExecutor;
import io.hyperscalelab.execution.ExecutionPath;
import io.hyperscalelab.shell.ExecutorRoutes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The emulated psql against Debian's psql 15 on a server group: describe commands on
 * distributed tables (partitioned tables of foreign shards), the Citus views, and a
 * {@code \copy} that the emulation sends through the sharded loader; once with statements straight
 * to the coordinator, once through the distributed executor as the portal's Cloud Shell sends them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PsqlDistributedTablesTest {

    private static final String PASSWORD = "Lab-Passw0rd!";

    private EmbeddedCluster cluster;
    private ServerGroup group;
    private Path home;
    private String connection;

    @BeforeAll
    void start() throws Exception {
        var properties = TestClusters.freshProperties("psql-dist");
        cluster = new EmbeddedCluster(properties);
        group = cluster.create("psql-dist", 2, PASSWORD);
        home = Files.createDirectories(properties.dataDirectory().resolve("home"));
        connection = "host=127.0.0.1 port=" + group.coordinator().port() + " dbname=citus user=citus";
        StringBuilder csv = new StringBuilder();
        for (int i = 1; i <= 50; i++) {
            csv.append(i).append(",https://api.github.com/users/u").append(i).append(",u").append(i).append(",,,u").append(i).append('\n');
        }
        Files.writeString(home.resolve("users.csv"), csv);
    }

    @AfterAll
    void stop() {
        if (cluster != null) {
            cluster.groups().forEach(g -> cluster.delete(g.name()));
            cluster.close();
        }
    }

    private static final List<String> LINES = List.of(
            "CREATE TABLE github_users (user_id bigint, url text, login text, avatar_url text, gravatar_id text, display_login text);",
            "CREATE INDEX login_index ON github_users (login);",
            "SELECT create_distributed_table('github_users', 'user_id');",
            "\\copy github_users from 'users.csv' WITH CSV",
            "SELECT count(*) FROM github_users;",
            "SELECT login FROM github_users WHERE user_id = 7;",
            "SELECT user_id % 3 AS r, count(*), min(login) FROM github_users GROUP BY 1 ORDER BY 1;",
            "\\dt",
            "\\d",
            "\\d github_users",
            "\\d+ github_users",
            "\\di",
            "SELECT table_name, citus_table_type, distribution_column, shard_count, table_owner FROM citus_tables;",
            "SELECT nodename, nodeport > 0 AS has_port FROM citus_shards ORDER BY shardid LIMIT 3;",
            "\\x",
            "SELECT * FROM github_users WHERE user_id = 3;",
            "\\x",
            "SELECT 1/0 FROM github_users;",
            "BEGIN;",
            "SELECT count(*) FROM github_users WHERE login LIKE 'u1%';",
            "COMMIT;",
            "DROP TABLE github_users;");

    private String realPsql;

    @Test
    void distributedTablesLookTheSame() throws Exception {
        assertSameAsRealPsql("distributed", new PgJdbcBackend(HostDirectory.loopbackOnly(), null));
    }

    /** The portal's Cloud Shell route: every statement through the distributed executor, on psql's own connection. */
    @Test
    void distributedTablesLookTheSameThroughTheExecutor() throws Exception {
        BreakdownHistory history = new BreakdownHistory();
        try (DistributedExecutor executor = new DistributedExecutor()) {
            assertSameAsRealPsql("distributed-executor", new PgJdbcBackend(HostDirectory.loopbackOnly(), null,
                    new ExecutorRoutes(cluster, executor, history)));
        }
        assertThat(history.recent(group.name())).extracting(RanStatement::sql).contains(
                "SELECT count(*) FROM github_users;", "SELECT login FROM github_users WHERE user_id = 7;");
        assertThat(history.recent(group.name())).filteredOn(r -> r.sql().startsWith("SELECT user_id % 3"))
                .extracting(r -> r.breakdown().path()).containsExactly(ExecutionPath.MULTI_SHARD);
    }

    private void assertSameAsRealPsql(String name, SqlBackend backend) throws Exception {
        String expected = realPsql();
        dropTable();
        String actual = shardIds(PsqlDifferentialTest.normalise(EmulatedPsql.transcript(connection + " password=" + PASSWORD, LINES,
                backend, home)));
        Path out = Files.createDirectories(Path.of("target", "psql-differences"));
        Files.writeString(out.resolve(name + ".psql.txt"), expected);
        Files.writeString(out.resolve(name + ".emulated.txt"), actual);
        assertEquals(expected, actual);
    }

    private synchronized String realPsql() throws Exception {
        if (realPsql == null) {
            dropTable();
            realPsql = shardIds(PsqlDifferentialTest.normalise(RealPsql.transcript(connection, PASSWORD, LINES, home)));
        }
        return realPsql;
    }

    private void dropTable() throws Exception {
        try (Connection c = DriverManager.getConnection(cluster.jdbcUrl(group.name()), "citus", PASSWORD);
             Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS github_users");
        }
    }

    /** The second run's table gets new shard ids; they are the cluster's, not psql's. */
    private static String shardIds(String screen) {
        return screen.replaceAll("github_users_1\\d{5}", "github_users_SHARD");
    }
}
