package io.hyperscalelab.portal.cloudshell;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static io.hyperscalelab.portal.cloudshell.PaneTerminal.awaitPrompts;
import static io.hyperscalelab.portal.cloudshell.PaneTerminal.awaitText;
import static io.hyperscalelab.portal.cloudshell.PaneTerminal.count;
import static io.hyperscalelab.portal.cloudshell.PaneTerminal.run;
import static io.hyperscalelab.portal.cloudshell.PaneTerminal.terminalText;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Mouse;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import io.hyperscalelab.browser.PortalBrowser;
import io.hyperscalelab.browser.PortalBrowser.LabCredentials;
import io.hyperscalelab.cluster.EmbeddedCluster;
import io.hyperscalelab.cluster.Firewall;
import io.hyperscalelab.cluster.FirewallRule;
import io.hyperscalelab.cluster.ServerGroup;
import io.hyperscalelab.portal.ServerGroupOwners;
import io.hyperscalelab.security.Account;
import io.hyperscalelab.security.AccountRepository;
import io.hyperscalelab.security.DeploymentId;
import io.hyperscalelab.security.LearnerAccounts;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The Cloud Shell pane in a real Chromium against the whole app: the first run's dialogs, the
 * terminal typed into key by key, psql against a real server group with Ctrl-C, and the pane's
 * life across navigation, minimise, close and reload.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CloudShellPaneBrowserTest {

    private static final String PASSWORD = "Lab-Passw0rd!";

    @LocalServerPort
    private int port;

    @Autowired
    private AccountRepository accounts;

    @Autowired
    private ServerGroupOwners owners;

    @Autowired
    private CloudShellStorages storages;

    @Autowired
    private LearnerAccounts learners;

    @Autowired
    private EmbeddedCluster cluster;

    private PortalBrowser browser;

    @BeforeAll
    void openBrowser() {
        browser = new PortalBrowser(port);
    }

    @AfterAll
    void closeBrowser() {
        browser.close();
    }

    @BeforeEach
    void newVisitor() {
        browser.newLearner();
    }

    @Test
    void theFirstRunAsksForBashAndStorageThenTheTerminalRunsCommands() {
        LabCredentials learner = browser.signInAsNewLearner();
        Account account = accounts.findByUsername(learner.username()).orElseThrow();
        DeploymentId id = account.deployment().orElseThrow();
        Page page = browser.page();

        page.locator("#cloud-shell").click();
        assertThat(page.locator(".cloud-shell-welcome")).containsText("Welcome to Azure Cloud Shell");
        assertThat(page.locator(".cloud-shell-welcome")).containsText("Select Bash or PowerShell.");
        page.locator("#cloud-shell-bash").click();

        Locator storage = page.locator(".cloud-shell-storage");
        assertThat(storage).containsText("You have no storage mounted");
        assertThat(storage).containsText("Azure Cloud Shell requires an Azure file share to persist files.");
        assertThat(page.locator("#cloud-shell-subscription")).containsText("Hyperscale Lab subscription");
        assertThat(page.locator("#cloud-shell-region")).isHidden();
        page.locator("#cloud-shell-advanced").click();
        assertThat(page.locator("#cloud-shell-advanced")).hasText("Hide advanced settings");
        assertThat(page.locator("#cloud-shell-region")).containsText("East US");
        assertThat(page.locator("#cloud-shell-resource-group-choice vaadin-radio-button[checked]")).hasText("Use existing");
        assertThat(page.locator("#cloud-shell-resource-group")).containsText(id.resourceGroupName());
        assertThat(page.locator("#cloud-shell-storage-account input")).hasValue("sa" + id);
        assertThat(page.locator("#cloud-shell-file-share input")).hasValue("fs" + id);

        // a name Azure refuses is shown beside its field, and nothing is created
        page.locator("#cloud-shell-storage-account input").fill("Storage_1");
        page.locator("#cloud-shell-file-share input").fill("fs--" + id);
        page.locator("#cloud-shell-create-storage").click();
        assertThat(page.locator("#cloud-shell-storage-account")).containsText("between 3 and 24 characters long");
        assertThat(page.locator("#cloud-shell-file-share")).containsText("lowercase letters, numbers and single hyphens");
        assertThat(storages.find(account)).isEmpty();

        page.locator("#cloud-shell-storage-account input").fill("sa" + id);
        page.locator("#cloud-shell-file-share input").fill("fs" + id);
        page.locator("#cloud-shell-create-storage").click();

        String user = "odl_user_" + id;
        String prompt = user + "@Azure:~$";
        awaitText(page, prompt);
        assertThat(storages.find(account)).hasValue(new CloudShellStorage("East US", "citus-" + id, "sa" + id, "fs" + id));
        assertThat(terminalText(page)).isEqualTo(String.join("\n",
                "Your cloud drive has been created in:",
                "",
                "Subscription Id: 5c4d2f7e-3b1a-4c8e-9d2f-0a1b2c3d4e5f",
                "Resource group:  citus-" + id,
                "Storage account: sa" + id,
                "File share:      fs" + id,
                "",
                "Initializing your account for Cloud Shell...",
                "Requesting a Cloud Shell.Succeeded.",
                "Connecting terminal...",
                "",
                "Welcome to Azure Cloud Shell",
                "",
                "Type \"az\" to use Azure CLI",
                "Type \"help\" to learn about Cloud Shell",
                "",
                prompt + " "));
        // focused on open: typing reaches the shell without a click
        assertThat(run(page, "help", prompt)).contains("psql \"CONNECTION STRING\"");
        assertThat(run(page, "foo", prompt)).isEqualTo("bash: foo: command not found");
        assertThat(run(page, "curl -s https://ifconfig.co", prompt)).isEqualTo("127.0.0.3");
        assertThat(run(page, "whoami", prompt)).isEqualTo(user);
        browser.screenshot("cloud-shell");

        // Ctrl+C with text selected copies it, and the shell sees no interrupt
        browser.context().grantPermissions(List.of("clipboard-read", "clipboard-write"));
        String screen = terminalText(page);
        Locator userRow = page.locator(".xterm-rows > div", new Page.LocatorOptions().setHasText(Pattern.compile("^" + user + "$")));
        BoundingBox word = userRow.boundingBox();
        page.mouse().dblclick(word.x + 10, word.y + word.height / 2);
        page.keyboard().press("Control+C");
        assertThat(page.evaluate("() => navigator.clipboard.readText()")).isEqualTo(user);
        run(page, "echo after-copy", prompt);
        assertThat(terminalText(page)).isEqualTo(screen + "echo after-copy\nafter-copy\n" + prompt + " ");
    }

    @Test
    void powerShellIsAnsweredWithBashAndCloseLeavesTheFirstRunToDo() {
        LabCredentials learner = browser.signInAsNewLearner();
        Account account = accounts.findByUsername(learner.username()).orElseThrow();
        Page page = browser.page();

        page.locator("#cloud-shell").click();
        page.locator("#cloud-shell-powershell").click();
        assertThat(page.locator("#cloud-shell-bash-only")).containsText("PowerShell is not part of this lab");
        assertThat(page.locator(".cloud-shell-storage")).containsText("You have no storage mounted");
        page.locator("#cloud-shell-storage-close").click();
        assertThat(page.locator("#cloud-shell-pane")).isHidden();
        assertThat(storages.find(account)).isEmpty();

        page.locator("#cloud-shell").click();
        assertThat(page.locator(".cloud-shell-welcome")).containsText("Welcome to Azure Cloud Shell");
    }

    @Test
    void thePaneKeepsItsSessionAcrossPortalPagesAndLaterOpeningsSkipTheFirstRun() {
        LabCredentials learner = browser.signInAsNewLearner();
        Account account = accounts.findByUsername(learner.username()).orElseThrow();
        DeploymentId id = account.deployment().orElseThrow();
        storages.create(account, CloudShellStorage.proposedFor(account));
        String user = "odl_user_" + id;
        String prompt = user + "@Azure:~$";
        Page page = browser.page();

        page.locator("#cloud-shell").click();
        awaitText(page, prompt);
        assertThat(shellThreads(user)).isEqualTo(1);
        assertThat(page.locator(".cloud-shell-welcome")).hasCount(0);
        assertThat(terminalText(page)).startsWith("Requesting a Cloud Shell.Succeeded.");
        run(page, "echo before-navigation", prompt);

        page.locator("#portal-menu").click();
        page.locator("vaadin-context-menu-item", new Page.LocatorOptions().setHasText("Create a resource")).click();
        page.waitForURL("**/create");
        assertThat(page.locator(".create-resource-view")).isVisible();
        assertThat(terminalText(page)).contains("before-navigation");
        page.locator("xterm-terminal").click();
        assertThat(run(page, "echo after-navigation", prompt)).isEqualTo("after-navigation");

        // minimised: the toolbar stays, the session too
        page.locator("#cloud-shell-minimise").click();
        assertThat(page.locator("xterm-terminal")).isHidden();
        page.locator("#cloud-shell-minimise").click();
        assertThat(run(page, "echo restored", prompt)).isEqualTo("restored");

        // the top edge resizes the pane, and the terminal gets more rows
        BoundingBox pane = page.locator("#cloud-shell-pane").boundingBox();
        int rows = page.locator(".xterm-rows > div").count();
        page.mouse().move(pane.x + pane.width / 2, pane.y + 1);
        page.mouse().down();
        page.mouse().move(pane.x + pane.width / 2, pane.y - 150, new Mouse.MoveOptions().setSteps(5));
        page.mouse().up();
        await().atMost(Duration.ofSeconds(10)).until(() -> page.locator(".xterm-rows > div").count() > rows);
        assertThat(page.locator("#cloud-shell-pane").boundingBox().height).isGreaterThan(pane.height + 100);

        page.locator("#cloud-shell-maximise").click();
        assertThat(page.locator("#cloud-shell-pane")).hasClass(Pattern.compile("maximised"));
        double portalHeight = page.locator(".portal-main").boundingBox().height;
        await().atMost(Duration.ofSeconds(10)).until(() -> page.locator("#cloud-shell-pane").boundingBox().height >= portalHeight - 1);
        page.locator("#cloud-shell-maximise").click();
        assertThat(page.locator("#cloud-shell-pane")).not().hasClass(Pattern.compile("maximised"));
        assertThat(page.locator("#cloud-shell-pane").boundingBox().height).isLessThan(portalHeight - 100);

        // closing ends the session: the next one starts afresh, without the first-run dialogs
        page.locator("#cloud-shell-close").click();
        assertThat(page.locator("#cloud-shell-pane")).isHidden();
        assertThat(page.locator("xterm-terminal")).hasCount(0);
        await().atMost(Duration.ofSeconds(10)).until(() -> shellThreads(user) == 0);
        page.locator("#cloud-shell").click();
        awaitText(page, prompt);
        assertThat(terminalText(page)).doesNotContain("after-navigation");

        // the page that is left behind closes its UI, and with it the session
        page.reload();
        await().atMost(Duration.ofSeconds(10)).until(() -> shellThreads(user) == 0);
        page.locator("#cloud-shell").click();
        awaitText(page, prompt);
        assertThat(page.locator(".cloud-shell-welcome")).hasCount(0);
        assertThat(page.locator(".cloud-shell-storage")).hasCount(0);
        assertThat(run(page, "pwd", prompt)).isEqualTo("/home/" + user);
    }

    @Test
    void exitOffersReconnectAndRestartStartsANewSession() {
        LabCredentials learner = browser.signInAsNewLearner();
        Account account = accounts.findByUsername(learner.username()).orElseThrow();
        storages.create(account, CloudShellStorage.proposedFor(account));
        String prompt = "odl_user_" + account.deployment().orElseThrow() + "@Azure:~$";
        Page page = browser.page();
        page.locator("#cloud-shell").click();
        awaitText(page, prompt);

        run(page, "echo first-session", prompt);
        page.keyboard().type("exit");
        page.keyboard().press("Enter");
        assertThat(page.locator(".cloud-shell-ended")).containsText("Your Cloud Shell session has ended.");
        page.locator("#cloud-shell-reconnect").click();
        assertThat(page.locator(".cloud-shell-ended")).hasCount(0);
        awaitText(page, prompt);
        assertThat(terminalText(page)).doesNotContain("first-session");

        run(page, "echo second-session", prompt);
        page.locator("#cloud-shell-restart").click();
        page.locator("#cloud-shell-restart-confirm").click();
        page.waitForFunction("() => { const e = document.querySelector('xterm-terminal'); return e != null && !e.text().includes('second-session'); }");
        awaitText(page, prompt);
        assertThat(run(page, "echo third-session", prompt)).isEqualTo("third-session");
    }

    @Test
    void aStorageAccountNameBelongsToOneLearnerAndASecondCreateKeepsTheFirst() {
        // accounts made directly, from an address of their own, so they leave the browser's launch budget alone
        Account first = learners.create("192.0.2.10").account();
        Account second = learners.create("192.0.2.10").account();
        CloudShellStorage storage = CloudShellStorage.proposedFor(first);
        assertThat(storages.create(first, storage)).isEqualTo(storage);

        CloudShellStorage sameName = new CloudShellStorage("West Europe", "cloud-shell-storage-westeurope", storage.storageAccount(), "fs1");
        assertThatThrownBy(() -> storages.create(second, sameName))
                .isInstanceOf(CloudShellStorages.StorageAccountTakenException.class)
                .hasMessage("The storage account named " + storage.storageAccount() + " is already taken.");
        assertThat(storages.find(second)).isEmpty();

        assertThat(storages.create(first, CloudShellStorage.proposedFor(second))).as("another tab was quicker").isEqualTo(storage);
    }

    @Test
    void psqlReachesTheLearnersServerGroupAndCtrlCCancelsAStatement() throws Exception {
        LabCredentials learner = browser.signInAsNewLearner();
        Account account = accounts.findByUsername(learner.username()).orElseThrow();
        DeploymentId id = account.deployment().orElseThrow();
        storages.create(account, CloudShellStorage.proposedFor(account));
        ServerGroup group = cluster.create(id.serverGroupName(), 2, PASSWORD);
        owners.claim(group.name(), account);
        try {
            String shellAddress = cluster.sourceAddresses().cloudShell();
            cluster.replaceFirewall(group.name(), new Firewall(false, List.of(new FirewallRule("CloudShell", shellAddress, shellAddress))));
            String prompt = "odl_user_" + id + "@Azure:~$";
            Page page = browser.page();
            page.locator("#cloud-shell").click();
            awaitText(page, prompt);

            String banner = run(page, "psql \"host=" + id.coordinatorDisplayName() + " port=5432 dbname=citus user=citus password="
                    + PASSWORD + " sslmode=require\"", "citus=>");
            assertThat(banner).startsWith("psql (15.18 (Hyperscale Lab), server 18.")
                    .contains("SSL connection (protocol: TLSv1.3")
                    .endsWith("Type \"help\" for help.\n");
            assertThat(run(page, "SELECT 1;", "citus=>")).isEqualTo(" ?column? \n----------\n        1\n(1 row)\n");

            // a multi-line statement pasted with Ctrl+V arrives line by line
            int beforePaste = count(terminalText(page), "citus=>");
            browser.context().grantPermissions(List.of("clipboard-read", "clipboard-write"));
            page.evaluate("t => navigator.clipboard.writeText(t)", "SELECT 2 AS two,\n       3 AS three;\n");
            page.keyboard().press("Control+V");
            assertThat(awaitPrompts(page, "citus=>", beforePaste + 1)).endsWith("citus=> SELECT 2 AS two,\n"
                    + "citus->        3 AS three;\n two | three \n-----+-------\n   2 |     3\n(1 row)\n\ncitus=> ");

            int prompts = count(terminalText(page), "citus=>");
            page.keyboard().type("SELECT pg_sleep(30);");
            page.keyboard().press("Enter");
            await().atMost(Duration.ofSeconds(20)).until(() -> sleepIsRunning(group));
            page.keyboard().press("Control+C");
            awaitPrompts(page, "citus=>", prompts + 1);
            assertThat(terminalText(page)).endsWith("citus=> SELECT pg_sleep(30);\n^CCancel request sent\n"
                    + "ERROR:  canceling statement due to user request\ncitus=> ");

            assertThat(run(page, "\\q", prompt)).isEmpty();

            // another learner's group: its name does not resolve and its port is closed, even with its password
            ServerGroup other = cluster.create("shell-other-" + id, 2, PASSWORD);
            try {
                cluster.replaceFirewall(other.name(), new Firewall(false, List.of(new FirewallRule("CloudShell", shellAddress, shellAddress))));
                assertThat(run(page, "psql \"host=shell-other-" + id + "-c.postgres.database.azure.com port=5432 dbname=citus "
                        + "user=citus password=" + PASSWORD + "\"", prompt)).isEqualTo("psql: error: could not translate host name "
                        + "\"shell-other-" + id + "-c.postgres.database.azure.com\" to address: Name or service not known");
                assertThat(run(page, "psql \"host=127.0.0.1 port=" + other.coordinator().port() + " dbname=citus user=citus password="
                        + PASSWORD + "\"", prompt)).startsWith("psql: error: connection to server at \"127.0.0.1\", port "
                        + other.coordinator().port() + " failed: Connection refused");
            } finally {
                cluster.delete(other.name());
            }
        } finally {
            cluster.delete(group.name());
            owners.release(group.name());
        }
    }

    /** The sessions of {@code user} that still run: each has a thread of its own. */
    private static long shellThreads(String user) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.isAlive() && thread.getName().equals("cloud-shell-" + user)).count();
    }

    private boolean sleepIsRunning(ServerGroup group) throws Exception {
        try (Connection c = cluster.superuserConnection(group.name(), group.coordinator());
             ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM pg_stat_activity "
                     + "WHERE query LIKE 'SELECT pg_sleep(30)%' AND state = 'active'")) {
            rs.next();
            return rs.getInt(1) == 1;
        }
    }
}
