package io.hyperscalelab.portal.cloudshell;

import static io.hyperscalelab.portal.cloudshell.PaneTerminal.awaitText;
import static io.hyperscalelab.portal.cloudshell.PaneTerminal.recordOutput;
import static io.hyperscalelab.portal.cloudshell.PaneTerminal.recordedOutput;
import static io.hyperscalelab.portal.cloudshell.PaneTerminal.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import io.hyperscalelab.browser.PortalBrowser;
import io.hyperscalelab.browser.PortalBrowser.LabCredentials;
import io.hyperscalelab.cluster.ClusterProperties;
import io.hyperscalelab.cluster.EmbeddedCluster;
import io.hyperscalelab.cluster.Firewall;
import io.hyperscalelab.cluster.FirewallRule;
import io.hyperscalelab.cluster.PlainPostgres;
import io.hyperscalelab.cluster.QuickstartLab;
import io.hyperscalelab.cluster.ServerGroup;
import io.hyperscalelab.data.DatasetSize;
import io.hyperscalelab.data.LabDataFiles;
import io.hyperscalelab.data.LabDataGenerator;
import io.hyperscalelab.data.LabDataPaths;
import io.hyperscalelab.portal.ServerGroupOwners;
import io.hyperscalelab.security.Account;
import io.hyperscalelab.security.AccountRepository;
import io.hyperscalelab.security.DeploymentId;
import java.io.BufferedInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The lab's load steps (section 3.4) typed into the Cloud Shell pane in a real Chromium, at lab
 * scale, against a real server group: both downloads with psql's {@code \!}, {@code \copy} of
 * events.csv with its progress line, {@code \COPY ... FROM PROGRAM 'curl ...'} of users.csv.
 * Every count is compared with the same files loaded by plain COPY into one plain PostgreSQL.
 * A file with one bad line in its middle is refused with its file, line and column named, and
 * loads nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CloudShellLoadBrowserTest {

    private static final String PASSWORD = "Lab-Passw0rd!";
    private static final String PSQL = "citus=>";

    @LocalServerPort
    private int port;

    @Autowired
    private AccountRepository accounts;

    @Autowired
    private ServerGroupOwners owners;

    @Autowired
    private CloudShellStorages storages;

    @Autowired
    private EmbeddedCluster cluster;

    @Autowired
    private ClusterProperties properties;

    private PortalBrowser browser;
    private PlainPostgres plain;
    private LabDataPaths lab;

    @BeforeAll
    void openBrowserAndLoadThePlainReference() throws Exception {
        browser = new PortalBrowser(port);
        // the very files the Cloud Shell's curl serves: the app's lab-data, at lab scale
        lab = new LabDataFiles(properties.dataDirectory().resolve("lab-data"), new LabDataGenerator(LabDataGenerator.DEFAULT_SEED))
                .materialise(DatasetSize.LAB);
        plain = PlainPostgres.start(properties, "plain-load-reference");
        try (Connection c = plain.connect(); Statement s = c.createStatement()) {
            for (String sql : QuickstartLab.CREATE_TABLES) {
                s.execute(sql);
            }
            copy(c, "github_events", lab.events());
            copy(c, "github_users", lab.users());
        }
    }

    @AfterAll
    void close() throws Exception {
        browser.close();
        plain.close();
    }

    @Test
    void theLabsLoadStepsInThePaneLoadWhatPlainCopyLoadsAndABadLineLoadsNothing() throws Exception {
        browser.newLearner();
        LabCredentials learner = browser.signInAsNewLearner();
        Account account = accounts.findByUsername(learner.username()).orElseThrow();
        DeploymentId id = account.deployment().orElseThrow();
        storages.create(account, CloudShellStorage.proposedFor(account));
        ServerGroup group = cluster.create(id.serverGroupName(), 2, PASSWORD);
        owners.claim(group.name(), account);
        try {
            String shellAddress = cluster.sourceAddresses().cloudShell();
            cluster.replaceFirewall(group.name(), new Firewall(false, List.of(new FirewallRule("CloudShell", shellAddress, shellAddress))));
            String user = "odl_user_" + id;
            String prompt = user + "@Azure:~$";
            Page page = browser.page();
            page.locator("#cloud-shell").click();
            awaitText(page, prompt);

            run(page, "psql \"host=" + id.coordinatorDisplayName() + " port=5432 dbname=citus user=citus password=" + PASSWORD
                    + " sslmode=require\"", PSQL);
            for (String sql : QuickstartLab.CREATE_TABLES) {
                assertThat(run(page, oneLine(sql), PSQL)).isEqualTo("CREATE TABLE");
            }
            for (String sql : QuickstartLab.CREATE_INDEXES) {
                assertThat(run(page, sql, PSQL)).isEqualTo("CREATE INDEX");
            }
            for (String sql : QuickstartLab.DISTRIBUTE) {
                assertThat(run(page, sql, PSQL)).contains("(1 row)");
            }

            assertThat(run(page, "\\! curl -O https://examples.citusdata.com/users.csv", PSQL))
                    .startsWith("  % Total    % Received % Xferd").contains("\n100 ");
            assertThat(run(page, "\\! curl -O https://examples.citusdata.com/events.csv", PSQL))
                    .startsWith("  % Total    % Received % Xferd").contains("\n100 ");

            long events = plainCount("github_events");
            long users = plainCount("github_users");
            recordOutput(page);
            assertThat(run(page, "\\copy github_events from 'events.csv' WITH CSV", PSQL)).isEqualTo("COPY " + events);
            // shown while it loaded, then wiped: psql's line for a load that takes more than a second
            assertThat(recordedOutput(page)).containsPattern("\r\u001b\\[Kevents\\.csv: +\\d+% of 96\\.8 MB, \\d+ rows")
                    .contains("\r\u001b[KCOPY " + events);
            assertThat(run(page, "\\COPY github_users FROM PROGRAM 'curl https://examples.citusdata.com/users.csv' WITH (FORMAT CSV)",
                    PSQL)).startsWith("  % Total    % Received % Xferd").endsWith("\nCOPY " + users);

            assertThat(run(page, "SELECT count(*) FROM github_events;", PSQL)).contains(" " + events + "\n(1 row)");
            assertThat(run(page, "SELECT count(*) FROM github_users;", PSQL)).contains(" " + users + "\n(1 row)");
            try (Connection c = cluster.learnerConnection(group.name(), shellAddress)) {
                for (String sql : List.of("SELECT count(DISTINCT user_id) FROM github_events",
                        "SELECT sum(event_id) FROM github_events", "SELECT count(DISTINCT login) FROM github_users")) {
                    assertThat(single(c, sql)).as(sql).isEqualTo(plainSingle(sql));
                }
            }

            // one bad line in the middle of the learner's own file: named, and nothing loaded
            BadFile bad = BadFile.write(lab.events(), properties.dataDirectory().resolve("cloudshell").resolve("homes")
                    .resolve(user).resolve("bad-events.csv"));
            String refused = run(page, "\\copy github_events from 'bad-events.csv' WITH CSV", PSQL);
            assertThat(refused).startsWith("ERROR:  invalid input syntax for type bigint: \"" + BadFile.VALUE + "\"\n")
                    .endsWith("\nCONTEXT:  COPY github_events from 'bad-events.csv', line " + bad.line() + ", column event_id");
            assertThat(run(page, "SELECT count(*) FROM github_events;", PSQL)).contains(" " + events + "\n(1 row)");
            browser.screenshot("cloud-shell-load");
        } finally {
            cluster.delete(group.name());
        }
    }

    /** A copy of the events file whose middle row has a distribution-column-free typo in event_id. */
    private record BadFile(long line) {

        static final String VALUE = "12x45";

        static BadFile write(Path events, Path target) throws Exception {
            byte[] bytes = Files.readAllBytes(events);
            int middle = bytes.length / 2;
            int start = middle;
            while (bytes[start - 1] != '\n') {
                start++;
            }
            int comma = start;
            while (bytes[comma] != ',') {
                comma++;
            }
            long line = 1;
            for (int i = 0; i < start; i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            byte[] value = VALUE.getBytes(StandardCharsets.US_ASCII);
            byte[] out = new byte[bytes.length - (comma - start) + value.length];
            System.arraycopy(bytes, 0, out, 0, start);
            System.arraycopy(value, 0, out, start, value.length);
            System.arraycopy(bytes, comma, out, start + value.length, bytes.length - comma);
            Files.createDirectories(target.getParent());
            Files.write(target, out);
            return new BadFile(line);
        }
    }

    private static String oneLine(String sql) {
        return sql.replaceAll("\\s*\\n\\s*", " ").replace("( ", "(").replace(" )", ")");
    }

    private static void copy(Connection c, String table, Path file) throws Exception {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + table + " FROM STDIN WITH (FORMAT csv)", in);
        }
    }

    private long plainCount(String table) throws Exception {
        return Long.parseLong(plainSingle("SELECT count(*) FROM " + table));
    }

    private String plainSingle(String sql) throws Exception {
        try (Connection c = plain.connect()) {
            return single(c, sql);
        }
    }

    private static String single(Connection c, String sql) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
