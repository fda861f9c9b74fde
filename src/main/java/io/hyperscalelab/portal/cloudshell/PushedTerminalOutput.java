package io.hyperscalelab.portal.cloudshell;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import io.hyperscalelab.shell.TerminalOutput;
import java.util.function.Consumer;

/**
 * Carries a shell's output from its own thread to the browser: text written while an earlier
 * write still waits for the UI lock joins it, so a burst of output (a long table, curl's meter)
 * travels as a few pushes rather than one per line.
 */
final class PushedTerminalOutput implements TerminalOutput {

    private final UI ui;
    private final Consumer<String> terminal;
    private final StringBuilder pending = new StringBuilder();
    private boolean flushScheduled;

    /** @param terminal called on the UI thread, with the session locked */
    PushedTerminalOutput(UI ui, Consumer<String> terminal) {
        this.ui = ui;
        this.terminal = terminal;
    }

    @Override
    public void write(String text) {
        synchronized (pending) {
            pending.append(text);
            if (flushScheduled) {
                return;
            }
            flushScheduled = true;
        }
        try {
            ui.access(this::flush);
        } catch (UIDetachedException e) {
            // the browser has gone; the pane ends the session when it is detached
        }
    }

    private void flush() {
        String text;
        synchronized (pending) {
            text = pending.toString();
            pending.setLength(0);
            flushScheduled = false;
        }
        terminal.accept(text);
    }
}
