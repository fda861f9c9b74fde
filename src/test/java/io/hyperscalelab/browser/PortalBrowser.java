package io.hyperscalelab.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.ScreenshotAnimations;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Cookie;
import com.microsoft.playwright.options.WaitForSelectorState;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A real Chromium (Debian's, at /usr/bin/chromium) looking at the portal on a local port.
 * Each instance is one learner: its own browser context, so cookies and sessions are its own.
 */
public final class PortalBrowser implements AutoCloseable {

    /** Where the screenshots go that the lab guide and the README show. */
    public static final Path IMAGES = Path.of("Images");

    private static final List<String> CHROMIUM_ARGS = List.of("--headless", "--no-sandbox", "--disable-gpu",
            "--disable-background-networking", "--disable-component-update");

    private final Playwright playwright;
    private final Browser browser;
    private final String baseUrl;
    /** Whether the Chromium is another instance's, to be left open on close. */
    private final boolean sharesBrowser;
    private BrowserContext context;
    private Page page;
    /** Accounts whose first sign-in, with its "Welcome to Microsoft Azure", is still to come. */
    private final Set<String> notWelcomedYet = new HashSet<>();

    /** The credentials Environment Details showed after Start the lab. */
    public record LabCredentials(String username, String password) {
    }

    public PortalBrowser(int port) {
        this.baseUrl = "http://localhost:" + port;
        this.playwright = Playwright.create();
        this.browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Path.of("/usr/bin/chromium"))
                .setArgs(CHROMIUM_ARGS)
                .setHeadless(true));
        this.sharesBrowser = false;
        newLearner();
    }

    /**
     * Another person at the same portal, in a browser context of their own (cookies, sessions) in
     * the same Chromium: cheaper than another browser, as separate as one. Closing it closes only
     * its context.
     */
    public PortalBrowser(PortalBrowser sameBrowser) {
        this.baseUrl = sameBrowser.baseUrl;
        this.playwright = sameBrowser.playwright;
        this.browser = sameBrowser.browser;
        this.sharesBrowser = true;
        newLearner();
    }

    /** Forgets every cookie: the next page is what a new visitor sees. */
    public Page newLearner() {
        return replaceContext(List.of());
    }

    /**
     * Closes the browser and opens it again, as a learner would: cookies with an expiry date
     * (remember-me, the lab, the known accounts) survive, session cookies do not.
     */
    public Page reopen() {
        List<Cookie> persistent = context.cookies().stream().filter(c -> c.expires != null && c.expires > 0).toList();
        return replaceContext(persistent);
    }

    private Page replaceContext(List<Cookie> cookies) {
        if (context != null) {
            context.close();
        }
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1440, 900));
        context.setDefaultTimeout(30_000);
        if (!cookies.isEmpty()) {
            context.addCookies(cookies);
        }
        page = context.newPage();
        return page;
    }

    public BrowserContext context() {
        return context;
    }

    /**
     * Opens the portal (which shows the sign-in page), selects Start the lab on Environment
     * Details, and returns the credentials it shows.
     */
    public LabCredentials launchLab() {
        return launchLab("");
    }

    /** The same, with a class code typed first (none when empty): the learner takes a seat in that class. */
    public LabCredentials launchLab(String classCode) {
        open("/");
        page.locator(".sign-in-view").waitFor();
        page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Environment Details")).click();
        if (!classCode.isEmpty()) {
            page.locator("#class-code input").fill(classCode);
        }
        page.locator("#start-lab").click();
        String username = page.locator("#env-username").textContent().strip();
        String password = page.locator("#env-password input").inputValue();
        notWelcomedYet.add(username);
        return new LabCredentials(username, password);
    }

    /**
     * Signs in from wherever the browser is, the way the lab guide says: the account (picked from
     * the list if the browser knows it), Next, the password, Sign in, "No" to Stay signed in, and
     * "Maybe Later" on the first visit's welcome. Returns on the portal.
     */
    public Page signIn(LabCredentials credentials) {
        enterPassword(credentials);
        page.locator("#stay-signed-in-no").click();
        page.locator(".portal-layout").waitFor();
        if (notWelcomedYet.remove(credentials.username())) {
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Maybe Later")).click();
            page.locator("vaadin-dialog-overlay").waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.DETACHED));
        }
        return page;
    }

    /**
     * Goes through the sign-in pages up to and including Sign in: the next page is "Stay signed
     * in?" when the password was right, or the password page again with an error when not.
     */
    public Page enterPassword(LabCredentials credentials) {
        if (!page.url().contains("/login")) {
            open("/");
        }
        page.locator(".sign-in-view").waitFor();
        Locator tile = page.locator(".account-tile", new Page.LocatorOptions().setHasText(credentials.username()));
        Locator email = page.locator("#sign-in-email input");
        Locator password = page.locator("#sign-in-password");
        tile.or(email).or(password).first().waitFor();
        if (tile.isVisible()) {
            tile.click();
        } else if (email.isVisible()) {
            email.fill(credentials.username());
            page.locator("#sign-in-next").click();
        }
        password.fill(credentials.password());
        page.locator("#sign-in-submit").click();
        return page;
    }

    /** Credentials given to this browser's user some other way (a class's sheet, an instructor's configuration). */
    public LabCredentials firstSignInOf(String username, String password) {
        notWelcomedYet.add(username);
        return new LabCredentials(username, password);
    }

    /** Starts a lab and signs in with its credentials: a fresh learner on the portal's Home page. */
    public LabCredentials signInAsNewLearner() {
        LabCredentials credentials = launchLab();
        signIn(credentials);
        return credentials;
    }

    /** Signs out from the account menu in the top bar; returns on the sign-in page. */
    public Page signOut() {
        page.locator(".account-root").click();
        page.locator("#sign-out").click();
        page.locator(".sign-in-view").waitFor();
        return page;
    }

    public Page page() {
        return page;
    }

    public Page open(String path) {
        page.navigate(baseUrl + path);
        return page;
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** Saves what the browser shows as {@code Images/<name>.png}. */
    public void screenshot(String name) {
        // Finished transitions (a tab's underline moving), so the picture shows where the page settles.
        page.screenshot(new Page.ScreenshotOptions().setPath(IMAGES.resolve(name + ".png"))
                .setAnimations(ScreenshotAnimations.DISABLED));
    }

    /** The top of the page, without a selection left over from clicking: as the lab guide shows it. */
    public void screenshotOfTop(String name) {
        page.evaluate("() => { window.getSelection().removeAllRanges(); document.querySelector('.portal-page').scrollTo(0, 0); }");
        screenshot(name);
    }

    @Override
    public void close() {
        if (context != null) {
            context.close();
        }
        if (!sharesBrowser) {
            browser.close();
            playwright.close();
        }
    }
}
