package io.hyperscalelab.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.ScreenshotAnimations;
import java.nio.file.Path;
import java.util.List;

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
    private BrowserContext context;
    private Page page;

    public PortalBrowser(int port) {
        this.baseUrl = "http://localhost:" + port;
        this.playwright = Playwright.create();
        this.browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Path.of("/usr/bin/chromium"))
                .setArgs(CHROMIUM_ARGS)
                .setHeadless(true));
        newLearner();
    }

    /** Forgets every cookie: the next page is what a new visitor sees. */
    public Page newLearner() {
        if (context != null) {
            context.close();
        }
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1440, 900));
        context.setDefaultTimeout(30_000);
        page = context.newPage();
        return page;
    }

    public Page page() {
        return page;
    }

    /** This learner's browser context, e.g. to grant it the clipboard. */
    public BrowserContext context() {
        return context;
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
        browser.close();
        playwright.close();
    }
}
