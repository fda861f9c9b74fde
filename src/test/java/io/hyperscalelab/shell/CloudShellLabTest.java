package io.hyperscalelab.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hyperscalelab.breakdown.BreakdownHistory;
import io.hyperscalelab.breakdown.RanStatement;
import io.hyperscalelab.cluster.EmbeddedCluster;
import io.hyperscalelab.cluster.ServerGroup;
import io.hyperscalelab.cluster.TestClusters;
import io.hyperscalelab.data.DatasetSize;
import io.hyperscalelab.data.LabDataFiles;
import io.hyperscalelab.data.LabDataGenerator;
import io.hyperscalelab.execution.Breakdown;
import io.hyperscalelab.execution.DistributedExecutor;
import io.hyperscalelab.execution.ExecutionPath;
import io.hyperscalelab.psql.PgJdbcBackend;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The lab's own steps, typed key by key into a terminal session, against a real server group:
 * find the shell's address, connect with the portal's psql string, create and distribute the
 * tables, download both files, load them with {@code \copy} and {@code \COPY ... FROM PROGRAM},
 * count (through the distributed executor, as the portal's Cloud Shell does), and cancel a long
 * query with Ctrl-C.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CloudShellLabTest {

    private static final String PASSWORD = "Lab-Passw0rd!";
    private static final String HOST = "c.shell-lab.postgres.database.azure.com";
    private static final DatasetSize SIZE = DatasetSize.ofEvents(3_000);

    private EmbeddedCluster cluster;
    private ServerGroup group;
    private final DistributedExecutor executor = new DistributedExecutor();
    private final BreakdownHistory history = new BreakdownHistory();
    private TerminalSession terminal;
    private final StringBuilder screen = new StringBuilder();

    @BeforeAll
    void start() throws Exception {
        var properties = TestClusters.freshProperties("shell-lab");
        cluster = new EmbeddedCluster(properties);
        group = cluster.create("shell-lab", 2, PASSWORD);
        LabDataFiles files = new LabDataFiles(properties.dataDirectory().resolve("lab-data"), new LabDataGenerator(LabDataGenerator.DEFAULT_SEED));
        // the group allows loopback clients from 127.0.0.1 only, so that is the shell's address here
        CloudShell cloudShell = new CloudShell(properties.dataDirectory().resolve("homes"),
                new CloudShellInternet("127.0.0.1", CloudShellInternet.labFiles(files, SIZE)), new PgJdbcBackend(new ServerGroupHosts(cluster), "127.0.0.1", new ExecutorRoutes(cluster, executor, history)));
        terminal = new TerminalSession(cloudShell, "learner", this::show, () -> show("[session closed]"));
        awaitPrompt(0, "learner@Azure:~$ ");
    }

    @AfterAll
    void stop() {
        if (terminal != null) {
            terminal.close();
        }
        executor.close();
        if (cluster != null) {
            cluster.groups().forEach(g -> cluster.delete(g.name()));
            cluster.close();
        }
    }

    @Test
    void onlyCoordinatorsAreReachableAndOnlyByTheirNames() {
        int worker = group.workers().get(0).port();
        assertThat(type("psql \"host=127.0.0.1 port=" + worker + " dbname=citus user=citus password=" + PASSWORD + "\"",
                "learner@Azure:~$ ")).isEqualTo("psql: error: connection to server at \"127.0.0.1\", port " + worker
                + " failed: Connection refused\n\tIs the server running on that host and accepting TCP/IP connections?\n");
        assertThat(type("psql \"host=c.no-such-group.postgres.database.azure.com port=5432 dbname=citus user=citus password=x\"",
                "learner@Azure:~$ ")).isEqualTo("psql: error: could not translate host name "
                + "\"c.no-such-group.postgres.database.azure.com\" to address: Name or service not known\n");
        assertThat(type("psql \"host=shell-lab-c.postgres.database.azure.com port=5432 dbname=citus user=citus password=wrong\"",
                "learner@Azure:~$ ")).isEqualTo("psql: error: connection to server at \"shell-lab-c.postgres.database.azure.com\" "
                + "(127.0.0.1), port 5432 failed: FATAL:  password authentication failed for user \"citus\"\n");
    }

    @Test
    void theLabRunsUnchangedInTheShell() {
        assertThat(type("curl -s https://ifconfig.co", "learner@Azure:~$ ")).isEqualTo("127.0.0.1\n");

        String banner = type("psql \"host=" + HOST + " port=5432 dbname=citus user=citus password=" + PASSWORD + "\"", "citus=> ");
        assertThat(banner).startsWith("psql (15.18 (Hyperscale Lab), server 18.").endsWith("Type \"help\" for help.\n\n");

        assertThat(type("CREATE TABLE github_events", "citus-> ")).isEmpty();
        assertThat(type("(", "citus(> ")).isEmpty();
        type("    event_id bigint, event_type text, event_public boolean, repo_id bigint, payload jsonb,", "citus(> ");
        type("    repo jsonb, user_id bigint, org jsonb, created_at timestamp", "citus(> ");
        assertThat(type(");", "citus=> ")).isEqualTo("CREATE TABLE\n");
        assertThat(type("CREATE TABLE github_users (user_id bigint, url text, login text, avatar_url text, gravatar_id text, "
                + "display_login text);", "citus=> ")).isEqualTo("CREATE TABLE\n");
        assertThat(type("CREATE INDEX event_type_index ON github_events (event_type);", "citus=> ")).isEqualTo("CREATE INDEX\n");
        assertThat(type("SELECT create_distributed_table('github_events', 'user_id');", "citus=> "))
                .isEqualTo(" create_distributed_table \n--------------------------\n \n(1 row)\n\n");
        assertThat(type("SELECT create_distributed_table('github_users', 'user_id');", "citus=> "))
                .isEqualTo(" create_distributed_table \n--------------------------\n \n(1 row)\n\n");

        String users = type("\\! curl -O https://examples.citusdata.com/users.csv", "citus=> ");
        assertThat(users).startsWith("  % Total    % Received % Xferd").contains("\r100 ")
                .endsWith("Note: " + LabDataGenerator.SYNTHETIC_NOTICE + "\n");
        String events = type("\\! curl -O https://examples.citusdata.com/events.csv", "citus=> ");
        assertThat(events).startsWith("  % Total    % Received % Xferd").contains("\r100 ").doesNotContain("Note:");

        assertThat(type("\\copy github_events from 'events.csv' WITH CSV", "citus=> ")).endsWith("COPY " + SIZE.events() + "\n");
        String fromProgram = type("\\COPY github_users FROM PROGRAM 'curl https://examples.citusdata.com/users.csv' WITH (FORMAT CSV)",
                "citus=> ");
        assertThat(fromProgram).startsWith("  % Total    % Received % Xferd").contains("\r100 ").endsWith("\nCOPY " + SIZE.users() + "\n");

        assertThat(type("SELECT count(*) FROM github_events;", "citus=> ")).contains(" " + SIZE.events() + "\n(1 row)");
        RanStatement count = history.latest(group.name()).orElseThrow();
        assertThat(count.sql()).isEqualTo("SELECT count(*) FROM github_events;");
        assertThat(count.source()).isEqualTo(RanStatement.CLOUD_SHELL);
        Breakdown breakdown = count.breakdown();
        assertThat(breakdown.path()).isEqualTo(ExecutionPath.MULTI_SHARD);
        assertThat(breakdown.tasks()).hasSize(32);
        assertThat(breakdown.rows()).as("one partial count per shard").isEqualTo(32);
        assertThat(breakdown.workers()).extracting(w -> w.worker().name()).containsExactly("shell-lab-w0", "shell-lab-w1");
        assertThat(type("SELECT count(*) FROM github_users;", "citus=> ")).contains(" " + SIZE.users() + "\n(1 row)");
        assertThat(type("SHOW server_version;", "citus=> ")).matches(" server_version \n----------------\n 18\\.\\d+\n\\(1 row\\)\n\n");

        int before = screen.length();
        terminal.keys("SELECT pg_sleep(30);\r");
        await().atMost(Duration.ofSeconds(20)).until(() -> sleepIsRunning());
        long start = System.nanoTime();
        terminal.keys("\u0003");
        String canceled = awaitPrompt(before, "citus=> ");
        assertThat((System.nanoTime() - start) / 1_000_000).as("ms until the prompt came back").isLessThan(10_000);
        assertThat(canceled).isEqualTo("SELECT pg_sleep(30);\n^CCancel request sent\nERROR:  canceling statement due to user request\n");
        assertThat(type("select 1 as next;", "citus=> ")).isEqualTo(" next \n------\n    1\n(1 row)\n\n");

        assertThat(type("selec 1;", "citus=> ")).isEqualTo("ERROR:  syntax error at or near \"selec\"\nLINE 1: selec 1;\n        ^\n");
        assertThat(type("\\q", "learner@Azure:~$ ")).isEmpty();
        assertThat(type("ls", "learner@Azure:~$ ")).isEqualTo("events.csv  users.csv\n");
    }

    private boolean sleepIsRunning() throws Exception {
        try (var c = java.sql.DriverManager.getConnection(cluster.jdbcUrl(group.name()), "citus", PASSWORD);
             var rs = c.createStatement().executeQuery(
                     "SELECT count(*) FROM pg_stat_activity WHERE query LIKE 'SELECT pg_sleep(30)%' AND state = 'active'")) {
            rs.next();
            return rs.getInt(1) == 1;
        }
    }

    /** Types {@code line} and Enter; returns what the terminal showed after the echoed line, up to the next prompt. */
    private String type(String line, String prompt) {
        int before = screen.length();
        terminal.keys(line + "\r");
        String shown = awaitPrompt(before, prompt);
        assertThat(shown).as("echo of what was typed").startsWith(line + "\n");
        return shown.substring(line.length() + 1);
    }

    private String awaitPrompt(int from, String prompt) {
        await().atMost(Duration.ofSeconds(120)).until(() -> {
            synchronized (screen) {
                return plain(screen.substring(from)).endsWith(prompt);
            }
        });
        synchronized (screen) {
            String text = plain(screen.substring(from));
            return text.substring(0, text.length() - prompt.length());
        }
    }

    private void show(String text) {
        synchronized (screen) {
            screen.append(text);
        }
    }

    private static String plain(String terminalText) {
        return terminalText.replace("\r\n", "\n");
    }
}
