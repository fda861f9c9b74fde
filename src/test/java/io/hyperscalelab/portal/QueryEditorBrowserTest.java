package io.hyperscalelab.portal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.hyperscalelab.breakdown.BreakdownHistory;
import io.hyperscalelab.breakdown.RanStatement;
import io.hyperscalelab.browser.PortalBrowser;
import io.hyperscalelab.cluster.EmbeddedCluster;
import io.hyperscalelab.cluster.Firewall;
import io.hyperscalelab.cluster.FirewallRule;
import io.hyperscalelab.cluster.QuickstartLab;
import io.hyperscalelab.cluster.ServerGroup;
import io.hyperscalelab.cluster.ServerGroupNode;
import io.hyperscalelab.cluster.ServerGroupSpec;
import io.hyperscalelab.cluster.SqlRows;
import io.hyperscalelab.data.DatasetSize;
import io.hyperscalelab.data.LabDataFiles;
import io.hyperscalelab.data.LabDataGenerator;
import io.hyperscalelab.data.LabDataPaths;
import io.hyperscalelab.execution.ExecutionPath;
import io.hyperscalelab.load.ShardedLoader;
import io.hyperscalelab.security.AccountRepository;
import io.hyperscalelab.shell.CloudShell;
import io.hyperscalelab.shell.TerminalSession;
import java.io.BufferedInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The query editor in a real Chromium, on the signed-in learner's own server group (the lab's
 * tables, distributed and loaded), which admits Azure services and the Cloud Shell: the count
 * agrees with plain JDBC, the breakdown names both workers and all 32 tasks, EXPLAIN has Citus'
 * shape, a router query has one task, errors are PostgreSQL's, Cancel stops a long statement, the
 * firewall's refusal says what to do, and the lab guide's link shows how a Cloud Shell query ran.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QueryEditorBrowserTest {

    private static final String PASSWORD = "Lab-Passw0rd!";
    private static final DatasetSize SIZE = DatasetSize.ofEvents(2_000);
    private static final String COUNT = "SELECT count(*) FROM github_events";

    @LocalServerPort
    private int port;

    @Autowired
    private EmbeddedCluster cluster;

    @Autowired
    private CloudShell cloudShell;

    @Autowired
    private BreakdownHistory history;

    @Autowired
    private ServerGroupOwners owners;

    @Autowired
    private AccountRepository accounts;

    private PortalBrowser browser;
    private String group;
    private String editor;
    private Firewall labFirewall;
    private long events;
    private long user;

    @BeforeAll
    void createTheLearnersGroup() throws Exception {
        browser = new PortalBrowser(port);
        PortalBrowser.LabCredentials learner = browser.signInAsNewLearner();
        group = "postgres" + learner.username().replaceAll("\\D", "");
        editor = "/resource/postgresql/" + group + "/query-editor";
        String shell = cluster.sourceAddresses().cloudShell();
        labFirewall = new Firewall(true, List.of(new FirewallRule("CloudShell", shell, shell)));
        ServerGroup created = cluster.create(new ServerGroupSpec(group, 2, PASSWORD, cluster.postgresMajorVersion(), labFirewall));
        owners.claim(group, accounts.findByUsername(learner.username()).orElseThrow());
        LabDataPaths files = new LabDataFiles(Path.of("target", "lab-data").toAbsolutePath(),
                new LabDataGenerator(LabDataGenerator.DEFAULT_SEED)).materialise(SIZE);
        try (Connection c = azureServices(); Statement s = c.createStatement()) {
            for (String sql : Stream.of(QuickstartLab.CREATE_TABLES, QuickstartLab.CREATE_INDEXES, QuickstartLab.DISTRIBUTE)
                    .flatMap(List::stream).toList()) {
                s.execute(sql);
            }
            ShardedLoader loader = new ShardedLoader((host, workerPort) ->
                    DriverManager.getConnection("jdbc:postgresql://" + host + ":" + workerPort + "/citus", "citus", PASSWORD));
            for (String table : List.of("github_users", "github_events")) {
                Path file = table.equals("github_users") ? files.users() : files.events();
                try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
                    loader.load(c, table, in, file.getFileName().toString(), Files.size(file), p -> { });
                }
            }
            events = Long.parseLong(SqlRows.value(c, COUNT));
            user = Long.parseLong(SqlRows.value(c, "SELECT user_id FROM github_events GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1"));
        }
        assertThat(events).isEqualTo(SIZE.events());
        assertThat(created.workers()).hasSize(2);
    }

    @AfterAll
    void deleteTheGroup() {
        if (browser != null) {
            browser.close();
        }
        if (group != null && cluster.group(group).isPresent()) {
            cluster.delete(group);
        }
    }

    @BeforeEach
    void labFirewall() {
        cluster.replaceFirewall(group, labFirewall);
    }

    @Test
    void theCountAgreesWithJdbcAndItsBreakdownShowsBothWorkersAndAll32Tasks() {
        Page page = browser.open(editor);
        assertThat(page.locator(".blade-title")).hasText(group + " - " + QueryEditorView.SECTION);
        assertThat(page.locator(".resource-menu-item.selected")).hasText(QueryEditorView.SECTION);

        run(page, COUNT);
        assertThat(page.locator("#query-summary")).hasText("1 row");
        assertThat(page.locator("#query-results vaadin-grid-cell-content").getByText(String.valueOf(events), exact()))
                .hasCount(1);
        assertThat(page.locator("#query-duration")).hasText(Pattern.compile("[\\d.,]+ ms"));
        assertThat(page.locator("#breakdown-summary")).containsText("Multi-shard: 32 tasks on 2 workers, merged on the coordinator in");
        Locator chart = page.locator("#breakdown-chart svg");
        for (ServerGroupNode worker : workers()) {
            assertThat(chart).containsText(worker.name());
            assertThat(chart.locator("[data-worker='" + worker.name() + "'][data-measure='time']")).hasCount(1);
        }
        assertThat(chart.locator("[data-shard][data-measure='rows']")).hasCount(32);
        browser.screenshotOfTop("query-editor");
        // the whole panel in one picture: a window tall enough to hold it
        page.setViewportSize(1440, 2200);
        page.locator("#breakdown").screenshot(new Locator.ScreenshotOptions().setPath(PortalBrowser.IMAGES.resolve("breakdown.png")));
        page.setViewportSize(1440, 900);

        tab(page, "Tasks");
        Locator tasks = page.locator("#breakdown-tasks");
        assertThat(tasks).isVisible();
        assertThat(tasks.evaluate("grid => grid.size")).isEqualTo(32);
        assertThat(tasks).containsText("github_events_102008");
        assertThat(tasks).containsText("SELECT count(*)");

        tab(page, "EXPLAIN");
        Locator plan = page.locator("#breakdown-explain");
        assertThat(plan).containsText("Custom Scan (Citus Adaptive)");
        assertThat(plan).containsText("Task Count: 32");
        assertThat(plan).containsText("Tasks Shown: One of 32");
        page.locator("#explain-all-tasks").click();
        assertThat(plan).containsText("Tasks Shown: All");

        RanStatement recorded = history.latest(group).orElseThrow();
        assertThat(recorded.sql()).isEqualTo(COUNT);
        assertThat(recorded.source()).isEqualTo(RanStatement.QUERY_EDITOR);
    }

    @Test
    void aRouterQueryHasOneTaskOnTheWorkerOfItsShard() {
        Page page = browser.open(editor);
        run(page, "SELECT event_id, event_type, repo->>'name' AS repo_name, org FROM github_events WHERE user_id = " + user);
        assertThat(page.locator("#query-summary")).hasText(Pattern.compile("\\d+ rows?"));
        assertThat(page.locator("#breakdown-summary")).containsText("Router: 1 task on " + group + "-w");
        assertThat(page.locator("#query-results .sql-null").first()).hasText("NULL");

        tab(page, "Tasks");
        assertThat(page.locator("#breakdown-tasks").evaluate("grid => grid.size")).isEqualTo(1);
        tab(page, "EXPLAIN");
        assertThat(page.locator("#breakdown-explain")).containsText("Task Count: 1");
        assertThat(history.latest(group).orElseThrow().breakdown().path()).isEqualTo(ExecutionPath.ROUTER);
    }

    @Test
    void aSyntaxErrorShowsPostgresMessageAndMarksWhereItIs() {
        Page page = browser.open(editor);
        run(page, "SELECT count(*)\nFROM github_events\nWHER user_id = 1");
        assertThat(page.locator("#query-error")).containsText("ERROR:  syntax error at or near \"user_id\"");
        assertThat(page.locator("#query-error-at")).hasText("user_id");
        assertThat(page.locator("#breakdown")).isHidden();

        run(page, "SELECT 1 AS one");
        assertThat(page.locator("#query-summary")).hasText("1 row");
    }

    @Test
    void cancelStopsALongStatementAndTheEditorGoesOn() throws Exception {
        Page page = browser.open(editor);
        statement(page).fill("SELECT pg_sleep(30)");
        page.locator("#query-run").click();
        await().atMost(Duration.ofSeconds(20)).until(this::sleepIsRunning);
        assertThat(page.locator("#query-run")).isDisabled();
        page.locator("#query-run").click(new Locator.ClickOptions().setForce(true)); // a second click changes nothing

        page.locator("#query-cancel").click();
        assertThat(page.locator("#query-error")).containsText("canceling statement due to user request",
                new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setTimeout(10_000));
        assertThat(sleepIsRunning()).isFalse();

        run(page, "SELECT 2 AS two");
        assertThat(page.locator("#query-summary")).hasText("1 row");
    }

    @Test
    void aFirewallThatRefusesAzureServicesSaysWhatToChange() {
        cluster.replaceFirewall(group, new Firewall(false, labFirewall.rules()));
        Page page = browser.open(editor);
        run(page, COUNT);
        Locator refused = page.locator("#query-connection-error");
        assertThat(refused).containsText("The firewall of " + group + " refused the query editor");
        assertThat(refused).containsText("Allow Azure services and resources to access this server group");
        refused.getByText("Open Networking").click();
        assertThat(page.locator(".blade-title")).hasText(group + " - Networking");
    }

    @Test
    void theLabGuidesLinksOpenTheEditorOnAQueryAndOnHowTheCloudShellsQueryRan() throws Exception {
        String sql = "SELECT event_type, count(*) FROM github_events GROUP BY event_type ORDER BY 2 DESC;";
        StringBuilder screen = new StringBuilder();
        try (TerminalSession terminal = new TerminalSession(cloudShell, "learner", text -> {
            synchronized (screen) {
                screen.append(text);
            }
        }, () -> { })) {
            type(terminal, screen, "psql \"host=" + AzureNames.fqdn(AzureNames.coordinator(group)) + " port=5432 dbname=citus "
                    + "user=citus password=" + PASSWORD + " sslmode=require\"", "citus=> ");
            type(terminal, screen, sql, "citus=> ");
            type(terminal, screen, "\\q", "learner@Azure:~$ ");
        }
        RanStatement fromShell = history.latest(group).orElseThrow();
        assertThat(fromShell.sql()).isEqualTo(sql);
        assertThat(fromShell.source()).isEqualTo(RanStatement.CLOUD_SHELL);

        Page page = browser.open("/");
        Locator guide = page.locator(".lab-guide");
        Locator position = guide.locator(".lab-position");
        assertThat(position).hasText(Pattern.compile("\\d+ / \\d+"));
        while (!guide.locator(".lab-page-title").textContent().startsWith("Exercise 4")) {
            String before = position.textContent();
            guide.locator(".lab-next").click();
            assertThat(position).not().hasText(before);
        }
        assertThat(guide.locator("img[src='images/distributed-aggregate.svg']")).isVisible();
        guide.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("see how your query ran")).click();
        assertThat(page.locator(".blade-title")).hasText(group + " - " + QueryEditorView.SECTION);
        assertThat(page.locator("#breakdown-summary")).containsText("Multi-shard: 32 tasks on 2 workers");
        assertThat(page.locator("#breakdown-summary")).containsText("Ran in the Cloud Shell at");
        assertThat(statement(page)).hasValue(sql);

        guide.locator(".lab-open-in-editor").first().click();
        assertThat(statement(page)).hasValue("SELECT count(*) FROM github_events;");
        page.locator("#query-run").click();
        assertThat(page.locator("#query-results vaadin-grid-cell-content").getByText(String.valueOf(events), exact())).hasCount(1);
    }

    private static void type(TerminalSession terminal, StringBuilder screen, String line, String prompt) {
        int before;
        synchronized (screen) {
            before = screen.length();
        }
        terminal.keys(line + "\r");
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            synchronized (screen) {
                return screen.substring(before).replace("\r\n", "\n").endsWith(prompt);
            }
        });
    }

    /** Types the statement and runs it with Ctrl+Enter, as a learner at the keyboard would. */
    private static void run(Page page, String sql) {
        Locator box = statement(page);
        box.fill(sql);
        // the previous statement's state stays until the server answers: clear it, so that only this run's counts
        page.locator("#query-status").evaluate("status => status.removeAttribute('state')");
        box.press("Control+Enter");
        assertThat(page.locator("#query-status")).hasAttribute("state", Pattern.compile(".+"));
        assertThat(page.locator("#query-status")).not().hasAttribute("state", "running");
        assertThat(page.locator("#query-status")).hasAttribute("state", Pattern.compile("succeeded|failed"));
    }

    private static Locator statement(Page page) {
        return page.locator("#query-statement textarea");
    }

    private static void tab(Page page, String name) {
        page.locator("#breakdown").getByRole(AriaRole.TAB, new Locator.GetByRoleOptions().setName(name)).click();
    }

    private static Locator.GetByTextOptions exact() {
        return new Locator.GetByTextOptions().setExact(true);
    }

    private List<ServerGroupNode> workers() {
        return cluster.group(group).orElseThrow().workers();
    }

    private Connection azureServices() throws Exception {
        return cluster.learnerConnection(group, cluster.sourceAddresses().azureServices());
    }

    private boolean sleepIsRunning() throws Exception {
        try (Connection c = cluster.superuserConnection(group, cluster.group(group).orElseThrow().coordinator())) {
            return Long.parseLong(SqlRows.value(c, "SELECT count(*) FROM pg_stat_activity WHERE query = 'SELECT pg_sleep(30)' "
                    + "AND state = 'active' AND application_name = '" + QueryEditorSession.APPLICATION_NAME + "'")) == 1;
        }
    }
}
