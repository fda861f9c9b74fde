package io.hyperscalelab.cluster;

import static io.hyperscalelab.cluster.SqlRows.execute;
import static io.hyperscalelab.cluster.SqlRows.rows;
import static io.hyperscalelab.cluster.SqlRows.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.postgresql.PGConnection;

/**
 * The PostgreSQL versions the form offers: each really runs, side by side on one machine, and
 * the lab's queries give the same answers on every one of them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresVersionsTest {

    private static final String PASSWORD = "Lab-Passw0rd!";
    private static final String QUERY = """
            SELECT gu.login, count(*), min(ge.created_at)::text
            FROM github_events ge JOIN github_users gu ON ge.user_id = gu.user_id
            GROUP BY gu.login ORDER BY count(*) DESC, gu.login""";

    private ClusterProperties properties;
    private EmbeddedCluster cluster;
    /** Group name by major version. */
    private final Map<Integer, String> groups = new LinkedHashMap<>();

    @BeforeAll
    void createAGroupOfEveryVersion() throws Exception {
        properties = TestClusters.freshProperties("versions");
        cluster = new EmbeddedCluster(properties);
        for (int version : cluster.availablePostgresVersions()) {
            String name = "pg" + version + "-lab";
            cluster.create(new ServerGroupSpec(name, 2, PASSWORD, version, Firewall.thisMachine()));
            groups.put(version, name);
            try (Connection c = connect(name)) {
                for (String sql : Stream.of(QuickstartLab.CREATE_TABLES, QuickstartLab.CREATE_INDEXES, QuickstartLab.DISTRIBUTE)
                        .flatMap(List::stream).toList()) {
                    execute(c, sql);
                }
                load(c);
            }
        }
    }

    @AfterAll
    void deleteGroups() {
        TestClusters.deleteGroupsAndClose(cluster);
    }

    @Test
    void theFormOffers17And18AndDefaultsToTheNewest() {
        assertThat(cluster.availablePostgresVersions()).containsExactly(17, 18);
        assertThat(cluster.postgresMajorVersion()).isEqualTo(18);
    }

    @Test
    void eachGroupRunsItsVersionAndRecordsIt() throws Exception {
        for (Map.Entry<Integer, String> group : groups.entrySet()) {
            ServerGroup stored = cluster.group(group.getValue()).orElseThrow();
            assertThat(stored.postgresMajorVersion()).isEqualTo(group.getKey());
            assertThat(stored.postgresVersion()).startsWith(group.getKey() + ".");
            assertThat(cluster.status(group.getValue()).values()).containsOnly(NodeStatus.AVAILABLE);
            for (ServerGroupNode node : stored.nodes()) {
                try (Connection c = cluster.superuserConnection(group.getValue(), node)) {
                    assertThat(value(c, "SELECT current_setting('server_version_num')::int / 10000"))
                            .as(node.name()).isEqualTo(String.valueOf(group.getKey()));
                }
            }
        }
    }

    @Test
    void everyVersionAnswersTheLabsQueriesAlike() throws Exception {
        Map<Integer, List<String>> answers = new LinkedHashMap<>();
        for (Map.Entry<Integer, String> group : groups.entrySet()) {
            try (Connection c = connect(group.getValue())) {
                assertThat(value(c, "SELECT count(*) FROM github_events")).isEqualTo("6");
                assertThat(rows(c, "SELECT table_name, shard_count FROM citus_tables ORDER BY 1"))
                        .containsExactly("github_events | 32", "github_users | 32");
                assertThat(value(c, "SELECT count(DISTINCT nodeport) FROM citus_shards")).isEqualTo("2");
                answers.put(group.getKey(), rows(c, QUERY));
            }
        }
        assertThat(answers.get(17)).isNotEmpty().isEqualTo(answers.get(18));
    }

    @Test
    void eachVersionHasItsOwnTemplatesAndBinaries() throws Exception {
        try (Stream<Path> templates = Files.list(properties.dataDirectory().resolve("templates"))) {
            List<String> names = templates.map(p -> p.getFileName().toString()).filter(n -> !n.endsWith(".building")).toList();
            assertThat(names).anyMatch(n -> n.startsWith("pg17.")).anyMatch(n -> n.startsWith("pg18."));
        }
        assertThat(properties.dataDirectory().resolve("binaries").resolve(PostgresBinaries.shipped().get(17)).resolve("bin/postgres"))
                .isExecutable();
    }

    @Test
    void aVersionTheProductDoesNotShipIsAClearErrorAndLeavesNothing() {
        assertThatThrownBy(() -> cluster.create(new ServerGroupSpec("pg16-lab", 2, PASSWORD, 16, Firewall.NO_ACCESS)))
                .isInstanceOf(ClusterException.class)
                .hasMessage("PostgreSQL 16 is not available. Choose one of: 17, 18.");
        assertThat(cluster.group("pg16-lab")).isEmpty();
        assertThat(properties.dataDirectory().resolve("groups/pg16-lab")).doesNotExist();
    }

    private Connection connect(String group) throws Exception {
        return DriverManager.getConnection(cluster.jdbcUrl(group), "citus", PASSWORD);
    }

    private static void load(Connection c) throws Exception {
        var copy = c.unwrap(PGConnection.class).getCopyAPI();
        copy.copyIn("COPY github_users (user_id, login) FROM STDIN WITH CSV", new StringReader("""
                1,ada
                2,grace
                3,linus
                """));
        copy.copyIn("COPY github_events (event_id, event_type, user_id, payload, created_at) FROM STDIN WITH CSV", new StringReader("""
                10,PushEvent,1,"{""distinct_size"": 2}",2015-01-01 00:00:01
                11,CreateEvent,1,"{""ref_type"": ""repository""}",2015-01-01 00:10:00
                12,PushEvent,2,"{""distinct_size"": 1}",2015-01-01 01:00:00
                13,PushEvent,3,"{""distinct_size"": 5}",2015-01-01 01:30:00
                14,CreateEvent,3,"{""ref_type"": ""branch""}",2015-01-01 02:00:00
                15,PushEvent,3,"{""distinct_size"": 3}",2015-01-01 02:30:00
                """));
    }
}
