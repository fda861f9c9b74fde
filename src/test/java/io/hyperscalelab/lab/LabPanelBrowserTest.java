package io.hyperscalelab.lab;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.hyperscalelab.browser.PortalBrowser;
import io.hyperscalelab.browser.PortalBrowser.LabCredentials;
import io.hyperscalelab.cluster.EmbeddedCluster;
import io.hyperscalelab.cluster.ServerGroup;
import io.hyperscalelab.security.AccountRepository;
import io.hyperscalelab.security.DeploymentId;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The lab panel beside the portal, in a real Chromium against the whole app. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LabPanelBrowserTest {

    private static final Pattern COUNTDOWN = Pattern.compile("\\d+ hour\\(s\\), \\d+ minute\\(s\\) remaining");

    @LocalServerPort
    private int port;

    @Autowired
    private LabGuide guide;

    @Autowired
    private LabProgress progress;

    @Autowired
    private AccountRepository accounts;

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
    void startingTheLabShowsTheCredentialsAndResourceNamesOnEnvironmentDetails() {
        LabCredentials learner = browser.launchLab();
        Page page = browser.page();

        Matcher id = Pattern.compile("odl_user_(\\d{6})@hyperscalelab\\.onmicrosoft\\.com").matcher(learner.username());
        assertThat(id.matches()).as(learner.username()).isTrue();
        assertThat(learner.password()).hasSize(16);
        assertThat(page.locator("#env-server-group")).hasText("postgres" + id.group(1));
        assertThat(page.locator("#env-resource-group")).hasText("citus-" + id.group(1));
        assertThat(page.locator(".lab-countdown")).hasText(COUNTDOWN);
        assertThat(page.locator("#env-password input")).hasAttribute("type", "password");
        browser.screenshot("lab-environment-details");

        // the same browser finds its lab again, password included; the cookie is out of scripts' reach
        browser.open("/");
        page.locator("#environment-details-tab").click();
        assertThat(page.locator("#env-username")).hasText(learner.username());
        assertThat(page.locator("#env-password input")).hasValue(learner.password());
        assertThat(browser.context().cookies()).filteredOn(c -> c.name.equals(LabCookie.NAME))
                .singleElement().satisfies(c -> assertThat(c.httpOnly).isTrue());
        // another browser does not
        browser.newLearner();
        browser.open("/");
        browser.page().locator("#environment-details-tab").click();
        assertThat(browser.page().locator("#start-lab")).isVisible();
    }

    @Test
    void theGuidesPagesComeInOrderWithPreviousAndNextAndCopyableSql() {
        browser.signInAsNewLearner();
        Page page = browser.page();
        Locator title = page.locator(".lab-page-title");
        Locator previous = page.locator(".lab-previous");
        Locator next = page.locator(".lab-next");

        List<String> titles = guide.pages().stream().map(LabPage::title).toList();
        assertThat(titles).hasSize(6);
        assertThat(title).hasText(titles.get(0));
        assertThat(previous).isDisabled();
        for (int i = 1; i < titles.size(); i++) {
            assertThat(page.locator(".lab-page-body").last()).containsText("Click Next on the bottom right of this page.");
            next.click();
            assertThat(title).hasText(titles.get(i));
        }
        assertThat(next).isDisabled();
        // two quick clicks are two pages back
        previous.click();
        previous.click();
        assertThat(title).hasText("Exercise 3: Connect, create and distribute tables, load data");
        assertThat(previous).isEnabled();
        // the page's screenshot is really there, not a broken image
        Locator figure = page.locator(".lab-page-body img[src='images/connection-strings.png']");
        assertThat(figure).isVisible();
        page.waitForFunction("img => img.complete && img.naturalWidth > 0", figure.elementHandle());
        assertThat(page.locator(".lab-code pre")).containsText(new String[] {
                "CREATE TABLE github_events", "CREATE INDEX event_type_index",
                "SELECT create_distributed_table('github_events', 'user_id');"});
        browser.screenshot("lab-guide-exercise-3");

        browser.context().grantPermissions(List.of("clipboard-read", "clipboard-write"));
        Locator distribute = page.locator(".lab-code", new Page.LocatorOptions().setHasText("create_distributed_table"));
        distribute.locator(".copy-button").click();
        assertThat(distribute.locator(".copy-button")).hasAttribute("copied", "");
        assertThat(page.evaluate("navigator.clipboard.readText()")).isEqualTo(distribute.locator("pre").textContent());
    }

    @Test
    void theLearnersPageIsRememberedAcrossSignOutAndSignIn() {
        LabCredentials learner = browser.signInAsNewLearner();
        Page page = browser.page();
        page.locator(".lab-next").click();
        page.locator(".lab-next").click();
        assertThat(page.locator(".lab-page-title")).hasText(guide.pages().get(2).title());

        browser.signOut();
        assertThat(page.locator(".lab-page-title")).hasText(guide.pages().get(2).title());
        browser.signIn(learner);

        assertThat(page.locator(".lab-page-title")).hasText(guide.pages().get(2).title());
        assertThat(progress.page(accounts.findByUsername(learner.username()).orElseThrow())).hasValue("exercise-2");
    }

    @Test
    void environmentDetailsShowTheCoordinatorOnceTheServerGroupExists() {
        LabCredentials learner = browser.signInAsNewLearner();
        Page page = browser.page();
        DeploymentId deployment = accounts.findByUsername(learner.username()).orElseThrow().deployment().orElseThrow();
        page.locator("#environment-details-tab").click();
        assertThat(page.locator(".environment-details")).containsText("appears here once you have created server group "
                + deployment.serverGroupName());

        ServerGroup group = cluster.create(deployment.serverGroupName(), 2, "Lab-Passw0rd!");
        try {
            page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Lab Guide")).click();
            page.locator("#environment-details-tab").click();

            assertThat(page.locator("#env-coordinator")).hasText(deployment.coordinatorDisplayName());
            assertThat(page.locator("#env-coordinator-address")).hasText("127.0.0.1:" + group.coordinator().port());
            assertThat(page.locator("#env-password input")).hasValue(learner.password());
        } finally {
            cluster.delete(deployment.serverGroupName());
        }
    }
}
