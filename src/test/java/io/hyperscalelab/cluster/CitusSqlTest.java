package io.hyperscalelab.cluster;

import static io.hyperscalelab.cluster.SqlRows.execute;
import static io.hyperscalelab.cluster.SqlRows.longValue;
import static io.hyperscalelab.cluster.SqlRows.rows;
import static io.hyperscalelab.cluster.SqlRows.serverError;
import static io.hyperscalelab.cluster.SqlRows.sortedRows;
import static io.hyperscalelab.cluster.SqlRows.value;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.postgresql.util.ServerErrorMessage;

/**
 * Citus' SQL interface as a learner meets it: over JDBC, as the non-superuser {@code citus},
 * on one server group with two workers. The lab's own tables are set up once, first, so that
 * their shard ids are the ones Azure shows (102008 on); every other test uses tables of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CitusSqlTest {

    static final String GROUP = "citus-sql";
    static final String PASSWORD = "Lab-Passw0rd!";
    /** Citus' first shard id on a new cluster. */
    private static final long FIRST_SHARD_ID = 102008;
    private static final int DEFAULT_SHARD_COUNT = 32;
    /** Citus splits the int32 hash space evenly: 2^32 / 32 values per shard. */
    private static final long HASH_RANGE_PER_SHARD = (1L << 32) / DEFAULT_SHARD_COUNT;

    EmbeddedCluster cluster;
    private List<Integer> workerPorts;

    /** The PostgreSQL major version the group runs; a subclass runs the same suite on another. */
    int postgresVersion(EmbeddedCluster cluster) {
        return cluster.postgresMajorVersion();
    }

    @BeforeAll
    void createGroupAndRunTheLabSetup() throws Exception {
        cluster = new EmbeddedCluster(TestClusters.freshProperties("citus-sql"));
        ServerGroup group = cluster.create(new ServerGroupSpec(GROUP, 2, PASSWORD, postgresVersion(cluster), Firewall.thisMachine()));
        workerPorts = group.workers().stream().map(ServerGroupNode::port).toList();
        try (Connection c = connect()) {
            for (String sql : Stream.of(QuickstartLab.CREATE_TABLES, QuickstartLab.CREATE_INDEXES, QuickstartLab.DISTRIBUTE)
                    .flatMap(List::stream).toList()) {
                execute(c, sql);
            }
        }
    }

    @AfterAll
    void deleteGroup() {
        TestClusters.deleteGroupsAndClose(cluster);
    }

    // ---------------------------------------------------------------- the lab's tables

    @Test
    void labTablesAreDistributedAndColocatedWith32ShardsEach() throws Exception {
        try (Connection c = connect()) {
            assertThat(rows(c, """
                    SELECT table_name, citus_table_type, distribution_column, shard_count, table_owner, access_method,
                           table_size IS NOT NULL
                    FROM citus_tables WHERE table_name::text IN ('github_events', 'github_users') ORDER BY 1"""))
                    .containsExactly("github_events | distributed | user_id | 32 | citus | heap | t",
                            "github_users | distributed | user_id | 32 | citus | heap | t");
            assertThat(rows(c, """
                    SELECT DISTINCT colocation_id FROM citus_tables
                    WHERE table_name::text IN ('github_events', 'github_users')""")).hasSize(1);
        }
    }

    @Test
    void labShardsHaveCitusIdsAndNamesAndAlternateBetweenTheWorkers() throws Exception {
        // events first, as in the lab: github_events gets 102008..102039, github_users 102040..102071
        List<String> expected = new ArrayList<>();
        for (String table : List.of("github_events", "github_users")) {
            long firstShard = FIRST_SHARD_ID + (table.equals("github_events") ? 0 : DEFAULT_SHARD_COUNT);
            for (int index = 0; index < DEFAULT_SHARD_COUNT; index++) {
                long shardId = firstShard + index;
                expected.add(table + " | " + shardId + " | " + table + "_" + shardId + " | " + workerPorts.get(index % 2));
            }
        }
        try (Connection c = connect()) {
            List<String> shards = rows(c, """
                    SELECT table_name, shardid, shard_name, nodeport FROM citus_shards
                    WHERE table_name::text IN ('github_events', 'github_users') ORDER BY shardid""");

            assertThat(shards).hasSize(64).containsExactlyElementsOf(expected);
            // co-location: shard i of both tables lives on the same node, so the join on user_id stays local
            assertThat(nodePortByShardIndex(c, "github_users")).isEqualTo(nodePortByShardIndex(c, "github_events"));
        }
    }

    @Test
    void shardRangesAreCitusHashRanges() throws Exception {
        List<String> expected = new ArrayList<>();
        for (int index = 0; index < DEFAULT_SHARD_COUNT; index++) {
            long min = Integer.MIN_VALUE + index * HASH_RANGE_PER_SHARD;
            long max = index == DEFAULT_SHARD_COUNT - 1 ? Integer.MAX_VALUE : min + HASH_RANGE_PER_SHARD - 1;
            expected.add(min + " | " + max);
        }
        try (Connection c = connect()) {
            for (String table : List.of("github_events", "github_users")) {
                assertThat(rows(c, "SELECT shardminvalue, shardmaxvalue FROM pg_dist_shard WHERE logicalrelid = '"
                        + table + "'::regclass ORDER BY shardid")).as(table).containsExactlyElementsOf(expected);
            }
        }
    }

    @Test
    void labIndexesExistOnEveryShard() throws Exception {
        try (Connection c = connect()) {
            // 32 shards over 2 workers: 16 shard indexes of each kind per worker
            assertThat(onWorkers(c, "SELECT count(*) FROM pg_indexes WHERE indexname LIKE 'event_type_index_%'"))
                    .containsExactly("t | 16", "t | 16");
            assertThat(onWorkers(c, "SELECT count(*) FROM pg_indexes WHERE indexname LIKE 'payload_index_%'"))
                    .containsExactly("t | 16", "t | 16");
        }
    }

    @Test
    void insertCountsAndAnUpdateByUserIdTouchesOneShard() throws Exception {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            long before = longValue(c, "SELECT count(*) FROM github_events");
            int inserted = s.executeUpdate("""
                    INSERT INTO github_events (event_id, event_type, user_id, payload, created_at)
                    SELECT 7000000 + g, 'PushEvent', 1 + g % 100, '{"distinct_size": 1}', timestamp '2016-12-01 05:00' + g * interval '1 s'
                    FROM generate_series(1, 1000) g""");
            assertThat(inserted).isEqualTo(1000);
            assertThat(longValue(c, "SELECT count(*) FROM github_events")).isEqualTo(before + 1000);

            String shardOf42 = "github_events_" + value(c, "SELECT get_shard_id_for_distribution_column('github_events', 42)");
            List<String> selectPlan = rows(c, "EXPLAIN (COSTS OFF) SELECT * FROM github_events WHERE user_id = 42");
            assertThat(selectPlan).filteredOn(line -> line.contains("Foreign Scan")).hasSize(1);
            assertThat(shardNamesIn(selectPlan)).containsExactly(shardOf42);
            // postgres_fdw sends the whole UPDATE to the shard: the plan reads "Foreign Update", not "Foreign Scan"
            List<String> updatePlan = rows(c, "EXPLAIN (COSTS OFF) UPDATE github_events SET event_public = true WHERE user_id = 42");
            assertThat(shardNamesIn(updatePlan)).as(String.join("\n", updatePlan)).containsExactly(shardOf42);

            long rowsOf42 = longValue(c, "SELECT count(*) FROM github_events WHERE user_id = 42");
            assertThat(rowsOf42).isPositive();
            assertThat(s.executeUpdate("UPDATE github_events SET event_public = true WHERE user_id = 42")).isEqualTo(rowsOf42);
        }
    }

    @Test
    void shardIdForADistributionValueIsTheShardThatHoldsTheRow() throws Exception {
        try (Connection c = connect()) {
            execute(c, "INSERT INTO github_events (event_id, event_type, user_id) VALUES (8000001, 'ShardProbe', 42)");
            String shardId = value(c, "SELECT get_shard_id_for_distribution_column('github_events', 42)");
            // "+ 0" keeps the planner from pruning by the same hash that is under test
            assertThat(rows(c, "SELECT DISTINCT tableoid::regclass::text FROM github_events WHERE user_id + 0 = 42"))
                    .singleElement().asString().endsWith("_" + shardId);
            // and on the worker itself, only that shard has the row
            assertThat(rows(c, "SELECT shardid FROM run_command_on_shards('github_events', "
                    + "'SELECT count(*) FROM %s WHERE user_id = 42') WHERE result <> '0'")).containsExactly(shardId);

            execute(c, "CREATE TABLE accounts (email text, name text)",
                    "SELECT create_distributed_table('accounts', 'email')",
                    "INSERT INTO accounts VALUES ('hi@test.com', 'Hi')");
            String holder = value(c, "SELECT tableoid::regclass::text FROM accounts WHERE email || '' = 'hi@test.com'");
            // an untyped literal, as in the Azure tutorial, and a typed one
            assertThat(holder).endsWith("_" + value(c, "SELECT get_shard_id_for_distribution_column('accounts', 'hi@test.com')"));
            assertThat(holder).endsWith("_" + value(c, "SELECT get_shard_id_for_distribution_column('accounts', 'hi@test.com'::text)"));
        }
    }

    @Test
    void shardOfAKeyFollowsCitusDocumentedHashAlgorithm() throws Exception {
        // 1000 small keys and 1000 spread over the whole bigint range, negative ones included
        String keys = "(SELECT g::bigint AS k FROM generate_series(1, 1000) g "
                + "UNION ALL SELECT g * -9223372036854775 FROM generate_series(1, 1000) g) keys";
        try (Connection c = connect()) {
            List<String> emulated = rows(c, "SELECT k, get_shard_id_for_distribution_column('github_events', k) - "
                    + "(SELECT min(shardid) FROM pg_dist_shard WHERE logicalrelid = 'github_events'::regclass) FROM " + keys + " ORDER BY k");
            // Citus: hash the value with the type's hash function, then split the int32 range into equal parts
            List<String> documented = rows(c, "SELECT k, floor((hashint8(k)::bigint + 2147483648) / 134217728.0)::int FROM "
                    + keys + " ORDER BY k");

            assertThat(emulated).hasSize(2000).isEqualTo(documented);
            assertThat(documented.stream().map(row -> row.substring(row.indexOf('|'))).distinct()).hasSize(DEFAULT_SHARD_COUNT);
        }
    }

    // ---------------------------------------------------------------- DDL propagation

    @Test
    void createAndDropIndexReachEveryShard() throws Exception {
        try (Connection c = connect()) {
            execute(c, "CREATE TABLE notes (id bigint, body text)", "SELECT create_distributed_table('notes', 'id')");
            String countIndexes = "SELECT count(*) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
                    + "WHERE i.indrelid = '%s'::regclass AND c.relname ~ '^notes_body_index_'";

            execute(c, "CREATE INDEX notes_body_index ON notes (body)");
            assertThat(onShards(c, "notes", countIndexes)).hasSize(DEFAULT_SHARD_COUNT).containsOnly("t | 1");

            execute(c, "DROP INDEX notes_body_index");
            assertThat(onShards(c, "notes", countIndexes)).hasSize(DEFAULT_SHARD_COUNT).containsOnly("t | 0");
        }
    }

    @Test
    void addRenameAndDropColumnReachEveryShard() throws Exception {
        try (Connection c = connect()) {
            execute(c, "CREATE TABLE profiles (id bigint, name text)",
                    "SELECT create_distributed_table('profiles', 'id', shard_count => 4)",
                    "INSERT INTO profiles VALUES (1, 'one')");

            execute(c, "ALTER TABLE profiles ADD COLUMN age int", "INSERT INTO profiles (id, name, age) VALUES (2, 'two', 22)");
            assertThat(rows(c, "SELECT id, name, age FROM profiles ORDER BY id")).containsExactly("1 | one | null", "2 | two | 22");

            execute(c, "ALTER TABLE profiles RENAME COLUMN age TO years", "INSERT INTO profiles (id, name, years) VALUES (3, 'three', 33)");
            assertThat(rows(c, "SELECT id, years FROM profiles ORDER BY id")).containsExactly("1 | null", "2 | 22", "3 | 33");
            assertThat(onShards(c, "profiles", "SELECT string_agg(attname, ',' ORDER BY attnum) FROM pg_attribute "
                    + "WHERE attrelid = '%s'::regclass AND attnum > 0 AND NOT attisdropped")).containsOnly("t | id,name,years");

            execute(c, "ALTER TABLE profiles DROP COLUMN years", "INSERT INTO profiles VALUES (4, 'four')");
            assertThat(rows(c, "SELECT * FROM profiles ORDER BY id")).containsExactly("1 | one", "2 | two", "3 | three", "4 | four");
            assertThat(onShards(c, "profiles", "SELECT string_agg(attname, ',' ORDER BY attnum) FROM pg_attribute "
                    + "WHERE attrelid = '%s'::regclass AND attnum > 0 AND NOT attisdropped")).containsOnly("t | id,name");
        }
    }

    @Test
    void truncateEmptiesEveryShard() throws Exception {
        try (Connection c = connect()) {
            execute(c, "CREATE TABLE visits (id bigint, page text)",
                    "SELECT create_distributed_table('visits', 'id', shard_count => 4)",
                    "INSERT INTO visits SELECT g, 'page' || g FROM generate_series(1, 200) g");
            assertThat(onShards(c, "visits", "SELECT count(*) > 0 FROM %s")).containsOnly("t | t");

            execute(c, "TRUNCATE visits");

            assertThat(onShards(c, "visits", "SELECT count(*) FROM %s")).hasSize(4).containsOnly("t | 0");
            assertThat(longValue(c, "SELECT count(*) FROM visits")).isZero();
        }
    }

    @Test
    void dropTableRemovesEveryShardAndEveryMetadataRow() throws Exception {
        try (Connection c = connect()) {
            execute(c, "CREATE TABLE doomed (id bigint, v text)", "SELECT create_distributed_table('doomed', 'id')",
                    "CREATE INDEX doomed_v_index ON doomed (v)");
            String shardIds = String.join(",", rows(c, "SELECT shardid FROM pg_dist_shard WHERE logicalrelid = 'doomed'::regclass"));
            assertThat(onWorkers(c, "SELECT count(*) FROM pg_tables WHERE tablename ~ '^doomed_[0-9]+$'")).containsOnly("t | 16");

            execute(c, "DROP TABLE doomed");

            assertThat(onWorkers(c, "SELECT count(*) FROM pg_tables WHERE tablename ~ '^doomed_[0-9]+$'")).containsOnly("t | 0");
            assertThat(rows(c, "SELECT count(*) FROM pg_dist_partition WHERE logicalrelid::text = 'doomed'")).containsExactly("0");
            assertThat(rows(c, "SELECT (SELECT count(*) FROM pg_dist_shard WHERE shardid IN (" + shardIds + ")) + "
                    + "(SELECT count(*) FROM pg_dist_placement WHERE shardid IN (" + shardIds + ")) + "
                    + "(SELECT count(*) FROM citus_internal.shard_relation WHERE shardid IN (" + shardIds + ")) + "
                    + "(SELECT count(*) FROM citus_internal.table_index WHERE index_name = 'doomed_v_index') + "
                    + "(SELECT count(*) FROM pg_class WHERE relname ~ '^doomed')")).containsExactly("0");
        }
    }

    // ---------------------------------------------------------------- distributing existing data

    @Test
    void distributingATableWithRowsKeepsThemAndItsSequenceAndChecks() throws Exception {
        try (Connection c = connect()) {
            execute(c, "CREATE TABLE items (id bigserial, name text NOT NULL DEFAULT 'unnamed', quantity int CHECK (quantity >= 0), owner_id bigint)",
                    "INSERT INTO items (quantity, owner_id) SELECT g % 10, g % 37 FROM generate_series(1, 500) g");
            List<String> rowsBefore = sortedRows(c, "SELECT * FROM items");

            List<String> notices = new ArrayList<>();
            try (Statement s = c.createStatement()) {
                s.execute("SELECT create_distributed_table('items', 'owner_id', shard_count => 4)");
                for (SQLWarning w = s.getWarnings(); w != null; w = w.getNextWarning()) {
                    notices.add(w.getMessage());
                }
            }

            assertThat(notices).anySatisfy(n -> assertThat(n).contains("Copying data from local table"));
            assertThat(sortedRows(c, "SELECT * FROM items")).isEqualTo(rowsBefore);
            assertThat(rows(c, "SELECT shard_count FROM citus_tables WHERE table_name = 'items'::regclass")).containsExactly("4");
            // the coordinator still hands out ids, continuing where the local table stopped
            assertThat(rows(c, "INSERT INTO items (quantity, owner_id) VALUES (1, 5) RETURNING id, name")).containsExactly("501 | unnamed");
            assertThat(onShards(c, "items", "SELECT count(*) FROM pg_constraint WHERE conrelid = '%s'::regclass AND contype = 'c'"))
                    .containsOnly("t | 1");
            assertThat(serverError(c, "INSERT INTO items (quantity, owner_id) VALUES (-1, 5)").getSQLState()).isEqualTo("23514");
        }
    }

    // ---------------------------------------------------------------- reference tables, undistribute

    @Test
    void referenceTableIsCopiedToEveryWorkerAndStaysInSync() throws Exception {
        try (Connection c = connect()) {
            execute(c, "CREATE TABLE countries (code text PRIMARY KEY, name text)",
                    "INSERT INTO countries VALUES ('fr', 'France'), ('de', 'Germany'), ('nl', 'Netherlands')",
                    "SELECT create_reference_table('countries')");
            assertThat(rows(c, "SELECT citus_table_type, distribution_column, shard_count FROM citus_tables "
                    + "WHERE table_name = 'countries'::regclass")).containsExactly("reference | <none> | 1");
            assertThat(rows(c, "SELECT nodeport FROM citus_shards WHERE table_name = 'countries'::regclass ORDER BY nodeport"))
                    .containsExactlyElementsOf(workerPorts.stream().sorted().map(String::valueOf).toList());
            assertEveryWorkerHasTheSameCountries(c);

            execute(c, "INSERT INTO countries VALUES ('it', 'Italy')");
            assertEveryWorkerHasTheSameCountries(c);
            execute(c, "UPDATE countries SET name = 'Deutschland' WHERE code = 'de'");
            assertEveryWorkerHasTheSameCountries(c);
            execute(c, "DELETE FROM countries WHERE code = 'fr'");
            assertEveryWorkerHasTheSameCountries(c);
        }
    }

    @Test
    void undistributeTurnsDistributedAndReferenceTablesBackIntoPlainTables() throws Exception {
        try (Connection c = connect()) {
            execute(c, "CREATE TABLE orders (id bigint, amount numeric)",
                    "SELECT create_distributed_table('orders', 'id', shard_count => 4)",
                    "INSERT INTO orders SELECT g, g * 1.5 FROM generate_series(1, 300) g",
                    "CREATE TABLE currencies (code text, rate numeric)",
                    "SELECT create_reference_table('currencies')",
                    "INSERT INTO currencies VALUES ('EUR', 1), ('USD', 1.08)");

            for (String table : List.of("orders", "currencies")) {
                List<String> rowsBefore = sortedRows(c, "SELECT * FROM " + table);

                execute(c, "SELECT undistribute_table('" + table + "')");

                assertThat(sortedRows(c, "SELECT * FROM " + table)).as(table).isEqualTo(rowsBefore);
                assertThat(rows(c, "SELECT relkind FROM pg_class WHERE oid = '" + table + "'::regclass")).as(table).containsExactly("r");
                assertThat(rows(c, "SELECT (SELECT count(*) FROM pg_dist_partition WHERE logicalrelid::text = '" + table + "') + "
                        + "(SELECT count(*) FROM pg_dist_shard WHERE logicalrelid::text = '" + table + "')")).as(table).containsExactly("0");
                assertThat(onWorkers(c, "SELECT count(*) FROM pg_tables WHERE tablename ~ '^" + table + "_[0-9]+$'"))
                        .as(table).containsOnly("t | 0");
            }
        }
    }

    @Test
    void rolledBackDistributionLeavesNoShardsOnTheWorkers() throws Exception {
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            execute(c, "CREATE TABLE rolled_back (id bigint, v text)",
                    "SELECT create_distributed_table('rolled_back', 'id', shard_count => 2)");
            assertThat(longValue(c, "SELECT count(*) FROM citus_shards WHERE table_name = 'rolled_back'::regclass")).isEqualTo(2);
            c.rollback();
            c.setAutoCommit(true);

            assertThat(onWorkers(c, "SELECT count(*) FROM pg_tables WHERE tablename ~ '^rolled_back_[0-9]+$'")).containsOnly("t | 0");
            assertThat(rows(c, "SELECT to_regclass('rolled_back') IS NULL")).containsExactly("t");
        }
    }

    // ---------------------------------------------------------------- errors, security, settings

    @Test
    void errorsReadLikeCitus() throws Exception {
        try (Connection c = connect()) {
            execute(c, "CREATE TABLE t (a int PRIMARY KEY, b int)", "CREATE TABLE x (a int)",
                    "SELECT create_distributed_table('x', 'a')", "CREATE TABLE text_keyed (k text)");

            assertThat(serverError(c, "SELECT create_distributed_table('nope', 'a')").getMessage())
                    .isEqualTo("relation \"nope\" does not exist");
            assertThat(serverError(c, "SELECT create_distributed_table('t', 'zz')").getMessage())
                    .isEqualTo("column \"zz\" of relation \"t\" does not exist");
            assertThat(serverError(c, "SELECT create_distributed_table('x', 'a')").getMessage())
                    .isEqualTo("table \"x\" is already distributed");

            ServerErrorMessage primaryKey = serverError(c, "SELECT create_distributed_table('t', 'b')");
            assertThat(primaryKey.getMessage()).isEqualTo("cannot create constraint on \"t\"");
            assertThat(primaryKey.getDetail()).isEqualTo("Distributed relations cannot have UNIQUE, EXCLUDE, or PRIMARY KEY "
                    + "constraints that do not include the partition column (with an equality operator if EXCLUDE).");

            assertThat(serverError(c, "SELECT create_distributed_table('t', 'a', shard_count => 0)").getMessage())
                    .isEqualTo("0 is outside the valid range for parameter \"shard_count\" (1 .. 64000)");

            ServerErrorMessage colocation = serverError(c,
                    "SELECT create_distributed_table('text_keyed', 'k', colocate_with => 'github_events')");
            assertThat(colocation.getMessage()).isEqualTo("cannot colocate tables github_events and text_keyed");
            assertThat(colocation.getDetail()).isEqualTo("Distribution column types don't match for github_events and text_keyed.");

            execute(c, "INSERT INTO x VALUES (1)");
            ServerErrorMessage moveRow = serverError(c, "UPDATE x SET a = a + 1");
            assertThat(moveRow.getMessage()).isEqualTo("modifying the partition value of rows is not allowed");
            execute(c, "UPDATE x SET a = 1 WHERE a = 1");  // an unchanged value is fine

            // none of the failures left anything distributed behind
            assertThat(rows(c, "SELECT logicalrelid::text FROM pg_dist_partition WHERE logicalrelid::text IN ('t', 'text_keyed')")).isEmpty();
        }
    }

    @Test
    void theAdminRoleCannotReachBeyondWhatAzureAllows() throws Exception {
        try (Connection c = connect()) {
            assertThat(rows(c, "SELECT rolsuper FROM pg_roles WHERE rolname = current_user")).containsExactly("f");

            ServerErrorMessage credentials = serverError(c, "SELECT * FROM citus_internal.worker_credentials");
            assertThat(credentials.getSQLState()).isEqualTo("42501");
            assertThat(credentials.getMessage()).contains("permission denied");

            ServerErrorMessage addNode = serverError(c, "SELECT citus_add_node('127.0.0.1', 1)");
            assertThat(addNode.getSQLState()).isEqualTo("42501");
            assertThat(addNode.getMessage()).contains("permission denied for function citus_add_node");

            ServerErrorMessage copyToFile = serverError(c, "COPY (SELECT 1) TO '/tmp/x'");
            assertThat(copyToFile.getSQLState()).isEqualTo("42501");
            assertThat(copyToFile.getMessage() + " " + copyToFile.getDetail()).contains("COPY to a file").contains("pg_write_server_files");

            // on the workers the command runs as a non-superuser too
            assertThat(onWorkers(c, "COPY (SELECT 1) TO '/tmp/x'")).hasSize(2)
                    .allSatisfy(row -> assertThat(row).startsWith("f | ").contains("permission denied"));
        }
    }

    @Test
    void versionWorkersAndShardCountSetting() throws Exception {
        try (Connection c = connect()) {
            assertThat(value(c, "SELECT citus_version()")).startsWith("Citus 12.1");
            assertThat(rows(c, "SELECT node_name, node_port FROM citus_get_active_worker_nodes() ORDER BY node_port"))
                    .containsExactlyElementsOf(workerPorts.stream().sorted().map(port -> "127.0.0.1 | " + port).toList());

            execute(c, "SET citus.shard_count = 8", "CREATE TABLE eight_shards (id bigint)",
                    "SELECT create_distributed_table('eight_shards', 'id')");
            assertThat(rows(c, "SELECT shard_count FROM citus_tables WHERE table_name = 'eight_shards'::regclass")).containsExactly("8");
            assertThat(longValue(c, "SELECT count(*) FROM citus_shards WHERE table_name = 'eight_shards'::regclass")).isEqualTo(8);
        }
    }

    // ---------------------------------------------------------------- helpers

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(cluster.jdbcUrl(GROUP), "citus", PASSWORD);
    }

    /** run_command_on_workers: one "success | result" row per worker, in node order. */
    private static List<String> onWorkers(Connection c, String command) throws SQLException {
        return withParameters(c, "SELECT success, result FROM run_command_on_workers(?) ORDER BY nodeport", command);
    }

    /** run_command_on_shards, with %s standing for each shard's table: one "success | result" row per shard. */
    private static List<String> onShards(Connection c, String table, String command) throws SQLException {
        return withParameters(c, "SELECT success, result FROM run_command_on_shards(?::regclass, ?) ORDER BY shardid", table, command);
    }

    private static List<String> withParameters(Connection c, String sql, String... parameters) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setString(i + 1, parameters[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1) + " | " + rs.getString(2));
                }
            }
        }
        return out;
    }

    private static Map<Integer, Integer> nodePortByShardIndex(Connection c, String table) throws SQLException {
        Map<Integer, Integer> ports = new LinkedHashMap<>();
        List<String> rows = rows(c, "SELECT nodeport FROM citus_shards WHERE table_name = '" + table + "'::regclass ORDER BY shardid");
        for (int index = 0; index < rows.size(); index++) {
            ports.put(index, Integer.valueOf(rows.get(index)));
        }
        return ports;
    }

    /** The shard tables a plan mentions (aliases such as github_events_1 are too short to be shard ids). */
    private static List<String> shardNamesIn(List<String> plan) {
        TreeSet<String> names = new TreeSet<>();
        Pattern shard = Pattern.compile("\\bgithub_events_\\d{6,}\\b");
        for (String line : plan) {
            Matcher m = shard.matcher(line);
            while (m.find()) {
                names.add(m.group());
            }
        }
        return new ArrayList<>(names);
    }

    private static void assertEveryWorkerHasTheSameCountries(Connection c) throws SQLException {
        String shard = value(c, "SELECT shard_name FROM citus_shards WHERE table_name = 'countries'::regclass LIMIT 1");
        String aggregate = "SELECT string_agg(code || '=' || name, ',' ORDER BY code) FROM ";
        String onCoordinator = value(c, aggregate + "countries");
        assertThat(onWorkers(c, aggregate + "public." + shard)).containsExactlyElementsOf(
                Collections.nCopies(2, "t | " + onCoordinator));
    }
}
