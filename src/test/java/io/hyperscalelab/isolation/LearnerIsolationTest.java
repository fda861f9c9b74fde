package io.hyperscalelab.isolation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hyperscalelab.breakdown.BreakdownHistory;
import io.hyperscalelab.cluster.EmbeddedCluster;
import io.hyperscalelab.cluster.Firewall;
import io.hyperscalelab.cluster.FirewallRule;
import io.hyperscalelab.cluster.Psql;
import io.hyperscalelab.cluster.ServerGroup;
import io.hyperscalelab.cluster.ServerGroupSpec;
import io.hyperscalelab.cluster.TestClusters;
import io.hyperscalelab.data.DatasetSize;
import io.hyperscalelab.data.LabDataFiles;
import io.hyperscalelab.data.LabDataGenerator;
import io.hyperscalelab.execution.ClusterTarget;
import io.hyperscalelab.execution.DistributedExecutor;
import io.hyperscalelab.execution.ExecutionSession;
import io.hyperscalelab.execution.ExecutorOptions;
import io.hyperscalelab.execution.StatementException;
import io.hyperscalelab.psql.PgJdbcBackend;
import io.hyperscalelab.shell.CloudShell;
import io.hyperscalelab.shell.CloudShellInternet;
import io.hyperscalelab.shell.CloudShellSession;
import io.hyperscalelab.shell.ExecutorRoutes;
import io.hyperscalelab.shell.ServerGroupHosts;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Two learners on one machine, each with a server group: what learner A's SQL may not do, tried
 * for real through every way a learner has to the coordinator (the query editor's executor
 * session, the Cloud Shell's psql, Debian's psql with the connection string, JDBC), always as the
 * non-superuser role {@code citus}. Each refusal must be PostgreSQL's own, with the product's
 * explanation added where the portal shows it; and what the lab needs must still work.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LearnerIsolationTest {

    private static final String PASSWORD_A = "Learner-A-Passw0rd";
    private static final String PASSWORD_B = "Learner-B-Passw0rd";
    private static final String A = "iso-a";
    private static final String B = "iso-b";
    private static final Duration TIME_LIMIT = Duration.ofSeconds(2);
    private static final int ROW_LIMIT = 50;

    /** A refused statement: PostgreSQL's message, and the product's words on it (null: PostgreSQL's say it all). */
    private record Attempt(String sql, String message, String explanation) {
    }

    private EmbeddedCluster cluster;
    private ServerGroup groupB;
    private DistributedExecutor executor;
    private CloudShell cloudShell;
    private Path work;

    @BeforeAll
    void start() throws Exception {
        var properties = TestClusters.freshProperties("isolation");
        work = properties.dataDirectory();
        cluster = new EmbeddedCluster(properties);
        // each group admits the learner's machine, the portal's services and the Cloud Shell, as in the lab
        Firewall open = new Firewall(true, List.of(new FirewallRule("ClientIPAddress", "127.0.0.1", "127.0.0.1"),
                new FirewallRule("CloudShell", "127.0.0.3", "127.0.0.3")));
        cluster.create(new ServerGroupSpec(A, 2, PASSWORD_A, cluster.postgresMajorVersion(), open));
        groupB = cluster.create(new ServerGroupSpec(B, 2, PASSWORD_B, cluster.postgresMajorVersion(), open));
        try (Connection b = DriverManager.getConnection(cluster.jdbcUrl(B), "citus", PASSWORD_B); Statement s = b.createStatement()) {
            s.execute("CREATE TABLE secrets (owner text, secret text)");
            s.execute("INSERT INTO secrets VALUES ('b', 'only learner B may read this')");
        }
        try (Connection a = DriverManager.getConnection(cluster.jdbcUrl(A), "citus", PASSWORD_A); Statement s = a.createStatement()) {
            s.execute("CREATE TABLE notes (line text)");
            s.execute("CREATE TABLE events (user_id bigint, n int)");
            s.execute("SELECT create_distributed_table('events', 'user_id')");
            s.execute("INSERT INTO events SELECT i, i FROM generate_series(1, 200) i");
        }
        executor = new DistributedExecutor(new ExecutorOptions(4, 5, 64, TIME_LIMIT, ROW_LIMIT));
        LabDataFiles files = new LabDataFiles(work.resolve("lab-data"), new LabDataGenerator(LabDataGenerator.DEFAULT_SEED));
        // learner A's shell: it reaches A's group only, as the portal's Cloud Shell pane opens it
        cloudShell = new CloudShell(work.resolve("homes"), new CloudShellInternet("127.0.0.3",
                CloudShellInternet.labFiles(files, DatasetSize.ofEvents(100))), new PgJdbcBackend(
                new ServerGroupHosts(cluster, A::equals), "127.0.0.3", new ExecutorRoutes(cluster, executor, new BreakdownHistory())));
    }

    @AfterAll
    void stop() {
        if (executor != null) {
            executor.close();
        }
        if (cluster != null) {
            cluster.groups().forEach(g -> cluster.delete(g.name()));
            cluster.close();
        }
    }

    private List<Attempt> attempts() {
        String otherCoordinator = "host=127.0.0.1 port=" + groupB.coordinator().port() + " dbname=citus user=citus password="
                + PASSWORD_B + " sslmode=require";
        return List.of(
                new Attempt("COPY (SELECT 1) TO '/tmp/learner-a-was-here'", "permission denied to COPY to a file",
                        "may not read or write files on the server"),
                new Attempt("COPY notes FROM '/etc/passwd'", "permission denied to COPY from a file",
                        "may not read or write files on the server"),
                new Attempt("COPY notes FROM PROGRAM 'id'", "permission denied to COPY to or from an external program",
                        "may not run programs on the server"),
                new Attempt("SELECT pg_read_file('/etc/passwd')", "permission denied for function pg_read_file",
                        "may not read or write files on the server"),
                new Attempt("SELECT lo_import('/etc/passwd')", "permission denied for function lo_import",
                        "may not read or write files on the server"),
                new Attempt("SELECT * FROM citus_internal.dblink('" + otherCoordinator + "', 'SELECT secret FROM secrets') AS t(s text)",
                        "permission denied for function dblink", "no SQL reaches another server group"),
                new Attempt("CREATE SERVER other_learner FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host '127.0.0.1', port '"
                        + groupB.coordinator().port() + "', dbname 'citus')",
                        "permission denied for foreign-data wrapper postgres_fdw", "no SQL reaches another server group"),
                new Attempt("INSERT INTO pg_dist_node (nodeid, groupid, nodename) VALUES (99, 99, 'elsewhere')",
                        "permission denied for table pg_dist_node", "The Citus metadata"),
                new Attempt("DELETE FROM pg_dist_shard", "permission denied for table pg_dist_shard", "The Citus metadata"),
                new Attempt("SELECT * FROM citus_internal.worker_credentials", "permission denied for table worker_credentials", null),
                new Attempt("UPDATE citus_internal.shard_relation SET table_name = 'x'", "permission denied for table shard_relation",
                        null),
                new Attempt("CREATE TABLE citus_internal.mine (a int)", "permission denied for schema citus_internal",
                        "The Citus metadata"),
                new Attempt("DROP EXTENSION citus", "must be owner of extension citus", "The Citus metadata"),
                new Attempt("ALTER FUNCTION citus_internal.server_name(int) RENAME TO other",
                        "must be owner of function server_name", null));
    }

    @Test
    void theQueryEditorsSessionIsRefusedWithPostgresqlsMessageAndTheProductsReason() throws Exception {
        try (ExecutionSession editor = editorSession()) {
            for (Attempt attempt : attempts()) {
                assertThatThrownBy(() -> editor.execute(attempt.sql())).as(attempt.sql())
                        .isInstanceOfSatisfying(StatementException.class, e -> {
                            assertThat(e.getMessage()).startsWith(attempt.message());
                            if (attempt.explanation() != null) {
                                assertThat(e.hint()).contains(attempt.explanation());
                            }
                        });
            }
            // what the lab does still works: run_command_on_workers and citus_shards reach A's own workers
            assertThat(editor.execute("SELECT bool_and(success) FROM run_command_on_workers('SELECT 1')").result().rows())
                    .containsExactly(List.of("t"));
            assertThat(editor.execute("SELECT count(*) FROM citus_shards WHERE table_name = 'events'::regclass").result().rows())
                    .containsExactly(List.of("32"));
        }
    }

    @Test
    void theCloudShellsPsqlIsRefusedTooAndDoesNotEvenResolveAnotherLearnersGroup() throws Exception {
        StringBuilder screen = new StringBuilder();
        CloudShellSession shell = cloudShell.open("learner_a", screen::append);
        shell.line("psql \"host=iso-b-c.postgres.database.azure.com port=5432 dbname=citus user=citus password=" + PASSWORD_B + "\"");
        assertThat(screen.toString()).isEqualTo("psql: error: could not translate host name \"iso-b-c.postgres.database.azure.com\" "
                + "to address: Name or service not known\n");
        screen.setLength(0);
        shell.line("psql \"host=127.0.0.1 port=" + groupB.coordinator().port() + " dbname=citus user=citus password=" + PASSWORD_B + "\"");
        assertThat(screen.toString()).startsWith("psql: error: connection to server at \"127.0.0.1\", port "
                + groupB.coordinator().port() + " failed: Connection refused");

        screen.setLength(0);
        shell.line("psql \"host=iso-a-c.postgres.database.azure.com port=5432 dbname=citus user=citus password=" + PASSWORD_A + "\"");
        assertThat(shell.inPsql()).as(screen.toString()).isTrue();
        for (Attempt attempt : attempts()) {
            screen.setLength(0);
            shell.line(attempt.sql() + ";");
            assertThat(screen.toString()).as(attempt.sql()).contains("ERROR:  " + attempt.message());
            if (attempt.explanation() != null) {
                assertThat(screen.toString()).as(attempt.sql()).containsPattern("HINT:  .*" + java.util.regex.Pattern.quote(attempt.explanation()));
            }
        }
        screen.setLength(0);
        shell.line("SELECT * FROM events;");
        assertThat(screen.toString()).contains("ERROR:  the statement returned 200 rows, more than the portal's limit of 50 rows per statement")
                .contains("hyperscale.executor.max-result-rows");
        screen.setLength(0);
        shell.line("SET statement_timeout = 0;");
        shell.line("SELECT pg_sleep(30);");
        assertThat(screen.toString()).contains("ERROR:  canceling statement: it ran longer than the portal's limit of 2 seconds "
                + "per statement").contains("hyperscale.executor.statement-timeout");
        shell.line("\\q");
    }

    @Test
    void aRealPsqlWithTheConnectionStringGetsPostgresqlsOwnRefusals() throws Exception {
        String connection = "host=127.0.0.1 port=" + cluster.group(A).orElseThrow().coordinator().port()
                + " dbname=citus user=citus sslmode=require";
        for (Attempt attempt : attempts()) {
            Psql.Run run = Psql.run(List.of("-v", "ON_ERROR_STOP=1", "-c", attempt.sql(), connection), PASSWORD_A, work);
            assertThat(run.exitCode()).as(attempt.sql()).isNotZero();
            assertThat(run.stderr()).as(attempt.sql()).contains("ERROR:  " + attempt.message());
        }
        // another learner's coordinator asks for its own password, which A does not have
        String other = "host=127.0.0.1 port=" + groupB.coordinator().port() + " dbname=citus user=citus sslmode=require";
        Psql.Run refused = Psql.run(List.of("-c", "SELECT secret FROM secrets", other), PASSWORD_A, work);
        assertThat(refused.stderr()).contains("password authentication failed for user \"citus\"");
    }

    @Test
    void jdbcWithTheConnectionStringGetsThemToo() throws Exception {
        try (Connection a = DriverManager.getConnection(cluster.jdbcUrl(A), "citus", PASSWORD_A)) {
            a.setAutoCommit(true);
            for (Attempt attempt : attempts()) {
                try (Statement s = a.createStatement()) {
                    assertThatThrownBy(() -> s.execute(attempt.sql())).as(attempt.sql())
                            .isInstanceOf(SQLException.class).hasMessageContaining(attempt.message());
                }
            }
        }
        assertThatThrownBy(() -> DriverManager.getConnection(cluster.jdbcUrl(B), "citus", PASSWORD_A))
                .hasMessageContaining("password authentication failed for user \"citus\"");
    }

    @Test
    void theEditorsStatementsStopAtTheTimeAndRowLimitsAndSaySo() throws Exception {
        try (ExecutionSession editor = editorSession()) {
            // a multi-shard query whose rows exceed the limit; the coordinator's own path too
            for (String sql : List.of("SELECT * FROM events", "SELECT * FROM generate_series(1, 51)")) {
                assertThatThrownBy(() -> editor.execute(sql)).as(sql).isInstanceOfSatisfying(StatementException.class, e -> {
                    assertThat(e.getSQLState()).isEqualTo("54000");
                    assertThat(e.getMessage()).matches("the statement returned (200|51) rows, more than the portal's limit of 50 "
                            + "rows per statement");
                    assertThat(e.detail()).contains("hyperscale.executor.max-result-rows");
                });
            }
            assertThat(editor.execute("SELECT * FROM generate_series(1, 50)").result().rows()).hasSize(50);

            editor.execute("SET statement_timeout = 0");
            long start = System.nanoTime();
            assertThatThrownBy(() -> editor.execute("SELECT pg_sleep(30)")).isInstanceOfSatisfying(StatementException.class, e -> {
                assertThat(e.getSQLState()).isEqualTo("57014");
                assertThat(e.getMessage()).isEqualTo("canceling statement: it ran longer than the portal's limit of 2 seconds "
                        + "per statement");
                assertThat(e.detail()).contains("hyperscale.executor.statement-timeout");
            });
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(25));
            // the learner's own, shorter timeout keeps PostgreSQL's words
            editor.execute("SET statement_timeout = '100ms'");
            assertThatThrownBy(() -> editor.execute("SELECT pg_sleep(1)")).hasMessage("canceling statement due to statement timeout");
            // and the session goes on
            assertThat(editor.execute("SELECT 1").result().rows()).containsExactly(List.of("1"));
        }
    }

    /** A session as the portal's query editor opens one: as citus, from the Azure-services address. */
    private ExecutionSession editorSession() throws SQLException {
        Properties options = new Properties();
        options.setProperty("maxResultBuffer", "64M");
        Connection connection = cluster.learnerConnection(A, cluster.sourceAddresses().azureServices(), options);
        return executor.openSession(ClusterTarget.forGroup(cluster, A, cluster.learnerCredentials(A)), connection);
    }
}
