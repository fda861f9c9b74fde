package io.hyperscalelab.lab;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import io.hyperscalelab.browser.PortalBrowser;
import io.hyperscalelab.browser.PortalBrowser.LabCredentials;
import io.hyperscalelab.cluster.ClusterProperties;
import io.hyperscalelab.cluster.EmbeddedCluster;
import io.hyperscalelab.cluster.PlainPostgres;
import io.hyperscalelab.cluster.QuickstartLab;
import io.hyperscalelab.cluster.ServerGroup;
import io.hyperscalelab.cluster.ServerGroupNode;
import io.hyperscalelab.cluster.SqlRows;
import io.hyperscalelab.data.DatasetSize;
import io.hyperscalelab.data.LabDataFiles;
import io.hyperscalelab.data.LabDataGenerator;
import io.hyperscalelab.data.LabDataPaths;
import io.hyperscalelab.lab.check.DoneStep;
import io.hyperscalelab.lab.check.LabChecks;
import io.hyperscalelab.lab.check.LabQuery;
import io.hyperscalelab.lab.check.LabStep;
import io.hyperscalelab.lab.check.LabSteps;
import io.hyperscalelab.security.Account;
import io.hyperscalelab.security.AccountRepository;
import io.hyperscalelab.security.DeploymentId;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The whole lab, as a newcomer takes it in a real Chromium against the whole app: Start the lab
 * and sign in, create the server group through the portal's form, open Cloud Shell, curl the
 * shell's address, add the firewall rule, connect with the guide's psql command, create, index,
 * distribute and load the tables with the guide's own blocks (Copy, then paste), run the four
 * queries, see how each ran, then run them again from the query editor, and read the Conclusions.
 * Every answer is checked against one plain PostgreSQL holding the same rows, and each step's
 * self-check mark must turn done on its own. Bad input on the way (a typo'd command, a broken
 * connection string, a wrong password, a syntax error, Ctrl-C on a long query) gets the real
 * tool's message and the session goes on.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WholeLabBrowserTest {

    private static final String PASSWORD = "Lab-Passw0rd!";
    private static final String PSQL_PROMPT = "citus=> ";
    /** psql's "(5 rows)" under a result, as a pattern. */
    private static final String ROWS_FOOTER = "\\n\\(\\d+ rows?\\)\\n";
    /** The query editor's grid shows this many rows before it scrolls (and renders only what is in view). */
    private static final int EDITOR_ROWS_WITHOUT_SCROLLING = 12;
    /** A deployment takes seconds; a machine shared by several builds may need far longer. */
    private static final Duration SLOW = Duration.ofMinutes(3);
    /** The longest a statement of the lab may take in the terminal (loading a file takes seconds). */
    private static final Duration TERMINAL = Duration.ofSeconds(90);

    @LocalServerPort
    private int port;

    @Autowired
    private EmbeddedCluster cluster;

    @Autowired
    private ClusterProperties properties;

    @Autowired
    private AccountRepository accounts;

    @Autowired
    private LabChecks labChecks;

    @Autowired
    private LabSteps labSteps;

    private PortalBrowser browser;
    private PlainPostgres plain;
    private String group;
    private final List<String> timings = new ArrayList<>();
    private long started;

    /** One plain PostgreSQL with the files the Cloud Shell serves, loaded by COPY: the oracle. */
    @BeforeAll
    void startTheOracle() throws Exception {
        LabDataPaths files = new LabDataFiles(properties.dataDirectory().resolve("lab-data"),
                new LabDataGenerator(LabDataGenerator.DEFAULT_SEED)).materialise(DatasetSize.LAB);
        plain = PlainPostgres.start(properties, "whole-lab-plain");
        try (Connection c = plain.connect(); Statement s = c.createStatement()) {
            for (String sql : Stream.of(QuickstartLab.CREATE_TABLES, QuickstartLab.CREATE_INDEXES).flatMap(List::stream).toList()) {
                s.execute(sql);
            }
            for (String table : List.of("github_events", "github_users")) {
                try (InputStream in = Files.newInputStream(table.equals("github_events") ? files.events() : files.users())) {
                    c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + table + " FROM STDIN WITH CSV", in);
                }
            }
            s.execute("ALTER ROLE citus PASSWORD '" + PASSWORD + "'");
        }
        browser = new PortalBrowser(port);
        browser.context().grantPermissions(List.of("clipboard-read", "clipboard-write"));
    }

    @AfterAll
    void cleanUp() throws Exception {
        if (browser != null) {
            browser.close();
        }
        if (plain != null) {
            plain.close();
        }
        if (group != null && cluster.group(group).isPresent()) {
            cluster.delete(group);
        }
    }

    @Test
    void aNewcomerTakesTheWholeLab() throws Exception {
        started = System.nanoTime();
        LabCredentials learner = browser.signInAsNewLearner();
        Account account = accounts.findByUsername(learner.username()).orElseThrow();
        DeploymentId id = account.deployment().orElseThrow();
        group = id.serverGroupName();
        Page page = browser.page();
        Locator guide = page.locator(".lab-guide");
        lap("signed in");

        createTheServerGroup(page, guide, id);
        lap("exercise 1: server group created");
        allowCloudShell(page, guide);
        lap("exercise 2: Cloud Shell allowed");
        buildTheTables(page, guide, id);
        lap("exercise 3: tables built and loaded");
        Map<LabQuery, String> shellRuns = runTheQueriesInCloudShell(page, guide);
        lap("exercise 4: queries in Cloud Shell");
        seeHowEachRan(page, guide, shellRuns);
        lap("exercise 4: breakdowns");
        runTheQueriesInTheEditor(page, guide);
        lap("exercise 4: queries in the query editor");
        readTheConclusions(page, guide);
        lap("conclusions");

        assertThat(labChecks.doneSteps(account.id())).extracting(DoneStep::step)
                .containsExactlyInAnyOrderElementsOf(labSteps.all().stream().map(LabStep::id).toList());
        System.out.println("Whole lab, as a newcomer takes it:\n  " + String.join("\n  ", timings));
    }

    private void createTheServerGroup(Page page, Locator guide, DeploymentId id) {
        toPage(guide, "Exercise 1");
        assertThat(check(page, "server-group")).hasAttribute("state", "not-yet");
        assertThat(check(page, "server-group")).containsText("There is no server group named " + group + " yet");

        page.locator(".service-tile", new Page.LocatorOptions().setHasText("Create a resource")).click();
        page.locator(".marketplace-category", new Page.LocatorOptions().setHasText("Databases")).click();
        page.locator(".offer-name", new Page.LocatorOptions().setHasText("Azure Database for PostgreSQL")).click();
        page.locator("#hyperscale-create").click();
        page.locator("#create-new-resource-group").click();
        page.locator("#new-resource-group-name input").fill(id.resourceGroupName());
        page.locator("#new-resource-group-ok").click();
        page.locator("#server-group-name input").fill(group);
        page.locator("#admin-password input").fill(PASSWORD);
        page.locator("#confirm-password input").fill(PASSWORD);
        page.locator("#configure-server-group").click();
        page.locator("#configure-save").click();
        assertThat(page.locator("#compute-summary")).containsText("2 worker nodes");
        page.locator("#review-create").click();
        assertThat(page.locator("#validation-banner")).containsText("Validation passed");
        page.locator("#create").click();
        assertThat(page.locator("#deployment-status")).containsText("Your deployment is complete", slow());
        page.locator("#go-to-resource").click();
        assertThat(page.locator(".blade-title")).hasText(group);

        assertThat(check(page, "server-group")).hasAttribute("state", "done", slowAttribute());
        assertThat(check(page, "server-group")).containsText(group + ": coordinator and 2 workers Available");
        assertThat(pageButton(guide, 2)).hasAttribute("done", "");
    }

    private void allowCloudShell(Page page, Locator guide) {
        toPage(guide, "Exercise 2");
        assertThat(check(page, "firewall")).hasAttribute("state", "not-yet", slowAttribute());
        page.locator("#cloud-shell").click();
        page.locator("#cloud-shell-bash").click();
        page.locator("#cloud-shell-create-storage").click();
        String prompt = shellPrompt();
        Terminal shell = new Terminal(page);
        shell.awaitEnd(prompt);

        // a typo: bash's own words, and the shell goes on
        assertThat(shell.run("crul -s https://ifconfig.co", prompt)).isEqualTo("bash: crul: command not found");
        String address = shell.run(guideCode(guide, "curl -s https://ifconfig.co"), prompt);
        assertThat(address).isEqualTo(cluster.sourceAddresses().cloudShell());

        page.locator(".resource-menu-item", new Page.LocatorOptions().setHasText("Networking")).click();
        assertThat(page.locator(".blade-title")).hasText(group + " - Networking");
        page.locator("#firewall-rules-0-0 input").fill("CloudShell");
        page.locator("#firewall-rules-0-1 input").fill(address);
        page.locator("#firewall-rules-0-2 input").fill(address);
        page.locator("#allow-azure-services vaadin-radio-button", new Page.LocatorOptions().setHasText("Yes")).click();
        page.locator("#networking-save").click();
        assertThat(page.locator(".portal-notification-success")).isVisible();
        assertThat(check(page, "firewall")).hasAttribute("state", "done", slowAttribute());
        assertThat(check(page, "firewall")).containsText("Rule CloudShell (" + address + ") lets Cloud Shell");
    }

    private void buildTheTables(Page page, Locator guide, DeploymentId id) throws Exception {
        toPage(guide, "Exercise 3");
        Terminal shell = new Terminal(page);
        String prompt = shellPrompt();

        // a broken connection string: libpq's message, as Debian's psql 15 prints it
        String broken = "host=" + id.coordinatorDisplayName() + " port=5432 dbname=citus user=citus sslmode=requir";
        assertThat(shell.run("psql \"" + broken + "\"", prompt) + "\n").isEqualTo(realPsql(List.of(broken), null).stderr());

        // the guide's command, pasted; a wrong password first
        String connect = guideCode(guide, "psql \"host=");
        assertThat(connect).isEqualTo("psql \"host=" + id.coordinatorDisplayName() + " port=5432 dbname=citus user=citus sslmode=require\"");
        shell.paste(copy(guide, "psql \"host="));
        shell.awaitEnd("Password for user citus: ");
        assertThat(shell.run("not-the-password", prompt)).isEqualTo("psql: error: connection to server at \""
                + id.coordinatorDisplayName() + "\" (127.0.0.1), port 5432 failed: FATAL:  password authentication failed for user \"citus\"");
        shell.paste(copy(guide, "psql \"host="));
        shell.awaitEnd("Password for user citus: ");
        String banner = shell.run(PASSWORD, PSQL_PROMPT);
        assertThat(banner).startsWith("psql (15.18 (Hyperscale Lab), server 18.").contains("SSL connection (protocol: TLSv1.3");
        lap("exercise 3: connected");

        shell.pasteAndAwait(copy(guide, "CREATE TABLE github_events"), "\\nCREATE TABLE\\n", 2);
        assertThat(check(page, "tables")).hasAttribute("state", "done", slowAttribute());
        shell.pasteAndAwait(copy(guide, "CREATE INDEX event_type_index"), "\\nCREATE INDEX\\n", 2);
        assertThat(check(page, "indexes")).hasAttribute("state", "done", slowAttribute());
        assertThat(check(page, "indexes")).containsText("event_type_index (B-tree on event_type) and payload_index (GIN on payload)");

        // a syntax error: PostgreSQL's message with psql's LINE and caret, as psql 15 shows it
        String typo = "SELEC count(*) FROM github_events;";
        assertThat(shell.run(typo, PSQL_PROMPT) + "\n").isEqualTo(realPsql(List.of(plainConnectionString(), "-c", typo), PASSWORD).stderr());

        shell.pasteAndAwait(copy(guide, "SELECT create_distributed_table('github_events'"), "\\n\\(1 row\\)\\n", 2);
        assertThat(check(page, "distributed")).hasAttribute("state", "done", slowAttribute());
        assertThat(check(page, "distributed")).containsText("distributed by user_id, 32 shards each on 2 workers, co-located");
        lap("exercise 3: tables created and distributed");

        shell.pasteAndAwait(copy(guide, "\\! curl -O https://examples.citusdata.com/users.csv"), "% Total", 2);
        lap("exercise 3: files downloaded");
        String loads = shell.pasteAndAwait(copy(guide, "\\copy github_events"), "\\nCOPY \\d+", 2);
        assertThat(loads).contains("\nCOPY " + DatasetSize.LAB.events() + "\n", "\nCOPY " + DatasetSize.LAB.users() + "\n");
        lap("exercise 3: files loaded");
        assertThat(shell.pasteAndAwait(copy(guide, "SELECT * FROM citus_tables"), "\\(2 rows\\)", 1))
                .contains(" github_events | distributed      | user_id ");
        assertThat(check(page, "loaded")).hasAttribute("state", "done", slowAttribute());
        assertThat(check(page, "loaded")).containsText("github_events: 126,245 rows, github_users: 264,308 rows");
        assertThat(pageButton(guide, 4)).hasAttribute("done", "");
        browser.screenshot("lab-guide-checks");
    }

    /** Returns each query's psql output, for the record. */
    private Map<LabQuery, String> runTheQueriesInCloudShell(Page page, Locator guide) throws Exception {
        toPage(guide, "Exercise 4");
        Terminal shell = new Terminal(page);
        Map<LabQuery, String> outputs = new java.util.EnumMap<>(LabQuery.class);
        for (LabQuery query : LabQuery.values()) {
            assertThat(check(page, query.stepId())).not().hasAttribute("state", "done");
            String output = shell.pasteAndAwait(copy(guide, query.sql().lines().findFirst().orElseThrow()), ROWS_FOOTER, 1);
            assertSameAnswer(query, PsqlTable.parse(output), "", true);
            assertThat(check(page, query.stepId())).hasAttribute("state", "done", slowAttribute());
            assertThat(check(page, query.stepId())).containsText("Ran in Cloud Shell at");
            outputs.put(query, output);
        }

        // Ctrl-C on a long query: psql's own words, and the session goes on
        int before = shell.length();
        page.keyboard().type("SELECT pg_sleep(30);");
        page.keyboard().press("Enter");
        ServerGroup created = cluster.group(group).orElseThrow();
        await().atMost(Duration.ofSeconds(30)).until(() -> sleeping(created));
        page.keyboard().press("Control+C");
        shell.awaitMarker(before, "canceling statement", 1, PSQL_PROMPT);
        assertThat(shell.since(before)).endsWith("SELECT pg_sleep(30);\n^CCancel request sent\n"
                + "ERROR:  canceling statement due to user request\n" + PSQL_PROMPT);
        assertThat(shell.run("SELECT 1 AS still_here;", PSQL_PROMPT)).isEqualTo(" still_here \n------------\n          1\n(1 row)\n");
        assertThat(shell.run("\\q", shellPrompt())).isEmpty();
        return outputs;
    }

    /** The guide's link opens how the latest query ran; Recent statements has the others. */
    private void seeHowEachRan(Page page, Locator guide, Map<LabQuery, String> shellRuns) {
        guide.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("see how your query ran")).click();
        assertThat(page.locator(".blade-title")).hasText(group + " - Query editor (preview)");
        // inside the app: the Cloud Shell's session is still there
        assertThat(page.locator("xterm-terminal")).isVisible();
        assertThat(new Terminal(page).text()).contains("still_here");
        assertThat(page.locator("#breakdown-summary")).containsText("Ran in the Cloud Shell at");
        for (LabQuery query : LabQuery.values()) {
            page.locator("#query-recent").click();
            page.locator("vaadin-select-item", new Page.LocatorOptions().setHasText(Pattern.compile(
                    "Cloud Shell\\s+" + literal(query.sql().lines().findFirst().orElseThrow().strip())))).first().click();
            assertBreakdown(page, query);
            assertThat(page.locator("#breakdown-summary")).containsText("Ran in the Cloud Shell at");
        }
        assertThat(shellRuns).hasSize(LabQuery.values().length);
    }

    private void runTheQueriesInTheEditor(Page page, Locator guide) throws Exception {
        Locator editorLinks = guide.locator(".lab-open-in-editor");
        for (LabQuery query : LabQuery.values()) {
            editorLinks.nth(query.ordinal()).click();
            assertThat(page.locator("#query-statement textarea")).hasValue(query.sql());
            page.locator("#query-run").click();
            assertThat(page.locator("#query-status")).hasAttribute("state", "succeeded", slowAttribute());
            long rows = plainRows(query.sql()).size();
            assertThat(page.locator("#query-summary")).hasText(rows == 1 ? "1 row" : String.format("%,d rows", rows));
            assertThat(page.locator("#query-status")).hasAttribute("state", "succeeded");
            assertSameAnswer(query, gridRows(page), "NULL", rows <= EDITOR_ROWS_WITHOUT_SCROLLING);
            assertBreakdown(page, query);
        }
    }

    private void readTheConclusions(Page page, Locator guide) throws Exception {
        page.locator("#cloud-shell-close").click();
        pageButton(guide, 6).click();
        assertThat(guide.locator(".lab-page-title")).hasText("Conclusions");
        Locator figures = page.locator("#lab-figures");
        assertThat(figures).hasAttribute("loaded", "", slowAttribute());
        Locator tables = figures.locator("#lab-figures-tables");
        assertThat(tables).containsText("github_events");
        assertThat(tables.locator("tbody tr").nth(0)).hasText(Pattern.compile("github_events\\s*user_id\\s*32\\s*126,245"));
        assertThat(tables.locator("tbody tr").nth(1)).hasText(Pattern.compile("github_users\\s*user_id\\s*32\\s*264,308"));
        ServerGroup created = cluster.group(group).orElseThrow();
        long total = 0;
        int shards = 0;
        for (ServerGroupNode worker : created.workers()) {
            Locator row = figures.locator("#lab-figures-workers tbody tr", new Locator.LocatorOptions().setHasText(worker.name()));
            List<String> cells = row.locator("td").allTextContents();
            shards += Integer.parseInt(cells.get(1));
            assertThat(cells.get(2)).as("co-located: as many users' shards as events' shards").isEqualTo(cells.get(1));
            total += Long.parseLong(cells.get(3).replace(",", ""));
        }
        assertThat(shards).isEqualTo(32);
        assertThat(total).isEqualTo(DatasetSize.LAB.events() + DatasetSize.LAB.users());
        Locator queries = figures.locator("#lab-figures-queries tbody tr");
        assertThat(queries).hasCount(LabQuery.values().length);
        for (LabQuery query : LabQuery.values()) {
            assertThat(queries.nth(query.ordinal())).containsText(query.title());
            assertThat(queries.nth(query.ordinal())).containsText("Query editor");
            assertThat(queries.nth(query.ordinal()).locator("td").nth(2)).hasText(Pattern.compile("[\\d.,]+ ms"));
        }
        figures.scrollIntoViewIfNeeded();
        browser.screenshot("lab-conclusions");
    }

    // ---- the answers, against plain PostgreSQL ----

    /**
     * The rows shown agree with plain PostgreSQL's (NULL shown as {@code nullText}): in order
     * where ORDER BY decides it; as a set where it does not (one user's events); and for the top
     * 20, the same counts in the same order, each login with its true count (equal counts may come
     * in any order). {@code whole}: all rows are shown; otherwise the first ones.
     */
    private void assertSameAnswer(LabQuery query, List<List<String>> shown, String nullText, boolean whole) throws Exception {
        List<List<String>> expected = shownAs(plainRows(query.sql()), nullText);
        assertThat(shown).isNotEmpty();
        if (whole) {
            assertThat(shown).hasSameSizeAs(expected);
        }
        List<List<String>> first = expected.subList(0, Math.min(shown.size(), expected.size()));
        switch (query) {
            case COUNT, COMMITS_PER_HOUR -> assertThat(shown).isEqualTo(first);
            case ONE_USER -> assertThat(expected).containsAll(shown);
            case TOP_CREATORS -> {
                assertThat(shown.stream().map(r -> r.get(1)).toList()).isEqualTo(first.stream().map(r -> r.get(1)).toList());
                assertThat(shownAs(plainRows(query.sql().replace("LIMIT 20", "")), nullText)).containsAll(shown);
            }
        }
    }

    private static List<List<String>> shownAs(List<List<String>> rows, String nullText) {
        return rows.stream().map(row -> row.stream().map(v -> v == null ? nullText : v).toList()).toList();
    }

    private List<List<String>> plainRows(String sql) throws Exception {
        try (Connection c = plain.connect()) {
            return SqlRows.table(c, sql);
        }
    }

    /** How the query ran names both workers and every shard (a router query: its one worker and shard). */
    private void assertBreakdown(Page page, LabQuery query) {
        Locator summary = page.locator("#breakdown-summary");
        Locator chart = page.locator("#breakdown-chart svg");
        ServerGroup created = cluster.group(group).orElseThrow();
        if (query == LabQuery.ONE_USER) {
            assertThat(summary).containsText("Router: 1 task on " + group + "-w");
            assertThat(chart.locator("[data-shard][data-measure='rows']")).hasCount(1);
            return;
        }
        assertThat(summary).containsText("Multi-shard: 32 tasks on 2 workers");
        for (ServerGroupNode worker : created.workers()) {
            assertThat(chart).containsText(worker.name());
            assertThat(chart.locator("[data-worker='" + worker.name() + "'][data-measure='time']")).hasCount(1);
        }
        assertThat(chart.locator("[data-shard][data-measure='rows']")).hasCount(32);
    }

    /** The editor's rows as shown, in order (the grid shows a dozen rows before it scrolls: those). */
    @SuppressWarnings("unchecked")
    private static List<List<String>> gridRows(Page page) {
        return (List<List<String>>) page.locator("#query-results").evaluate("""
                grid => Array.from(grid.shadowRoot.querySelectorAll('tbody#items tr'))
                    .filter(tr => !tr.hidden && tr.index !== undefined && tr.index < grid.size)
                    .sort((a, b) => a.index - b.index)
                    .map(tr => Array.from(tr.querySelectorAll('td')).map(td => {
                        const content = td.querySelector('slot').assignedElements()[0];
                        return content ? content.textContent.trim() : '';
                    }))""");
    }

    // ---- the guide ----

    private static void toPage(Locator guide, String titleStart) {
        Locator title = guide.locator(".lab-page-title");
        while (!title.textContent().startsWith(titleStart)) {
            String before = title.textContent();
            guide.locator(".lab-next").click();
            assertThat(title).not().hasText(before);
        }
    }

    private static Locator check(Page page, String step) {
        return page.locator("#lab-check-" + step);
    }

    private static Locator pageButton(Locator guide, int number) {
        return guide.locator(".lab-page-button").nth(number - 1);
    }

    private static Locator codeBlock(Locator guide, String startingWith) {
        return guide.locator(".lab-code", new Locator.LocatorOptions().setHas(guide.page().locator("pre",
                new Page.LocatorOptions().setHasText(Pattern.compile("^" + literal(startingWith)))))).first();
    }

    private static String guideCode(Locator guide, String startingWith) {
        return codeBlock(guide, startingWith).locator("pre").textContent();
    }

    /** Selects the block's Copy button, as the learner does; returns what the clipboard then holds. */
    private static String copy(Locator guide, String startingWith) {
        Locator block = codeBlock(guide, startingWith);
        block.locator(".copy-button").click();
        assertThat(block.locator(".copy-button")).hasAttribute("copied", "");
        String copied = (String) guide.page().evaluate("() => navigator.clipboard.readText()");
        assertThat(copied).isEqualTo(block.locator("pre").textContent());
        return copied;
    }

    /** A pattern that matches the text itself, in Java and in the browser alike (no \\Q...\\E there). */
    private static String literal(String text) {
        return text.replaceAll("[.*+?^${}()|\\[\\]\\\\/]", "\\\\$0");
    }

    private String shellPrompt() {
        return "odl_user_" + group.substring("postgres".length()) + "@Azure:~$ ";
    }

    private void lap(String what) {
        timings.add(String.format("%-45s %6.1f s", what, (System.nanoTime() - started) / 1e9));
    }

    private LocatorAssertions.HasAttributeOptions slowAttribute() {
        return new LocatorAssertions.HasAttributeOptions().setTimeout(SLOW.toMillis());
    }

    private boolean sleeping(ServerGroup created) throws Exception {
        try (Connection c = cluster.superuserConnection(created.name(), created.coordinator())) {
            return Long.parseLong(SqlRows.value(c, "SELECT count(*) FROM pg_stat_activity WHERE query LIKE 'SELECT pg_sleep(30)%' "
                    + "AND state = 'active'")) >= 1;
        }
    }

    private String plainConnectionString() {
        return "host=127.0.0.1 port=" + plain.port() + " dbname=citus user=citus";
    }

    private record Output(String stdout, String stderr) {
    }

    /** Debian's psql 15 with these arguments, its password from the environment. */
    private static Output realPsql(List<String> arguments, String password) throws Exception {
        List<String> command = new ArrayList<>(List.of("/usr/bin/psql", "-X"));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(name -> name.startsWith("PG"));
        if (password != null) {
            builder.environment().put("PGPASSWORD", password);
        }
        builder.environment().put("LC_ALL", "C.UTF-8");
        Process process = builder.start();
        process.getOutputStream().close();
        String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Output(stdout, stderr);
    }

    private static com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions slow() {
        return new LocatorAssertions.ContainsTextOptions().setTimeout(SLOW.toMillis());
    }

    /** The rows of psql's aligned output: the lines between the header's rule and "(N rows)". */
    static final class PsqlTable {

        private PsqlTable() {
        }

        static List<List<String>> parse(String output) {
            List<String> lines = output.lines().toList();
            int rule = -1;
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).matches("-+(\\+-+)*")) {
                    rule = i;
                }
            }
            assertThat(rule).as("a table in %s", output).isGreaterThan(0);
            List<List<String>> rows = new ArrayList<>();
            for (int i = rule + 1; i < lines.size() && !lines.get(i).matches("\\(\\d+ rows?\\)"); i++) {
                rows.add(Stream.of(lines.get(i).split("\\|", -1)).map(String::strip).toList());
            }
            return rows;
        }
    }

    /** The Cloud Shell's xterm, typed into as a learner does. */
    private static final class Terminal {

        private final Page page;

        Terminal(Page page) {
            this.page = page;
            page.locator("xterm-terminal").click();
        }

        String text() {
            return (String) page.locator("xterm-terminal").evaluate("e => e.text()");
        }

        int length() {
            return text().length();
        }

        String since(int from) {
            return text().substring(from);
        }

        void awaitEnd(String end) {
            page.waitForFunction("t => document.querySelector('xterm-terminal').text().trimEnd().endsWith(t.trimEnd())", end);
        }

        /** Types a line and Enter; returns what the terminal shows between it and the next prompt. */
        String run(String line, String prompt) {
            int from = length();
            page.keyboard().type(line);
            page.keyboard().press("Enter");
            awaitMarker(from, literal(prompt.strip()), 1, prompt);
            String shown = since(from);
            int start = shown.indexOf('\n') + 1;
            int end = shown.lastIndexOf("\n" + prompt.strip());
            return end < start ? "" : shown.substring(start, end);
        }

        /** Pastes text with Ctrl+V (a block arrives line by line) and presses Enter for its last line. */
        void paste(String text) {
            page.locator("xterm-terminal").click();
            page.keyboard().press("Control+V");
            if (!text.endsWith("\n")) {
                page.keyboard().press("Enter");
            }
        }

        /**
         * Pastes a block and waits until its output matches {@code marker} (a pattern) that many
         * times and psql's prompt is back; returns the output.
         */
        String pasteAndAwait(String text, String marker, int times) {
            int from = length();
            paste(text);
            awaitMarker(from, marker, times, PSQL_PROMPT);
            return since(from);
        }

        void awaitMarker(int from, String marker, int times, String end) {
            try {
                waitForMarker(from, marker, times, end);
            } catch (com.microsoft.playwright.TimeoutError e) {
                throw new AssertionError("The terminal never showed /" + marker + "/ " + times + " times, then " + end.strip()
                        + "; it shows:\n" + since(Math.min(from, length())), e);
            }
        }

        private void waitForMarker(int from, String marker, int times, String end) {
            page.waitForFunction("""
                    ([from, marker, times, end]) => {
                      const text = document.querySelector('xterm-terminal').text().substring(from);
                      return (text.match(new RegExp(marker, 'g')) || []).length >= times && text.trimEnd().endsWith(end.trimEnd());
                    }""", List.of(from, marker, times, end),
                    new Page.WaitForFunctionOptions().setTimeout(TERMINAL.toMillis()));
        }
    }
}
