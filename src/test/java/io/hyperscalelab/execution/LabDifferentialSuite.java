package io.hyperscalelab.execution;

import static org.assertj.core.api.Assertions.assertThat;

import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.hyperscalelab.cluster.QuickstartLab;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A server group against one plain PostgreSQL holding the same rows, on either cluster
 * ({@link ExecutorDifferentialTest}: the embedded cluster and the portal's executor;
 * {@link RealCitusDifferentialTest}: real Citus): every query must return what PostgreSQL itself
 * returns (values, column names and types), and take the path Citus would take. Rows are compared
 * as sorted lists unless the query's ORDER BY fixes their order; a LIMIT without ORDER BY is
 * compared by its row count only.
 *
 * <p>Where the embedded executor leaves a query to the coordinator's planner, real Citus plans it
 * its own way (recursive planning, pull-up to the coordinator): on real Citus only the router and
 * multi-shard paths are checked. The few tests of what only one cluster does say so and are
 * skipped on the other.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class LabDifferentialSuite {

    private DifferentialLab lab;
    private LearnerSession session;
    private Connection plain;
    /** A user with a handful of events, and two more users on other shards. */
    private long user;
    private long otherUser;
    private long thirdUser;

    @BeforeAll
    void loadBothSides() throws Exception {
        lab = startLab();
        plain = lab.plainPostgres();
        session = lab.session();
        List<List<String>> users = LabCluster.rows(plain, "SELECT user_id FROM github_events GROUP BY user_id "
                + "HAVING count(*) BETWEEN 3 AND 12 ORDER BY user_id LIMIT 40");
        user = Long.parseLong(users.get(0).get(0));
        otherUser = Long.parseLong(users.get(17).get(0));
        thirdUser = Long.parseLong(users.get(39).get(0));
        if (!lab.realCitus()) {
            // events whose distribution value is NULL: PostgreSQL keeps them, as the lab's emulation does (Citus refuses them)
            lab.onBoth("INSERT INTO github_events (event_id, event_type, user_id, created_at, payload) VALUES "
                    + "(1, 'PushEvent', NULL, '2016-12-01 05:30:00', '{\"distinct_size\": 3}'), "
                    + "(2, 'WatchEvent', NULL, '2016-12-01 06:30:00', '{}')");
        }
        lab.onBoth(
                // values that must survive the trip to the coordinator's merge: quotes, backslashes,
                // array punctuation, line breaks, non-Latin text, the word NULL and SQL NULL
                "INSERT INTO github_users (user_id, login) VALUES (-1, E'o''brien \\\\ \"{a,b}\"'), (-2, E'two\\nlines'), "
                        + "(-3, 'ユーザー'), (-4, 'NULL'), (-5, NULL), (-6, ''), (-7, E'o''brien \\\\ \"{a,b}\"')",
                "CREATE TABLE event_kinds (name text, category text)",
                "INSERT INTO event_kinds VALUES ('PushEvent', 'code'), ('CreateEvent', 'code'), ('WatchEvent', 'social'), "
                        + "('IssuesEvent', 'issues'), ('IssueCommentEvent', 'issues'), ('ForkEvent', 'social')",
                "CREATE TABLE bots (login text)",
                "INSERT INTO bots SELECT login FROM github_users WHERE login LIKE '%bot%' OR login LIKE '%test%'");
        try (Connection c = lab.coordinator(); Statement s = c.createStatement()) {
            s.execute("SELECT create_reference_table('event_kinds')");
        }
    }

    /** The server group and the plain PostgreSQL, both loaded with the lab's tables. */
    protected abstract DifferentialLab startLab() throws Exception;

    @AfterAll
    void stop() throws Exception {
        if (session != null) {
            session.close();
        }
        if (plain != null) {
            plain.close();
        }
        if (lab != null) {
            lab.close();
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class TheLabsQueries {

        @Test
        void counts() throws Exception {
            same("SELECT count(*) FROM github_events", ExecutionPath.MULTI_SHARD);
            same("SELECT count(*) FROM github_users;", ExecutionPath.MULTI_SHARD);
        }

        @Test
        void commitsPerHourAndPerMinute() throws Exception {
            assertThat(sameInOrder(QuickstartLab.COMMITS_PER_HOUR, ExecutionPath.MULTI_SHARD).result().rows())
                    .hasSizeGreaterThanOrEqualTo(4);
            assertThat(sameInOrder(QuickstartLab.COMMITS_PER_MINUTE, ExecutionPath.MULTI_SHARD).result().rows())
                    .hasSizeGreaterThan(200);
            sameInOrder(QuickstartLab.COMMITS_PER_HOUR_TO_MASTER, ExecutionPath.MULTI_SHARD);
        }

        @Test
        void topCreatorsJoin() throws Exception {
            String topTwenty = QuickstartLab.TOP_CREATORS;
            // the whole grouping is deterministic as a set; which logins tie for 20th place is not
            same(topTwenty.replace(" LIMIT 20;", ";"), ExecutionPath.MULTI_SHARD);
            ExecutionResult top = session.execute(topTwenty);
            assertThat(top.breakdown().path()).isEqualTo(ExecutionPath.MULTI_SHARD);
            assertThat(column(top.result().rows(), 1)).hasSize(20)
                    .isEqualTo(column(LabCluster.rows(plain, topTwenty), 1));
        }

        @Test
        void singleUserLookupIsARouterQuery() throws Exception {
            ExecutionResult lookup = same(QuickstartLab.singleUserLookup(user), ExecutionPath.ROUTER);
            assertThat(lookup.result().rows()).hasSizeGreaterThanOrEqualTo(3);
        }

        @Test
        void updateRunsOnTheCoordinatorAndChangesTheSameRow() throws Exception {
            String update = QuickstartLab.renameUser(otherUser);
            ExecutionResult updated = session.execute(update);
            int plainCount;
            try (Statement s = plain.createStatement()) {
                plainCount = s.executeUpdate(update);
            }
            assertThat(updated.result().commandTag()).isEqualTo("UPDATE 1");
            assertThat(updated.result().updateCount()).isEqualTo(plainCount).isEqualTo(1);
            assertThat(updated.breakdown().path()).isEqualTo(ExecutionPath.COORDINATOR);
            same("SELECT * FROM github_users WHERE display_login = 'no1youknow'", ExecutionPath.MULTI_SHARD);
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class RouterQueries {

        @Test
        void everyClauseRunsOnTheOneShard() throws Exception {
            sameInOrder("SELECT * FROM github_events WHERE user_id = " + user + " ORDER BY event_id", ExecutionPath.ROUTER);
            same("SELECT event_type, count(*), rank() OVER (ORDER BY count(*) DESC, event_type) FROM github_events "
                    + "WHERE user_id = " + user + " GROUP BY event_type", ExecutionPath.ROUTER);
            same("SELECT DISTINCT ON (event_type) event_type, event_id FROM github_events WHERE " + user
                    + " = user_id ORDER BY event_type, event_id", ExecutionPath.ROUTER);
        }

        @Test
        void aCoLocatedJoinPinnedToOneUser() throws Exception {
            same("SELECT e.event_id, u.login FROM github_events e JOIN github_users u ON e.user_id = u.user_id "
                    + "WHERE e.user_id = " + user, ExecutionPath.ROUTER);
            same("SELECT u.login, count(*) FROM github_events e, github_users u WHERE u.user_id = e.user_id "
                    + "AND u.user_id = " + user + " GROUP BY u.login", ExecutionPath.ROUTER);
        }

        @Test
        void theValueMayBeWrittenAsAStringOrACast() throws Exception {
            same("SELECT count(*) FROM github_events WHERE user_id = '" + user + "'", ExecutionPath.ROUTER);
            same("SELECT count(*) FROM github_events WHERE user_id = " + user + "::bigint", ExecutionPath.ROUTER);
        }

        @Test
        void nullDistributionValuesLiveInTheFirstShard() throws Exception {
            assumeFalse(lab.realCitus(), "Citus refuses NULL in a distribution column");
            ExecutionResult nulls = same("SELECT event_id, event_type FROM github_events WHERE user_id IS NULL",
                    ExecutionPath.ROUTER);
            assertThat(nulls.result().rows()).hasSize(2);
            same("SELECT user_id IS NULL AS anonymous, count(*), count(user_id) FROM github_events GROUP BY 1",
                    ExecutionPath.MULTI_SHARD);
        }

        @Test
        void aContradictionReadsOneShardAndFindsNothing() throws Exception {
            ExecutionResult none = sameAllowingEmpty("SELECT * FROM github_events WHERE user_id = " + user
                    + " AND user_id = " + otherUser, ExecutionPath.ROUTER);
            assertThat(none.result().rows()).isEmpty();
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class MultiShardQueries {

        @Test
        void aggregatesCombineExactly() throws Exception {
            same("SELECT count(DISTINCT user_id), count(DISTINCT event_type), count(user_id) FROM github_events",
                    ExecutionPath.MULTI_SHARD);
            same("SELECT avg(repo_id), min(created_at), max(created_at), sum(repo_id), avg((payload->>'size')::numeric), "
                    + "avg((payload->>'distinct_size')::int), min(event_type), max(user_id) FROM github_events",
                    ExecutionPath.MULTI_SHARD);
            same("SELECT event_type, bool_and(event_public), bool_or(org IS NULL), bit_or(repo_id) FROM github_events "
                    + "GROUP BY 1", ExecutionPath.MULTI_SHARD);
            same("SELECT count(*) FILTER (WHERE event_type = 'PushEvent') AS pushes, sum(repo_id) FILTER (WHERE org IS NOT NULL), "
                    + "avg(repo_id) FILTER (WHERE event_public) FROM github_events", ExecutionPath.MULTI_SHARD);
        }

        @Test
        void groupByAnyExpressionWithHavingAndOrderBy() throws Exception {
            sameInOrder("SELECT event_type, count(*) FROM github_events GROUP BY event_type HAVING count(*) > 500 "
                    + "ORDER BY 2 DESC, 1", ExecutionPath.MULTI_SHARD);
            same("SELECT count(*) FROM github_events GROUP BY date_trunc('hour', created_at)", ExecutionPath.MULTI_SHARD);
            sameInOrder("SELECT repo->>'name' AS repo_name, round(avg(repo_id), 2) AS average, count(*) * 2 AS doubled, "
                    + "max(created_at) - min(created_at) AS span FROM github_events GROUP BY 1 "
                    + "HAVING count(*) > 3 ORDER BY doubled DESC, repo_name LIMIT 25", ExecutionPath.MULTI_SHARD);
            sameInOrder("SELECT extract(hour FROM created_at) AS h, count(DISTINCT repo_id) FROM github_events "
                    + "GROUP BY 1 ORDER BY 1", ExecutionPath.MULTI_SHARD);
            sameInOrder("SELECT DISTINCT count(*) > 1000 AS busy FROM github_events GROUP BY event_type ORDER BY 1",
                    ExecutionPath.MULTI_SHARD);
        }

        @Test
        void groupsOfTheDistributionColumnRunWholeOnTheShards() throws Exception {
            sameInOrder("SELECT user_id, count(*), count(DISTINCT event_type), string_agg(DISTINCT event_type, ',') "
                    + "FROM github_events GROUP BY user_id ORDER BY count(*) DESC, user_id LIMIT 10", ExecutionPath.MULTI_SHARD);
            same("SELECT user_id, percentile_cont(0.5) WITHIN GROUP (ORDER BY repo_id) FROM github_events "
                    + "GROUP BY user_id HAVING count(*) > 20", ExecutionPath.MULTI_SHARD);
        }

        @Test
        void filtersWithJsonbOperators() throws Exception {
            same("SELECT event_id, payload->>'ref' AS ref FROM github_events WHERE payload @> '{\"ref_type\": \"tag\"}'",
                    ExecutionPath.MULTI_SHARD);
            same("SELECT count(*) FROM github_events WHERE payload ? 'commits' OR payload->>'action' = 'started'",
                    ExecutionPath.MULTI_SHARD);
            same("SELECT event_id FROM github_events WHERE (payload #>> '{release,tag_name}') LIKE 'v1.%'",
                    ExecutionPath.MULTI_SHARD);
        }

        @Test
        void orderByWithTiesAndLimit() throws Exception {
            sameInOrder("SELECT event_type, created_at, event_id FROM github_events ORDER BY created_at DESC, event_id LIMIT 15",
                    ExecutionPath.MULTI_SHARD);
            // ties on created_at may come in any order: the times, in order, must match
            String ties = "SELECT created_at, event_id FROM github_events ORDER BY created_at LIMIT 40 OFFSET 5";
            ExecutionResult result = session.execute(ties);
            assertThat(result.breakdown().path()).isEqualTo(ExecutionPath.MULTI_SHARD);
            assertThat(column(result.result().rows(), 0)).isEqualTo(column(LabCluster.rows(plain, ties), 0));
            sameInOrder("SELECT login FROM github_users ORDER BY length(login) DESC, login LIMIT 5", ExecutionPath.MULTI_SHARD);
        }

        @Test
        void limitWithoutOrderByReturnsTheRightNumberOfRows() throws Exception {
            for (String sql : List.of("SELECT * FROM github_events LIMIT 7", "SELECT event_id FROM github_events LIMIT 3 OFFSET 2",
                    "SELECT count(*) FROM github_events GROUP BY event_type LIMIT 2")) {
                ExecutionResult result = session.execute(sql);
                assertThat(result.breakdown().path()).as(sql).isEqualTo(ExecutionPath.MULTI_SHARD);
                assertThat(result.result().rows()).as(sql).hasSameSizeAs(LabCluster.rows(plain, sql)).isNotEmpty();
            }
        }

        @Test
        void awkwardValuesSurviveTheMerge() throws Exception {
            sameInOrder("SELECT login, count(*), min(user_id) FROM github_users WHERE user_id < 0 GROUP BY login "
                    + "ORDER BY login NULLS FIRST", ExecutionPath.MULTI_SHARD);
            sameInOrder("SELECT DISTINCT login FROM github_users WHERE user_id < 0 ORDER BY 1", ExecutionPath.MULTI_SHARD);
        }

        @Test
        void distinctRowsAcrossShards() throws Exception {
            sameInOrder("SELECT DISTINCT event_type FROM github_events ORDER BY event_type", ExecutionPath.MULTI_SHARD);
            same("SELECT DISTINCT org->>'login' AS org FROM github_events WHERE org IS NOT NULL", ExecutionPath.MULTI_SHARD);
        }

        @Test
        void aListOfValuesReadsOnlyTheirShards() throws Exception {
            ExecutionResult result = same("SELECT user_id, count(*) FROM github_events WHERE user_id IN (" + user + ", "
                    + otherUser + ", " + thirdUser + ", NULL) GROUP BY user_id", ExecutionPath.MULTI_SHARD);
            assertThat(result.breakdown().tasks()).hasSizeBetween(2, 3);
        }

        @Test
        void coLocatedJoins() throws Exception {
            same("SELECT count(*) FROM github_events JOIN github_users USING (user_id)", ExecutionPath.MULTI_SHARD);
            same("SELECT count(*) FROM github_users u LEFT JOIN github_events e ON e.user_id = u.user_id "
                    + "WHERE e.event_id IS NULL", ExecutionPath.MULTI_SHARD);
            same("SELECT u.login, e.event_type FROM github_events e JOIN github_users u ON u.user_id = e.user_id "
                    + "WHERE e.event_type = 'ReleaseEvent'", ExecutionPath.MULTI_SHARD);
        }

        @Test
        void joinsWithAReferenceTable() throws Exception {
            sameInOrder("SELECT k.category, count(*) FROM github_events e JOIN event_kinds k ON k.name = e.event_type "
                    + "GROUP BY k.category ORDER BY k.category", ExecutionPath.MULTI_SHARD);
        }

        @Test
        void emptyResults() throws Exception {
            assertThat(sameAllowingEmpty("SELECT * FROM github_events WHERE event_type = 'NoSuchEvent'",
                    ExecutionPath.MULTI_SHARD).result().rows()).isEmpty();
            assertThat(same("SELECT count(*), sum(repo_id), avg(repo_id), max(created_at) FROM github_events "
                    + "WHERE event_type = 'NoSuchEvent'", ExecutionPath.MULTI_SHARD).result().rows())
                    .containsExactly(java.util.Arrays.asList("0", null, null, null));
            assertThat(sameAllowingEmpty("SELECT event_type, count(*) FROM github_events WHERE event_type = 'NoSuchEvent' "
                    + "GROUP BY 1", ExecutionPath.MULTI_SHARD).result().rows()).isEmpty();
        }

        @Test
        void theSessionsSettingsReachTheWorkers() throws Exception {
            assumeFalse(lab.realCitus(), "Citus passes a session's SET on to the workers only inside a transaction block "
                    + "(citus.propagate_set_commands), where the portal's executor passes it always");
            String query = "SELECT date_trunc('day', created_at::timestamptz)::text AS day, count(*) FROM github_events "
                    + "GROUP BY 1 ORDER BY 1";
            try (Statement s = plain.createStatement()) {
                s.execute("SET TimeZone = 'Pacific/Auckland'");
                session.execute("SET TimeZone = 'Pacific/Auckland'");
                sameInOrder(query, ExecutionPath.MULTI_SHARD);
                s.execute("RESET TimeZone");
                session.execute("RESET TimeZone");
            }
            sameInOrder(query, ExecutionPath.MULTI_SHARD);
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class CoordinatorFallback {

        @Test
        void subqueriesCtesAndSetOperations() throws Exception {
            same("SELECT count(*) FROM github_events WHERE user_id IN (SELECT user_id FROM github_users WHERE login LIKE 'a%')",
                    ExecutionPath.COORDINATOR);
            same("WITH busy AS (SELECT user_id, count(*) AS n FROM github_events GROUP BY user_id) "
                    + "SELECT count(*) FROM busy WHERE n > 5", ExecutionPath.COORDINATOR);
            same("SELECT event_type FROM github_events WHERE user_id = " + user + " UNION SELECT 'x'",
                    ExecutionPath.COORDINATOR);
        }

        @Test
        void windowsAndOrderedAggregatesOverSeveralShards() throws Exception {
            same("SELECT user_id, event_id, row_number() OVER (PARTITION BY user_id ORDER BY event_id) "
                    + "FROM github_events WHERE user_id IN (" + user + ", " + otherUser + ")", ExecutionPath.COORDINATOR);
            same("SELECT event_type, percentile_cont(0.5) WITHIN GROUP (ORDER BY repo_id) FROM github_events GROUP BY 1",
                    ExecutionPath.COORDINATOR);
            same("SELECT event_type, string_agg(DISTINCT org->>'login', ',' ORDER BY org->>'login') FROM github_events "
                    + "WHERE org IS NOT NULL GROUP BY 1", ExecutionPath.COORDINATOR);
        }

        @Test
        void joinsThatAreNotOnTheDistributionColumnOrWithLocalTables() throws Exception {
            if (lab.realCitus()) {
                // Citus answers a join on other columns only when it may repartition the rows
                session.execute("SET citus.enable_repartition_joins = on");
            }
            same("SELECT count(*) FROM github_events e JOIN github_users u ON e.repo_id = u.user_id", ExecutionPath.COORDINATOR);
            same("SELECT count(*) FROM github_users u JOIN bots b ON b.login = u.login", ExecutionPath.COORDINATOR);
            same("SELECT name, category FROM event_kinds", ExecutionPath.COORDINATOR);
        }

        @Test
        void insideATransactionBlockTheCoordinatorRunsEverything() throws Exception {
            session.execute("BEGIN");
            try {
                same("SELECT count(*) FROM github_events", ExecutionPath.COORDINATOR);
            } finally {
                session.execute("COMMIT");
            }
            same("SELECT count(*) FROM github_events", ExecutionPath.MULTI_SHARD);
        }

        @Test
        void aFragmentAWorkerCannotRunIsRunByTheCoordinator() throws Exception {
            lab.onBoth("CREATE FUNCTION shout(text) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT upper($1) || '!' $$");
            ExecutionResult result = same("SELECT shout(event_type), count(*) FROM github_events GROUP BY 1",
                    ExecutionPath.COORDINATOR);
            if (!lab.realCitus()) {
                assertThat(result.breakdown().reason()).contains("worker rejected");
            }
        }
    }

    // ------------------------------------------------------------------ comparison

    private ExecutionResult same(String sql, ExecutionPath path) throws Exception {
        ExecutionResult result = compare(sql, path, false);
        assertThat(result.result().rows()).as("plain PostgreSQL returned rows for %s", sql).isNotEmpty();
        return result;
    }

    private ExecutionResult sameAllowingEmpty(String sql, ExecutionPath path) throws Exception {
        return compare(sql, path, false);
    }

    private ExecutionResult sameInOrder(String sql, ExecutionPath path) throws Exception {
        ExecutionResult result = compare(sql, path, true);
        assertThat(result.result().rows()).as("plain PostgreSQL returned rows for %s", sql).isNotEmpty();
        return result;
    }

    /** Same values, names and types as plain PostgreSQL; the path the executor took is the expected one. */
    private ExecutionResult compare(String sql, ExecutionPath path, boolean ordered) throws Exception {
        ExecutionResult result = session.execute(sql);
        List<String> labels = new ArrayList<>();
        List<String> types = new ArrayList<>();
        List<List<String>> expected;
        try (Statement statement = plain.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            ResultSetMetaData meta = rs.getMetaData();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                labels.add(meta.getColumnLabel(i));
                types.add(meta.getColumnTypeName(i));
            }
            expected = new ArrayList<>();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    row.add(rs.getString(i));
                }
                expected.add(row);
            }
        }
        if (!lab.realCitus() || path != ExecutionPath.COORDINATOR) {
            assertThat(result.breakdown().path()).as("path of %s (%s)", sql, result.breakdown().reason()).isEqualTo(path);
        }
        assertThat(result.result().columns()).extracting(ResultColumn::name).as("column names of %s", sql).isEqualTo(labels);
        assertThat(result.result().columns()).extracting(ResultColumn::type).as("column types of %s", sql).isEqualTo(types);
        List<List<String>> actual = result.result().rows();
        if (ordered) {
            assertThat(actual).as(sql).isEqualTo(expected);
        } else {
            assertThat(sorted(actual)).as(sql).isEqualTo(sorted(expected));
        }
        return result;
    }

    private static List<List<String>> sorted(List<List<String>> rows) {
        List<List<String>> copy = new ArrayList<>(rows);
        copy.sort(Comparator.comparing(Object::toString));
        return copy;
    }

    private static List<String> column(List<List<String>> rows, int index) {
        List<String> values = new ArrayList<>();
        rows.forEach(row -> values.add(row.get(index)));
        return values;
    }
}
