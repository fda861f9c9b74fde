package io.hyperscalelab.portal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import io.hyperscalelab.browser.PortalBrowser;
import io.hyperscalelab.cluster.ClusterKind;
import io.hyperscalelab.cluster.EmbeddedCluster;
import io.hyperscalelab.cluster.Firewall;
import io.hyperscalelab.cluster.ServerGroupSpec;
import io.hyperscalelab.cluster.ServerGroups;
import io.hyperscalelab.cluster.TestClusters;
import io.hyperscalelab.security.AccountRepository;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole portal with its server groups on "real Citus", in a real Chromium. There is no Citus
 * here, so the portal's URL names an embedded group's coordinator, as its admin role {@code citus}
 * (not a superuser): the portal cannot tell it from Citus by its catalog, and treats it as one. The
 * settings page shows the cluster and its two workers, a group is a role of its own (Overview,
 * connection strings), the create form says the cluster's worker count wins, and the query editor
 * sends statements as they are and reads their breakdown from the coordinator's EXPLAIN (here
 * PostgreSQL's, as the emulation's EXPLAIN has no Citus scan).
 */
// a context of its own, on its own data directory and ports, closed after the class
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "hyperscale.cluster.data-directory=target/hyperscale-data-real-citus",
        "hyperscale.cluster.first-port=14000", "hyperscale.cluster.last-port=14499"})
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RealCitusPortalBrowserTest {

    private static final String HOST_PASSWORD = "Host-Passw0rd!";
    private static final String LEARNER_PASSWORD = "Learner-Passw0rd!";
    private static EmbeddedCluster host;

    @LocalServerPort
    private int port;

    @Autowired
    private ServerGroups cluster;

    @Autowired
    private ServerGroupOwners owners;

    @Autowired
    private AccountRepository accounts;

    private PortalBrowser browser;
    private String group;

    @DynamicPropertySource
    static void citusUrl(DynamicPropertyRegistry registry) throws Exception {
        host = new EmbeddedCluster(TestClusters.freshProperties("citus-portal-host"));
        int coordinator = host.create("citus-portal-host", 2, HOST_PASSWORD).coordinator().port();
        registry.add("hyperscale.citus.url", () -> "postgresql://citus@127.0.0.1:" + coordinator + "/citus?sslmode=require");
        registry.add("hyperscale.citus.password", () -> HOST_PASSWORD);
    }

    @BeforeAll
    void createTheLearnersGroup() {
        browser = new PortalBrowser(port);
        PortalBrowser.LabCredentials learner = browser.signInAsNewLearner();
        group = "postgres" + learner.username().replaceAll("\\D", "");
        cluster.create(new ServerGroupSpec(group, 2, LEARNER_PASSWORD, cluster.availablePostgresVersions().get(0),
                Firewall.NO_ACCESS));
        owners.claim(group, accounts.findByUsername(learner.username()).orElseThrow());
    }

    @AfterAll
    void deleteEverything() {
        if (browser != null) {
            browser.close();
        }
        if (group != null && cluster.group(group).isPresent()) {
            cluster.delete(group);
        }
        TestClusters.deleteGroupsAndClose(host);
    }

    @Test
    void theSettingsPageShowsTheCitusClusterAndItsWorkers() {
        org.assertj.core.api.Assertions.assertThat(cluster.kind()).isEqualTo(ClusterKind.REAL_CITUS);
        Page page = browser.open("/");
        page.locator("#portal-settings").click();

        assertThat(page.locator("#cluster-in-use")).hasText("Real Citus cluster");
        assertThat(page.locator("#citus-status")).hasText("Connected");
        assertThat(page.locator(".settings-view")).containsText("citus@127.0.0.1:");
        assertThat(page.locator(".settings-view")).containsText("12.1-1");
        assertThat(page.locator("#citus-workers vaadin-grid-cell-content").getByText(Pattern.compile("^127\\.0\\.0\\.1:\\d+$")))
                .hasCount(2);
        page.locator("#citus-check").click();
        assertThat(page.locator("#citus-status")).hasText("Connected");
    }

    @Test
    void aGroupIsARoleOfItsOwnOnTheOverviewAndInItsConnectionStrings() {
        Page page = browser.open("/resource/postgresql/" + group);
        assertThat(page.locator(".server-group-blade")).containsText("Admin username");
        assertThat(page.locator(".server-group-blade")).containsText(group);

        page = browser.open("/resource/postgresql/" + group + "/connection-strings");
        assertThat(page.locator("#connection-string-psql input")).hasValue(Pattern.compile(
                "psql \"host=127\\.0\\.0\\.1 port=\\d+ dbname=citus user=" + group + " password=\\{your_password\\} sslmode=require\""));
        assertThat(page.locator("#password-note")).containsText("with the password of " + group + ".");
    }

    @Test
    void theFormSaysTheClustersWorkerCountWins() {
        Page page = browser.open("/create/Microsoft.PostgreSQLServerGroup");
        page.locator("#configure-server-group").click();
        page.locator("#worker-count input").fill("4");
        page.locator("#worker-count input").press("Tab");

        assertThat(page.locator("#worker-count")).containsText(
                "This portal runs on a real Citus cluster with 2 worker nodes: the server group will have its 2, not 4.");
    }

    @Test
    void theQueryEditorSendsStatementsAsTheyAreAndShowsTheCoordinatorsBreakdown() {
        Page page = browser.open("/resource/postgresql/" + group + "/query-editor");
        assertThat(page.locator(".server-group-blade")).containsText("connects to the Citus cluster as " + group);

        run(page, "CREATE TABLE notes (id int, body text)");
        run(page, "INSERT INTO notes SELECT i, 'note ' || i FROM generate_series(1, 7) i");
        run(page, "SELECT count(*) FROM notes");

        assertThat(page.locator("#query-summary")).hasText("1 row");
        assertThat(page.locator("#query-results vaadin-grid-cell-content").getByText("7",
                new com.microsoft.playwright.Locator.GetByTextOptions().setExact(true))).hasCount(1);
        assertThat(page.locator("#breakdown-summary")).containsText("no distributed table in the plan");
    }

    private static void run(Page page, String sql) {
        page.locator("#query-statement textarea").fill(sql);
        // the previous statement's state stays until the server answers: clear it, so that only this run's counts
        page.locator("#query-status").evaluate("status => status.removeAttribute('state')");
        page.locator("#query-statement textarea").press("Control+Enter");
        assertThat(page.locator("#query-status")).hasAttribute("state", Pattern.compile(".+"));
        assertThat(page.locator("#query-status")).not().hasAttribute("state", "running");
        assertThat(page.locator("#query-status")).hasAttribute("state", "succeeded");
    }
}
