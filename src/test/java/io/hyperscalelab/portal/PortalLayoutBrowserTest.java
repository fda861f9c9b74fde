package io.hyperscalelab.portal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import io.hyperscalelab.browser.PortalBrowser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The frame every page sits in, seen in a real Chromium: the Azure bar, the page, the lab guide. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortalLayoutBrowserTest {

    @LocalServerPort
    private int port;

    private PortalBrowser browser;

    @BeforeAll
    void openBrowser() {
        browser = new PortalBrowser(port);
    }

    @AfterAll
    void closeBrowser() {
        browser.close();
    }

    @Test
    void homeShowsTheAzureBarAndTheLabGuideBesideIt() {
        PortalBrowser.LabCredentials learner = browser.signInAsNewLearner();
        Page page = browser.open("/");

        assertThat(page.locator(".portal-top-bar")).containsText("Microsoft Azure");
        assertThat(page.locator(".account-menu")).containsText(learner.username());
        assertThat(page.locator(".lab-panel")).containsText("Lab Guide");
        assertThat(page.locator(".portal-page")).containsText("Azure services");
    }
}
