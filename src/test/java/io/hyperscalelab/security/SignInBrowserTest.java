package io.hyperscalelab.security;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Cookie;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import io.hyperscalelab.browser.PortalBrowser;
import io.hyperscalelab.browser.PortalBrowser.LabCredentials;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The sign-in pages in a real Chromium against the whole app and its real state database: what a
 * learner sees, and what the browser and the database hold afterwards.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignInBrowserTest {

    @LocalServerPort
    private int port;

    @Autowired
    private AccountRepository accounts;

    @Autowired
    private JdbcClient jdbc;

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
    void thePortalSendsANewcomerToSignIn() {
        Page page = browser.open("/");

        assertThat(page).hasURL(Pattern.compile(".*/login$"));
        assertThat(page.locator(".sign-in-view h1")).hasText("Sign in");
    }

    @Test
    void anUnknownOrMalformedAccountGetsMicrosoftsMessage() {
        Page page = browser.open("/login");
        page.locator("#sign-in-email input").fill("odl_user_000001@hyperscalelab.onmicrosoft.com");
        page.locator("#sign-in-next").click();
        assertThat(page.locator(".sign-in-error")).hasText(SignInMessages.UNKNOWN_ACCOUNT);
        browser.screenshot("sign-in-unknown-account");

        page.locator("#sign-in-email input").fill("not an e-mail");
        page.locator("#sign-in-next").click();
        assertThat(page.locator(".sign-in-error")).hasText(Usernames.NOT_AN_EMAIL);
        assertThat(page.locator("#sign-in-password")).hasCount(0);
    }

    @Test
    void aWrongPasswordGetsMicrosoftsMessageOnThePasswordPage() {
        LabCredentials learner = browser.launchLab();

        Page page = browser.enterPassword(new LabCredentials(learner.username(), learner.password() + "x"));

        assertThat(page.locator(".sign-in-error")).hasText(SignInMessages.WRONG_PASSWORD);
        assertThat(page.locator(".sign-in-identity")).containsText(learner.username());
        assertThat(page.locator("#sign-in-password")).isVisible();
        browser.screenshot("sign-in-wrong-password");
    }

    @Test
    void repeatedWrongPasswordsLockTheAccountEvenAgainstTheRightOne() {
        LabCredentials learner = browser.launchLab();
        LabCredentials wrong = new LabCredentials(learner.username(), "Wrong-password-1");
        for (int i = 0; i < 5; i++) {
            browser.enterPassword(wrong);
            assertThat(browser.page().locator(".sign-in-error")).isVisible();
        }

        Page page = browser.enterPassword(learner);

        assertThat(page.locator(".sign-in-error")).hasText(SignInMessages.LOCKED);
        assertThat(page.locator("#stay-signed-in-no")).hasCount(0);
    }

    @Test
    void pickAnAccountListsTheAccountsThisBrowserUsedAndOffersAnother() {
        LabCredentials learner = browser.signInAsNewLearner();
        Page page = browser.signOut();

        assertThat(page.locator(".sign-in-view h1")).hasText("Pick an account");
        assertThat(page.locator(".account-tile").first()).containsText(learner.username());
        browser.screenshot("sign-in-pick-an-account");

        page.locator(".account-tile", new Page.LocatorOptions().setHasText("Use another account")).click();
        assertThat(page.locator(".sign-in-view h1")).hasText("Sign in");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Back")).click();
        page.locator(".account-tile", new Page.LocatorOptions().setHasText(learner.username())).click();
        assertThat(page.locator(".sign-in-view h1")).hasText("Enter password");
        assertThat(page.locator(".sign-in-identity")).containsText(learner.username());
        browser.screenshot("sign-in-password");
    }

    @Test
    void staySignedInYesOutlivesTheBrowser() {
        LabCredentials learner = browser.launchLab();
        Page page = browser.enterPassword(learner);
        assertThat(page.locator(".sign-in-view h1")).hasText("Stay signed in?");
        browser.screenshot("sign-in-stay-signed-in");
        page.locator("#stay-signed-in-yes").click();
        assertThat(page.locator(".portal-layout")).isVisible();
        assertThat(rememberMeCookie()).hasValueSatisfying(c -> assertThat(c.expires).isPositive());

        page = browser.reopen();
        browser.open("/");

        assertThat(page.locator(".account-menu")).containsText(learner.username());
        assertThat(page).not().hasURL(Pattern.compile(".*/login.*"));
    }

    @Test
    void staySignedInNoEndsWithTheBrowser() {
        browser.signInAsNewLearner();
        assertThat(rememberMeCookie()).isEmpty();

        Page page = browser.reopen();
        browser.open("/");

        assertThat(page).hasURL(Pattern.compile(".*/login$"));
        assertThat(page.locator(".sign-in-view")).isVisible();
    }

    @Test
    void dontShowThisAgainKeepsTheAnswerForLaterSignIns() {
        LabCredentials learner = browser.launchLab();
        Page page = browser.enterPassword(learner);
        page.locator(".dont-show-again").click();
        page.locator("#stay-signed-in-yes").click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Maybe Later")).click();
        assertThat(accounts.findByUsername(learner.username()).orElseThrow().staySignedIn()).isTrue();
        browser.signOut();

        page = browser.enterPassword(learner);

        assertThat(page.locator(".portal-layout")).isVisible();
        assertThat(rememberMeCookie()).isPresent();
    }

    @Test
    void theWelcomeAppearsOnceAndMaybeLaterClosesIt() {
        LabCredentials learner = browser.launchLab();
        Page page = browser.enterPassword(learner);
        page.locator("#stay-signed-in-no").click();

        assertThat(page.locator("vaadin-dialog-overlay")).containsText("Welcome to Microsoft Azure");
        browser.screenshot("portal-welcome");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Maybe Later")).click();

        assertThat(page.locator("vaadin-dialog-overlay")).hasCount(0);
        assertThat(accounts.findByUsername(learner.username()).orElseThrow().welcomeSeen()).isTrue();
    }

    @Test
    void signingOutEndsTheSessionAndRevokesStaySignedIn() {
        LabCredentials learner = browser.launchLab();
        Page page = browser.enterPassword(learner);
        page.locator("#stay-signed-in-yes").click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Maybe Later")).click();
        assertThat(rememberMeTokens(learner)).isEqualTo(1);

        browser.signOut();
        browser.open("/");

        assertThat(page).hasURL(Pattern.compile(".*/login$"));
        assertThat(rememberMeTokens(learner)).isZero();
        assertThat(rememberMeCookie()).isEmpty();
    }

    @Test
    void aSignInPostWithoutItsCsrfTokenIsRejected() {
        LabCredentials learner = browser.launchLab();
        Page page = browser.open("/login?login_hint=" + learner.username());
        String token = page.locator("input[name=_csrf]").getAttribute("value");
        FormData form = FormData.create().set("username", learner.username()).set("password", learner.password());

        APIResponse withoutToken = page.request().post(browser.baseUrl() + "/login/password",
                RequestOptions.create().setForm(form).setMaxRedirects(0));
        assertThat(withoutToken.status()).isEqualTo(403);

        APIResponse withToken = page.request().post(browser.baseUrl() + "/login/password",
                RequestOptions.create().setForm(form.set("_csrf", token)).setMaxRedirects(0));
        assertThat(withToken.status()).isEqualTo(302);
        assertThat(withToken.headers().get("location")).endsWith("/login/stay-signed-in");
    }

    private Optional<Cookie> rememberMeCookie() {
        return browser.context().cookies().stream().filter(c -> c.name.equals("remember-me")).findFirst();
    }

    private int rememberMeTokens(LabCredentials learner) {
        return jdbc.sql("SELECT count(*) FROM persistent_logins WHERE username = ?").param(learner.username())
                .query(Integer.class).single();
    }
}
