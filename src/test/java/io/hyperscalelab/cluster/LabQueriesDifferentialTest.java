package io.hyperscalelab.cluster;

import static io.hyperscalelab.cluster.SqlRows.execute;
import static io.hyperscalelab.cluster.SqlRows.longValue;
import static io.hyperscalelab.cluster.SqlRows.rows;
import static io.hyperscalelab.cluster.SqlRows.sortedRows;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.postgresql.PGConnection;

/**
 * The lab's queries on a server group and on one plain PostgreSQL holding the same rows: a
 * distributed query must return exactly what PostgreSQL itself returns. Rows are compared
 * sorted, because ORDER BY leaves ties in any order (the lab's own screenshots differ there).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LabQueriesDifferentialTest {

    private static final String GROUP = "lab-diff";
    private static final String PASSWORD = "Lab-Passw0rd!";

    private EmbeddedCluster cluster;
    private PlainPostgres plainPostgres;
    private Connection onCluster;
    private Connection onPlainPostgres;

    @BeforeAll
    void startBothAndLoadTheSameData() throws Exception {
        ClusterProperties properties = TestClusters.freshProperties("lab-diff");
        cluster = new EmbeddedCluster(properties);
        cluster.create(GROUP, 2, PASSWORD);
        plainPostgres = PlainPostgres.start(properties, "plain-postgres");
        onPlainPostgres = plainPostgres.connect();
        onCluster = DriverManager.getConnection(cluster.jdbcUrl(GROUP), "citus", PASSWORD);

        for (String sql : Stream.of(QuickstartLab.CREATE_TABLES, QuickstartLab.CREATE_INDEXES).flatMap(List::stream).toList()) {
            execute(onPlainPostgres, sql);
            execute(onCluster, sql);
        }
        for (String sql : QuickstartLab.DISTRIBUTE) {
            execute(onCluster, sql);
        }
        generateLabLikeData(onPlainPostgres);
        copyTable("github_users");
        copyTable("github_events");
        for (Connection c : List.of(onPlainPostgres, onCluster)) {
            execute(c, "ANALYZE github_users", "ANALYZE github_events");
        }
    }

    @AfterAll
    void stopBoth() throws Exception {
        for (Connection c : new Connection[] {onCluster, onPlainPostgres}) {
            if (c != null) {
                c.close();
            }
        }
        if (plainPostgres != null) {
            plainPostgres.close();
        }
        TestClusters.deleteGroupsAndClose(cluster);
    }

    @Test
    void tablesHoldTheSameRows() throws Exception {
        assertSameResult("SELECT count(*) FROM github_events");
        assertSameResult("SELECT count(*) FROM github_users");
        assertThat(longValue(onCluster, "SELECT count(*) FROM github_events")).isGreaterThan(10_000);
    }

    @Test
    void commitsPerHourAndPerMinute() throws Exception {
        assertSameResult(QuickstartLab.COMMITS_PER_HOUR);
        assertSameResult(QuickstartLab.COMMITS_PER_MINUTE);
        assertSameResult(QuickstartLab.COMMITS_PER_HOUR_TO_MASTER);
        assertThat(rows(onCluster, QuickstartLab.COMMITS_PER_HOUR)).hasSize(4);
    }

    @Test
    void topCreatorsJoinOfTheColocatedTables() throws Exception {
        // the whole GROUP BY, which is deterministic as a set
        String withoutLimit = QuickstartLab.TOP_CREATORS.replace(" LIMIT 20;", ";");
        assertSameResult(withoutLimit);
        assertThat(rows(onCluster, withoutLimit)).hasSizeGreaterThan(20);
        // the lab's LIMIT 20: which logins tie at the last count is arbitrary, the counts are not
        String countsOfTopTwenty = "SELECT count FROM (" + QuickstartLab.TOP_CREATORS.replace(";", "") + ") top";
        assertThat(sortedRows(onCluster, countsOfTopTwenty)).hasSize(20).isEqualTo(sortedRows(onPlainPostgres, countsOfTopTwenty));
    }

    @Test
    void singleUserLookupAndUpdate() throws Exception {
        long userId = longValue(onPlainPostgres,
                "SELECT user_id FROM github_events GROUP BY user_id HAVING count(*) BETWEEN 4 AND 10 ORDER BY user_id LIMIT 1");
        assertSameResult(QuickstartLab.singleUserLookup(userId));

        int updatedOnCluster;
        int updatedOnPlain;
        try (Statement clusterStatement = onCluster.createStatement(); Statement plainStatement = onPlainPostgres.createStatement()) {
            updatedOnCluster = clusterStatement.executeUpdate(QuickstartLab.renameUser(userId));
            updatedOnPlain = plainStatement.executeUpdate(QuickstartLab.renameUser(userId));
        }
        assertThat(updatedOnCluster).isEqualTo(updatedOnPlain).isEqualTo(1);
        assertSameResult("SELECT * FROM github_users WHERE user_id = " + userId);
        assertSameResult("SELECT count(*) FROM github_users WHERE display_login = 'no1youknow'");
    }

    @Test
    void aggregatesFiltersAndHaving() throws Exception {
        assertSameResult("SELECT count(DISTINCT user_id) FROM github_events");
        assertSameResult("SELECT avg(repo_id), min(created_at), max(created_at), avg((payload->>'distinct_size')::int), "
                + "min(event_id), max(event_id) FROM github_events");
        assertSameResult("SELECT event_id, user_id FROM github_events WHERE payload->>'ref_type' = 'tag'");
        assertSameResult("SELECT org->>'login', count(*) FROM github_events WHERE org IS NOT NULL GROUP BY 1");
        assertSameResult("SELECT count(*) FROM github_events WHERE org IS NULL");
        assertSameResult("SELECT event_type, count(*) FROM github_events GROUP BY event_type HAVING count(*) > 3000");
        assertThat(rows(onCluster, "SELECT event_type FROM github_events GROUP BY event_type HAVING count(*) > 3000"))
                .as("the HAVING filter keeps some groups and drops others").hasSizeBetween(1, 5);
    }

    /** Both sides, as multisets of rows; also guards against a comparison of two empty results. */
    private void assertSameResult(String sql) throws SQLException {
        List<String> expected = sortedRows(onPlainPostgres, sql);
        assertThat(expected).as("plain PostgreSQL returned no rows for %s", sql).isNotEmpty();
        assertThat(sortedRows(onCluster, sql)).as(sql).isEqualTo(expected);
    }

    /**
     * Rows shaped like the lab's events.csv and users.csv (appendix D of the engine study, scaled
     * down): 2016-12-01 05:00 to 08:59, user ids skewed towards a few busy users, PushEvents with
     * distinct_size and a ref, CreateEvents with ref_type repository/branch/tag, org mostly NULL.
     * setseed makes the data the same on every run.
     */
    private static void generateLabLikeData(Connection c) throws SQLException {
        execute(c, "SELECT setseed(0.42)", """
                INSERT INTO github_users
                SELECT u, 'https://api.github.com/users/' || login, login, 'https://avatars.githubusercontent.com/u/' || u || '?', '', login
                FROM generate_series(1, 3000) u,
                     LATERAL (SELECT (ARRAY['dev','octo','code','hack','ops','data','web','cloud'])[1 + u % 8]
                                     || '-' || substr(md5(u::text), 1, 6) AS login) l""", """
                INSERT INTO github_events
                SELECT 4950000000 + i, event_type, r2 > 0.02, repo_id,
                       CASE event_type
                         WHEN 'PushEvent' THEN jsonb_build_object('push_id', 1440000000 + i, 'size', size,
                              'distinct_size', greatest(0, size - floor(r2 * 2)::int),
                              'ref', CASE WHEN r2 < 0.8 THEN 'refs/heads/master' ELSE 'refs/heads/feature-' || (i % 97) END)
                         WHEN 'CreateEvent' THEN jsonb_build_object('ref', CASE WHEN r2 < 0.3 THEN NULL ELSE 'branch-' || (i % 311) END,
                              'ref_type', CASE WHEN r2 < 0.3 THEN 'repository' WHEN r2 < 0.85 THEN 'branch' ELSE 'tag' END,
                              'master_branch', 'master', 'pusher_type', 'user')
                         WHEN 'WatchEvent' THEN jsonb_build_object('action', 'started')
                         WHEN 'ReleaseEvent' THEN jsonb_build_object('action', 'published',
                              'release', jsonb_build_object('tag_name', 'v' || (i % 9) || '.' || (i % 13)))
                         ELSE jsonb_build_object('action', CASE WHEN r2 < 0.6 THEN 'opened' ELSE 'closed' END, 'number', 1 + i % 3000)
                       END,
                       jsonb_build_object('id', repo_id, 'name', 'org' || (repo_id % 500) || '/repo' || repo_id),
                       user_id,
                       CASE WHEN r2 < 0.2 THEN jsonb_build_object('id', 1000 + repo_id % 500, 'login', 'org' || (repo_id % 500)) END,
                       created_at
                FROM (SELECT i, 1 + floor(3000 * power(random(), 2))::bigint AS user_id,
                             1 + floor(random() * 20000)::bigint AS repo_id,
                             timestamp '2016-12-01 05:00:00' + floor(random() * 14400) * interval '1 second' AS created_at,
                             1 + floor(random() * 5)::int AS size, random() AS r2,
                             (ARRAY['PushEvent', 'PushEvent', 'PushEvent', 'PushEvent', 'CreateEvent', 'CreateEvent',
                                    'WatchEvent', 'IssuesEvent', 'ReleaseEvent', 'PullRequestEvent'])[1 + floor(random() * 10)::int] AS event_type
                      FROM generate_series(1, 20000) i) base""");
    }

    /** COPY out of plain PostgreSQL and into the coordinator, which routes each row to its shard. */
    private void copyTable(String table) throws Exception {
        ByteArrayOutputStream rows = new ByteArrayOutputStream();
        onPlainPostgres.unwrap(PGConnection.class).getCopyAPI().copyOut("COPY " + table + " TO STDOUT", rows);
        long copied = onCluster.unwrap(PGConnection.class).getCopyAPI()
                .copyIn("COPY " + table + " FROM STDIN", new ByteArrayInputStream(rows.toByteArray()));
        assertThat(copied).as(table).isEqualTo(longValue(onPlainPostgres, "SELECT count(*) FROM " + table));
    }
}
