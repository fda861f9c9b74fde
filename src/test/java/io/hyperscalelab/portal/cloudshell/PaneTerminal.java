package io.hyperscalelab.portal.cloudshell;

import com.microsoft.playwright.Page;
import java.util.List;
import java.util.regex.Pattern;

/** Typing into the Cloud Shell pane's terminal in a real browser, and reading what it shows. */
final class PaneTerminal {

    private PaneTerminal() {
    }

    /**
     * Once the terminal has the keyboard focus (the pane gives it whenever it opens or comes back),
     * types {@code command} and Enter; returns what the terminal shows between the command and the
     * next prompt.
     */
    static String run(Page page, String command, String prompt) {
        page.waitForFunction("() => document.activeElement != null && document.activeElement.closest('xterm-terminal') != null");
        int prompts = count(terminalText(page), prompt);
        page.keyboard().type(command);
        page.keyboard().press("Enter");
        String screen = awaitPrompts(page, prompt, prompts + 1);
        String echoed = command + "\n";
        int start = screen.lastIndexOf(echoed) + echoed.length();
        int end = screen.lastIndexOf("\n" + prompt);
        return end < start ? "" : screen.substring(start, end);
    }

    static String awaitPrompts(Page page, String prompt, int count) {
        page.waitForFunction("([p, n]) => document.querySelector('xterm-terminal').text().split(p).length - 1 >= n",
                List.of(prompt, count));
        return terminalText(page);
    }

    static void awaitText(Page page, String text) {
        page.waitForFunction("t => { const e = document.querySelector('xterm-terminal'); return e != null && e.text().includes(t); }", text);
    }

    static String terminalText(Page page) {
        return (String) page.locator("xterm-terminal").evaluate("e => e.text()");
    }

    /**
     * From now on, everything the server writes to the terminal is also kept, as written, in
     * {@code window.paneOutput}: lines redrawn in place (a progress display) included.
     */
    static void recordOutput(Page page) {
        page.locator("xterm-terminal").evaluate("e => { window.paneOutput = ''; const write = e.write.bind(e); "
                + "e.write = t => { window.paneOutput += t; write(t); }; }");
    }

    static String recordedOutput(Page page) {
        return (String) page.evaluate("() => window.paneOutput");
    }

    static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }
}
