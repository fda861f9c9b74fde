package io.hyperscalelab.portal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import io.hyperscalelab.browser.PortalBrowser;
import io.hyperscalelab.cluster.ClusterKind;
import io.hyperscalelab.cluster.Firewall;
import io.hyperscalelab.cluster.ServerGroupSpec;
import io.hyperscalelab.cluster.ServerGroups;
import io.hyperscalelab.security.AccountRepository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

/**
 * A Citus URL that leads nowhere (port 1 of this machine refuses connections): the portal starts,
 * its settings page says what is wrong, hides the password, and the embedded cluster keeps
 * serving the server groups.
 */
// a context of its own, on its own data directory and ports, closed after the class
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "hyperscale.citus.url=postgresql://citus:Hidden-Passw0rd@127.0.0.1:1/citus",
        "hyperscale.cluster.data-directory=target/hyperscale-data-broken-citus",
        "hyperscale.cluster.first-port=13500", "hyperscale.cluster.last-port=13999"})
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrokenCitusSettingsBrowserTest {

    private static final String PASSWORD = "Lab-Passw0rd!";

    @LocalServerPort
    private int port;

    @Autowired
    private ServerGroups cluster;

    @Autowired
    private ServerGroupOwners owners;

    @Autowired
    private AccountRepository accounts;

    private PortalBrowser browser;
    private PortalBrowser.LabCredentials learner;
    private String group;

    @BeforeAll
    void openBrowser() {
        browser = new PortalBrowser(port);
        learner = browser.signInAsNewLearner();
        group = "postgres" + learner.username().replaceAll("\\D", "");
    }

    @AfterAll
    void close() {
        if (group != null && cluster.group(group).isPresent()) {
            cluster.delete(group);
        }
        browser.close();
    }

    @Test
    void theSettingsPageSaysWhyAndTheEmbeddedClusterServes() {
        Page page = browser.open("/settings");

        assertThat(page.locator("#cluster-in-use")).hasText("Embedded cluster (on this machine)");
        assertThat(page.locator("#citus-status")).hasText("Cannot be used");
        assertThat(page.locator("#citus-problem")).hasText("Nothing accepts connections at 127.0.0.1:1 (Connection refused): "
                + "is the Citus coordinator running, and is the port in hyperscale.citus.url the one it listens on?");
        assertThat(page.locator(".settings-view")).not().containsText("Hidden-Passw0rd");
        page.locator("#citus-check").click();
        assertThat(page.locator("#citus-status")).hasText("Cannot be used");

        org.assertj.core.api.Assertions.assertThat(cluster.kind()).isEqualTo(ClusterKind.EMBEDDED);
        cluster.create(new ServerGroupSpec(group, 2, PASSWORD, cluster.availablePostgresVersions().get(0), Firewall.NO_ACCESS));
        owners.claim(group, accounts.findByUsername(learner.username()).orElseThrow());
        page = browser.open("/resource/postgresql/" + group);
        assertThat(page.locator(".server-group-blade")).containsText("Available");
    }
}
