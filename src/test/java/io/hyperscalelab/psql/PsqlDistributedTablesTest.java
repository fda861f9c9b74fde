package io.hyperscalelab.psql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hyperscalelab.cluster.EmbeddedCluster;
import io.hyperscalelab.cluster.ServerGroup;
import io.hyperscalelab.cluster.TestClusters;
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
 * {@code \copy} that the emulation sends through the sharded loader.
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

    @Test
    void distributedTablesLookTheSame() throws Exception {
        List<String> lines = List.of(
                "CREATE TABLE github_users (user_id bigint, url text, login text, avatar_url text, gravatar_id text, display_login text);",
                "CREATE INDEX login_index ON github_users (login);",
                "SELECT create_distributed_table('github_users', 'user_id');",
                "\\copy github_users from 'users.csv' WITH CSV",
                "SELECT count(*) FROM github_users;",
                "SELECT login FROM github_users WHERE user_id = 7;",
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
                "DROP TABLE github_users;");
        String expected = shardIds(PsqlDifferentialTest.normalise(RealPsql.transcript(connection, PASSWORD, lines, home)));
        try (Connection c = DriverManager.getConnection(cluster.jdbcUrl(group.name()), "citus", PASSWORD);
             Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS github_users");
        }
        String actual = shardIds(PsqlDifferentialTest.normalise(EmulatedPsql.transcript(connection + " password=" + PASSWORD, lines,
                new PgJdbcBackend(HostDirectory.loopbackOnly(), null), home)));
        Path out = Files.createDirectories(Path.of("target", "psql-differences"));
        Files.writeString(out.resolve("distributed.psql.txt"), expected);
        Files.writeString(out.resolve("distributed.emulated.txt"), actual);
        assertEquals(expected, actual);
    }

    /** The second run's table gets new shard ids; they are the cluster's, not psql's. */
    private static String shardIds(String screen) {
        return screen.replaceAll("github_users_1\\d{5}", "github_users_SHARD");
    }
}
