package io.hyperscalelab.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hyperscalelab.cluster.EmbeddedCluster;
import io.hyperscalelab.cluster.LearnerCredentials;
import io.hyperscalelab.cluster.SourceAddresses;
import io.hyperscalelab.cluster.TestClusters;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The real-Citus session on a real coordinator. There is no Citus here, so the coordinator is an
 * embedded group's: its {@code pg_dist_node}, {@code citus.explain_all_tasks} and
 * {@code create_distributed_table} answer as Citus' do, but its EXPLAIN is PostgreSQL's (no Citus
 * custom scan). What this proves: statements reach the coordinator as typed and come back as
 * PostgreSQL returns them, a statement that acts ({@code create_distributed_table}) runs once,
 * the breakdown's EXPLAIN never breaks the learner's transaction nor changes their settings,
 * errors keep their position. Reading Citus' plans is {@link CitusPlanParserTest}'s, and running
 * against real Citus is the Testcontainers suite's.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CitusSessionTest {

    private static final String GROUP = "citus-session";
    private static final String PASSWORD = "Session-Passw0rd!";

    private EmbeddedCluster cluster;
    private CitusSession session;

    @BeforeAll
    void createGroup() throws Exception {
        cluster = new EmbeddedCluster(TestClusters.freshProperties(GROUP));
        cluster.create(GROUP, 2, PASSWORD);
    }

    @AfterAll
    void deleteGroup() {
        TestClusters.deleteGroupsAndClose(cluster);
    }

    @BeforeEach
    void open() throws SQLException {
        ClusterTarget target = ClusterTarget.forGroup(cluster, GROUP, new LearnerCredentials("citus", PASSWORD));
        session = new CitusSession(target, connect(), new StatementParser(), ResultLimit.megabytes(64));
        session.execute("DROP TABLE IF EXISTS items");
        session.execute("CREATE TABLE items (id bigint, name text)");
        session.execute("INSERT INTO items SELECT i, 'item ' || i FROM generate_series(1, 50) i");
    }

    @AfterEach
    void close() throws SQLException {
        session.close();
    }

    @Test
    void statementsComeBackAsThePostgresServerReturnsThem() throws Exception {
        ExecutionResult result = session.execute("SELECT id, name FROM items WHERE id <= 3 ORDER BY id;");

        assertThat(result.result().commandTag()).isEqualTo("SELECT 3");
        assertThat(result.result().columns()).extracting(ResultColumn::name, ResultColumn::type)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("id", "int8"), org.assertj.core.groups.Tuple.tuple("name", "text"));
        assertThat(result.result().rows()).containsExactly(
                java.util.List.of("1", "item 1"), java.util.List.of("2", "item 2"), java.util.List.of("3", "item 3"));
        assertThat(result.breakdown().wallMillis()).isPositive();
        assertThat(session.execute("UPDATE items SET name = 'renamed' WHERE id = 7").result().updateCount()).isEqualTo(1);
    }

    @Test
    void aSelectThatActsRunsOnceAndItsBreakdownOnlyPlansIt() throws Exception {
        ExecutionResult distributed = session.execute("SELECT create_distributed_table('items', 'id')");

        assertThat(distributed.result().rows()).hasSize(1);
        assertThat(distributed.breakdown().path()).isEqualTo(ExecutionPath.COORDINATOR);
        // run twice, the second call would have failed: the table is distributed once
        assertThat(session.execute("SELECT count(*) FROM pg_dist_partition WHERE logicalrelid = 'items'::regclass")
                .result().rows()).containsExactly(java.util.List.of("1"));
        assertThat(session.execute("SELECT count(*) FROM items").result().rows()).containsExactly(java.util.List.of("50"));
        session.execute("SELECT undistribute_table('items')");
    }

    @Test
    void theBreakdownsExplainLeavesTheLearnersTransactionAndSettingsAsTheyWere() throws Exception {
        session.execute("SET citus.explain_all_tasks = off");
        session.execute("BEGIN");
        session.execute("INSERT INTO items VALUES (51, 'in the transaction')");
        ExecutionResult counted = session.execute("SELECT count(*) FROM items");
        assertThat(counted.result().rows()).containsExactly(java.util.List.of("51"));
        session.execute("ROLLBACK");

        assertThat(session.execute("SELECT count(*) FROM items").result().rows()).containsExactly(java.util.List.of("50"));
        assertThat(session.execute("SHOW citus.explain_all_tasks").result().rows()).containsExactly(java.util.List.of("off"));
    }

    @Test
    void aStatementThatFailsInATransactionLeavesItFailedAsPostgresWould() throws Exception {
        session.execute("BEGIN");
        assertThatThrownBy(() -> session.execute("SELECT 1/0 FROM items"))
                .isInstanceOf(StatementException.class).hasMessage("division by zero");
        assertThatThrownBy(() -> session.execute("SELECT 1"))
                .hasMessageContaining("current transaction is aborted");
        session.execute("ROLLBACK");
        assertThat(session.execute("SELECT 1").result().rows()).containsExactly(java.util.List.of("1"));
    }

    @Test
    void errorsPointIntoTheLearnersText() {
        assertThatThrownBy(() -> session.execute("  SELECT no_such_column FROM items"))
                .isInstanceOfSatisfying(StatementException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("column \"no_such_column\" does not exist");
                    assertThat(e.position()).isEqualTo(10);
                });
        assertThatThrownBy(() -> session.execute("SELECT 1; SELECT 2"))
                .isInstanceOfSatisfying(StatementException.class, e -> assertThat(e.getMessage())
                        .isEqualTo("cannot run 2 statements at once"));
    }

    @Test
    void ddlIsTheCoordinatorsWithTheReason() throws Exception {
        Breakdown breakdown = session.execute("CREATE INDEX items_name ON items (name)").breakdown();

        assertThat(breakdown.path()).isEqualTo(ExecutionPath.COORDINATOR);
        assertThat(breakdown.reason()).startsWith("Citus runs a create index statement on the coordinator");
    }

    @Test
    void theLearnersOwnExplainIsReadAsTheCoordinatorReturnedIt() throws Exception {
        ExecutionResult text = session.execute("EXPLAIN (ANALYZE) SELECT count(*) FROM items");
        ExecutionResult json = session.execute("EXPLAIN (FORMAT JSON) SELECT count(*) FROM items");

        assertThat(text.result().rows()).isNotEmpty();
        // a local table: PostgreSQL's plan, without Citus' custom scan
        assertThat(text.breakdown().path()).isEqualTo(ExecutionPath.COORDINATOR);
        assertThat(text.breakdown().reason()).contains("no distributed table");
        assertThat(json.breakdown().reason()).contains("no distributed table");
        assertThat(session.execute("EXPLAIN (FORMAT YAML) SELECT 1").breakdown().reason()).contains("not yaml");
    }

    private Connection connect() throws SQLException {
        Properties options = new Properties();
        options.setProperty("preferQueryMode", "simple");
        return cluster.learnerConnection(GROUP, SourceAddresses.LEARNER_MACHINE, options);
    }
}
