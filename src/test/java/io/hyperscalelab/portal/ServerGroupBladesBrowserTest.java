package io.hyperscalelab.portal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.hyperscalelab.browser.PortalBrowser;
import io.hyperscalelab.cluster.EmbeddedCluster;
import io.hyperscalelab.cluster.Firewall;
import io.hyperscalelab.cluster.FirewallRule;
import io.hyperscalelab.cluster.ServerGroup;
import io.hyperscalelab.security.AccountRepository;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
 * A server group's blades in a real Chromium, against one group that the real cluster runs:
 * Overview, Connection strings whose JDBC entry connects, Networking whose rules the coordinator
 * enforces, and Reset the password. The group is created through the form's model, with the
 * rule the lab adds for the learner's own machine; each test starts from that firewall.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServerGroupBladesBrowserTest {

    /** The group of the lab guide's Connection strings screenshot. */
    private static final String GROUP = "postgres135800";
    private static final String PASSWORD = "Lab-Passw0rd!";
    private static final FirewallRule LEARNER_MACHINE = new FirewallRule("ClientIPAddress", "127.0.0.1", "127.0.0.1");
    private static final Firewall INITIAL = new Firewall(false, List.of(LEARNER_MACHINE));
    /** An address no rule of {@link #INITIAL} covers: a learner elsewhere. */
    private static final String ELSEWHERE = "127.0.0.5";

    @LocalServerPort
    private int port;

    @Autowired
    private EmbeddedCluster cluster;

    @Autowired
    private ServerGroupProvisioner provisioner;

    @Autowired
    private AccountRepository accounts;

    private PortalBrowser browser;
    private ServerGroup group;
    private Deployment deployment;

    @BeforeAll
    void createGroup() throws Exception {
        if (cluster.group(GROUP).isPresent()) {
            provisioner.delete(GROUP).get(2, TimeUnit.MINUTES); // left behind by an interrupted earlier run
        }
        ServerGroupForm form = new ServerGroupForm(LabSubscription.DEFAULT.name(), "citus-135800-" + System.nanoTime(), true,
                GROUP, Locations.DEFAULT, cluster.postgresMajorVersion(), ComputeConfiguration.labDefault(), PASSWORD, PASSWORD,
                ConnectivityMethod.PUBLIC_ACCESS, false, List.of(FirewallRuleInput.of(LEARNER_MACHINE)), List.of());
        browser = new PortalBrowser(port);
        PortalBrowser.LabCredentials learner = browser.signInAsNewLearner();
        deployment = provisioner.deploy(form, accounts.findByUsername(learner.username()).orElseThrow());
        assertThat(deployment.awaitEnd(Duration.ofMinutes(3))).isTrue();
        assertThat(deployment.failure()).isEmpty();
        group = cluster.group(GROUP).orElseThrow();
        assertThat(group.firewall()).isEqualTo(INITIAL);
    }

    @AfterAll
    void deleteGroup() throws Exception {
        if (browser != null) {
            browser.close();
        }
        provisioner.delete(GROUP).get(2, TimeUnit.MINUTES);
    }

    @BeforeEach
    void initialFirewall() {
        cluster.replaceFirewall(GROUP, INITIAL);
    }

    @Test
    void anotherLearnerCannotFindOrOpenTheGroup() {
        try (PortalBrowser other = new PortalBrowser(port)) {
            other.signInAsNewLearner();
            for (String blade : List.of("", "/connection-strings", "/networking", "/query-editor")) {
                Page page = other.open("/resource/postgresql/" + GROUP + blade);
                assertThat(page.locator(".server-group-blade")).containsText("There is no server group named " + GROUP);
                assertThat(page.locator(".resource-layout")).hasCount(0);
            }
            Page deploymentPage = other.open("/deployment/" + deployment.name());
            assertThat(deploymentPage.locator("body")).containsText("There is no deployment named " + deployment.name());
            Page list = other.open("/browse/postgresql");
            assertThat(list.locator("#item-count")).isVisible();
            assertThat(list.locator("#server-groups")).not().containsText(GROUP);
            Page home = other.open("/");
            assertThat(home.locator(".recent-resources")).not().containsText(GROUP);
        }
        // while its owner still sees it
        assertThat(browser.open("/browse/postgresql").locator("#server-groups")).containsText(GROUP);
    }

    @Test
    void overviewShowsTheVersionAndTheEndpointTheConnectionStringsUse() {
        Page page = browser.open("/resource/postgresql/" + GROUP);
        Locator essentials = page.locator("#essentials");
        assertThat(essential(page, "PostgreSQL version")).containsText(String.valueOf(cluster.postgresMajorVersion()));
        assertThat(essential(page, "Coordinator name")).containsText("srv135800.postgres.database.azure.com");
        assertThat(page.locator("#coordinator-endpoint")).hasText("127.0.0.1:" + group.coordinator().port());
        assertThat(essentials).containsText("citus");
        assertThat(page.locator("#server-group-nodes .node-status-available")).hasCount(3);

        essential(page, "Coordinator endpoint").getByText("Connection strings").click();
        assertThat(page.locator(".blade-title")).hasText(GROUP + " - Connection strings");
        assertThat(page.locator("#connection-string-jdbc input")).hasValue(
                "jdbc:postgresql://127.0.0.1:" + group.coordinator().port() + "/citus?user=citus&password={your_password}&sslmode=require");
    }

    @Test
    void theCopiedJdbcStringConnectsWithThePasswordFilledIn() throws Exception {
        BrowserContext context = browser.context();
        context.grantPermissions(List.of("clipboard-read", "clipboard-write"),
                new BrowserContext.GrantPermissionsOptions().setOrigin(browser.baseUrl()));
        Page page = browser.open("/resource/postgresql/" + GROUP + "/connection-strings");
        assertThat(page.locator(".breadcrumb")).hasText("Home>Azure Database for PostgreSQL servers>" + GROUP + " - Connection strings");
        assertThat(page.locator(".connection-string-label")).hasText(new String[] {
                "ADO.NET", "C++ (libpq)", "JDBC", "Node.js", "PHP", "psql", "Python", "Ruby", "Web App"});
        assertThat(page.locator("#password-note")).containsText("doesn't store your plaintext password");
        assertThat(page.locator("#password-note")).containsText("{your_password}");
        browser.screenshotOfTop("connection-strings");

        String jdbc = page.locator("#connection-string-jdbc input").inputValue();
        page.locator("#connection-string-jdbc-copy").click();
        assertThat(page.locator("#connection-string-jdbc-copied")).hasText(ConnectionStringsView.COPIED);
        assertThat(page.evaluate("() => navigator.clipboard.readText()")).isEqualTo(jdbc);
        page.locator("#connection-string-psql-copy").click();
        assertThat(page.locator("#connection-string-psql-copied")).hasText(ConnectionStringsView.COPIED);
        assertThat(page.locator("#connection-string-jdbc-copied")).hasText("");
        assertThat(page.evaluate("() => navigator.clipboard.readText()"))
                .isEqualTo(page.locator("#connection-string-psql input").inputValue());

        String url = jdbc.replace(ConnectionStrings.PASSWORD_PLACEHOLDER, cluster.learnerCredentials(GROUP).password());
        try (Connection c = DriverManager.getConnection(url)) {
            assertThat(single(c, "SELECT 1")).isEqualTo("1");
            assertThat(single(c, "SHOW server_version")).startsWith(group.postgresMajorVersion() + ".");
            assertThat(single(c, "SELECT ssl::text FROM pg_stat_ssl WHERE pid = pg_backend_pid()")).isEqualTo("true");
        }
    }

    @Test
    void aRuleSavedInTheGridAdmitsItsAddressAndItsRemovalRefusesItAgain() throws Exception {
        Page page = browser.open("/resource/postgresql/" + GROUP + "/networking");
        assertThat(page.locator(".resource-main")).containsText("Inbound connections from the IP addresses specified below "
                + "will be allowed to port " + group.coordinator().port() + " on the coordinator (srv135800) in your server "
                + "group (" + GROUP + ").");
        assertThat(page.locator("#encrypted-connections")).containsText("Transport Layer Security (TLS)");
        assertThat(page.locator("#firewall-rules-0-0 input")).hasValue("ClientIPAddress");
        assertThat(page.locator("#networking-save")).isDisabled();
        assertRefused(ELSEWHERE);

        page.locator("#firewall-rules-1-0 input").fill("LabRule");
        page.locator("#firewall-rules-1-1 input").fill(ELSEWHERE);
        page.locator("#firewall-rules-1-2 input").fill(ELSEWHERE);
        for (int column = 0; column < 3; column++) {
            assertThat(page.locator("#firewall-rules-1-" + column + " .valid-check")).isVisible();
        }
        // An impatient double click: one change, no error.
        page.locator("#networking-save").dblclick();
        expectNotification(page, NetworkingView.UPDATED);
        assertThat(page.locator(".portal-notification-error")).hasCount(0);
        assertThat(page.locator("#networking-save")).isDisabled();
        browser.screenshotOfTop("networking");
        assertThat(cluster.firewall(GROUP).rules()).containsExactly(LEARNER_MACHINE, new FirewallRule("LabRule", ELSEWHERE, ELSEWHERE));
        try (Connection c = cluster.learnerConnection(GROUP, ELSEWHERE)) {
            assertThat(single(c, "SELECT inet_client_addr()::text")).isEqualTo(ELSEWHERE + "/32");
        }
        dismissNotifications(page);

        page.locator("#firewall-rules-1-delete").click();
        assertThat(page.locator("#firewall-rules-1-0 input")).hasValue("");
        page.locator("#networking-save").click();
        expectNotification(page, NetworkingView.UPDATED);
        assertThat(cluster.firewall(GROUP)).isEqualTo(INITIAL);
        assertRefused(ELSEWHERE);
    }

    @Test
    void invalidRulesAreMarkedBesideTheirCellAndNotSaved() {
        Page page = browser.open("/resource/postgresql/" + GROUP + "/networking");
        page.locator("#firewall-rules-1-0 input").fill("Elsewhere");
        page.locator("#firewall-rules-1-1 input").fill("127.0.0.300");
        assertThat(page.locator("#firewall-rules-1-1")).containsText("'127.0.0.300' is not a valid IPv4 address");
        assertThat(page.locator("#firewall-rules-1-0 .valid-check")).isVisible();

        page.locator("#firewall-rules-1-1 input").fill("127.0.0.9");
        page.locator("#firewall-rules-1-2 input").fill("127.0.0.5");
        assertThat(page.locator("#firewall-rules-1-1")).not().hasAttribute("invalid", "");
        assertThat(page.locator("#firewall-rules-1-2")).containsText(
                "The start IP address 127.0.0.9 must not be greater than the end IP address 127.0.0.5.");

        page.locator("#firewall-rules-1-2 input").fill("127.0.0.9");
        page.locator("#firewall-rules-1-0 input").fill("clientipaddress");
        assertThat(page.locator("#firewall-rules-1-0")).containsText("The firewall rule name clientipaddress is used more than once");

        page.locator("#networking-save").click();
        assertThat(page.locator("#networking-refused")).containsText("The firewall rules were not saved.");
        assertThat(cluster.firewall(GROUP)).isEqualTo(INITIAL);

        page.locator("#networking-discard").click();
        assertThat(page.locator("#firewall-rules-1-0 input")).hasValue("");
        assertThat(page.locator("#networking-refused")).isHidden();
        assertThat(page.locator("#networking-save")).isDisabled();
    }

    @Test
    void addCurrentClientIpAddressAddsTheBrowsersAddress() {
        Page page = browser.open("/resource/postgresql/" + GROUP + "/networking");
        assertThat(page.locator("#add-client-ip")).hasText("+ Add current client IP address ( 127.0.0.1 )");
        page.locator("#add-client-ip").click();
        assertThat(page.locator("#firewall-rules-1-0 input")).hasValue(Pattern.compile("ClientIPAddress_\\d{4}-.*"));
        assertThat(page.locator("#firewall-rules-1-1 input")).hasValue("127.0.0.1");
        assertThat(page.locator("#firewall-rules-1-2 input")).hasValue("127.0.0.1");
        assertThat(page.locator("#networking-save")).isEnabled();

        page.locator("#add-all-ips").click();
        assertThat(page.locator("#firewall-rules-2-1 input")).hasValue("0.0.0.0");
        assertThat(page.locator("#firewall-rules-2-2 input")).hasValue("255.255.255.255");
    }

    @Test
    void allowAzureServicesAdmitsThePortalsOwnServices() throws Exception {
        String azureServices = cluster.sourceAddresses().azureServices();
        assertRefused(azureServices);
        Page page = browser.open("/resource/postgresql/" + GROUP + "/networking");
        page.locator("#allow-azure-services vaadin-radio-button", new Page.LocatorOptions().setHasText("Yes")).click();
        page.locator("#networking-save").click();
        expectNotification(page, NetworkingView.UPDATED);
        assertThat(cluster.firewall(GROUP).allowAzureServices()).isTrue();
        try (Connection c = cluster.learnerConnection(GROUP, azureServices)) {
            assertThat(single(c, "SELECT current_user")).isEqualTo("citus");
        }
    }

    @Test
    void leavingWithUnsavedChangesAsksFirst() {
        Page page = browser.open("/resource/postgresql/" + GROUP + "/networking");
        page.locator("#firewall-rules-1-0 input").fill("Unsaved");
        page.locator(".resource-menu-item", new Page.LocatorOptions().setHasText("Overview")).click();
        assertThat(page.getByRole(AriaRole.DIALOG)).containsText("You have unsaved changes");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Stay")).click();
        assertThat(page.locator(".blade-title")).hasText(GROUP + " - Networking");

        page.locator(".resource-menu-item", new Page.LocatorOptions().setHasText("Overview")).click();
        page.locator("#unsaved-changes-leave").click();
        assertThat(page.locator(".blade-title")).hasText(GROUP);
        assertThat(cluster.firewall(GROUP)).isEqualTo(INITIAL);
    }

    @Test
    void resetThePasswordChangesItOnEveryNode() throws Exception {
        String before = cluster.learnerCredentials(GROUP).password();
        String after = before.equals("New-Passw0rd!") ? "Other-Passw0rd!" : "New-Passw0rd!";
        Page page = browser.open("/resource/postgresql/" + GROUP);
        page.locator("#reset-password").click();
        page.locator("#reset-password-new input").fill("short");
        assertThat(page.locator("#reset-password-new")).containsText("at least 8 characters");
        page.locator("#reset-password-new input").fill(after);
        page.locator("#reset-password-confirm input").fill(after);
        page.locator("#reset-password-save").click();
        expectNotification(page, ResetPasswordDialog.RESET);
        assertThat(page.getByRole(AriaRole.DIALOG)).hasCount(0);

        assertThat(cluster.learnerCredentials(GROUP).password()).isEqualTo(after);
        try (Connection c = DriverManager.getConnection(cluster.jdbcUrl(GROUP), "citus", after)) {
            // the coordinator reaches its workers with the new password too
            assertThat(single(c, "SELECT count(*) FROM run_command_on_workers('SELECT 1') WHERE success")).isEqualTo("2");
        }
        assertThatThrownBy(() -> DriverManager.getConnection(cluster.jdbcUrl(GROUP), "citus", before).close())
                .hasMessageContaining("password authentication failed");
    }

    @Test
    void aResetTheClusterRefusesIsExplainedAndTheTypedPasswordKept() {
        cluster.stop(GROUP);
        try {
            Page page = browser.open("/resource/postgresql/" + GROUP);
            page.locator("#reset-password").click();
            page.locator("#reset-password-new input").fill("Stopped-Passw0rd!");
            page.locator("#reset-password-confirm input").fill("Stopped-Passw0rd!");
            page.locator("#reset-password-save").click();
            assertThat(page.locator("#reset-password-result")).containsText("The password cannot be reset while node");
            assertThat(page.locator(".portal-notification-error")).containsText("Failed to reset the password");
            assertThat(page.locator("#reset-password-new input")).hasValue("Stopped-Passw0rd!");
            assertThat(page.locator("#reset-password-save")).isEnabled();
        } finally {
            cluster.start(GROUP);
        }
    }

    private static Locator essential(Page page, String label) {
        return page.locator("#essentials .essential", new Page.LocatorOptions().setHasText(label));
    }

    private void assertRefused(String sourceAddress) {
        assertThatThrownBy(() -> cluster.learnerConnection(GROUP, sourceAddress).close())
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("no pg_hba.conf entry for host \"" + sourceAddress + "\"");
    }

    private static void expectNotification(Page page, String title) {
        assertThat(page.locator(".portal-notification-success .portal-notification-title")).hasText(title);
    }

    private static void dismissNotifications(Page page) {
        page.locator(".portal-notification vaadin-button[aria-label=Dismiss]").first().click();
        assertThat(page.locator(".portal-notification")).hasCount(0);
    }

    private static String single(Connection c, String sql) throws SQLException {
        try (ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
