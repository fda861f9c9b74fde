package io.hyperscalelab.shell;

import java.io.IOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

/**
 * A Cloud Shell session behind a terminal emulator such as xterm.js: feed it what the terminal
 * sends ({@link #keys(String)}: typed or pasted text, Enter as {@code \r}, Backspace as
 * DEL (0x7f), Ctrl-C as 0x03, arrow keys as escape sequences) and it writes back
 * what the terminal shows, line ends as {@code \r\n}.
 *
 * <p>Commands run on the session's own thread, so {@code keys} never blocks: text typed while a
 * command runs waits its turn, as in a real terminal, and Ctrl-C reaches the running command at
 * once.
 */
public final class TerminalSession implements AutoCloseable {

    private final CloudShellSession shell;
    private final TerminalOutput terminal;
    private final Runnable onExit;
    private final LineEditor editor = new LineEditor();
    private final LinkedBlockingQueue<Character> input = new LinkedBlockingQueue<>();
    private final AtomicBoolean busy = new AtomicBoolean();
    private final ExecutorService thread;
    private volatile boolean closed;

    /** A session whose psql may reach every server group; see the constructor below. */
    public TerminalSession(CloudShell cloudShell, String user, TerminalOutput terminal, Runnable onExit) throws IOException {
        this(cloudShell, user, group -> true, terminal, onExit);
    }

    /**
     * Opens the session and prints the greeting and first prompt.
     *
     * @param reachable the server groups the session's psql may reach
     * @param onExit    called (on the session's thread) once the learner typed {@code exit}
     */
    public TerminalSession(CloudShell cloudShell, String user, Predicate<String> reachable, TerminalOutput terminal,
                           Runnable onExit) throws IOException {
        this.terminal = terminal;
        this.onExit = onExit;
        this.shell = cloudShell.open(user, text -> terminal.write(toTerminal(text)), reachable);
        this.thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "cloud-shell-" + user);
            t.setDaemon(true);
            return t;
        });
        thread.execute(() -> {
            shell.start();
            terminal.write(toTerminal(shell.prompt()));
            readLoop();
        });
    }

    /** What the terminal sent: one key or a paste. */
    public void keys(String data) {
        for (int i = 0; i < data.length(); i++) {
            char c = data.charAt(i);
            if (c == 0x03 && busy.get()) {
                // like a tty's interrupt: what was typed ahead is dropped, the command is told
                input.clear();
                terminal.write("^C");
                shell.interrupt();
                continue;
            }
            input.add(c);
        }
    }

    /** The session behind this terminal, e.g. to read its home directory. */
    public CloudShellSession shell() {
        return shell;
    }

    @Override
    public void close() {
        closed = true;
        if (busy.get()) {
            shell.interrupt();
        }
        thread.shutdownNow();
        try {
            thread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!shell.exited()) {
            shell.endOfInput();
        }
    }

    private void readLoop() {
        try {
            while (!closed) {
                char c = input.take();
                StringBuilder echo = new StringBuilder();
                LineEditor.Event event = editor.key(c, !shell.echoesInput(), shell.prompt(), echo);
                if (echo.length() > 0) {
                    terminal.write(toTerminal(echo.toString()));
                }
                switch (event) {
                    case LINE -> runLine(editor.completedLine());
                    case INTERRUPT -> {
                        shell.interrupt();
                        terminal.write(toTerminal(shell.prompt()));
                    }
                    case END_OF_INPUT -> {
                        shell.endOfInput();
                        afterCommand();
                    }
                    case NONE -> { }
                }
                if (shell.exited()) {
                    onExit.run();
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void runLine(String line) {
        busy.set(true);
        try {
            shell.line(line);
        } catch (RuntimeException e) {
            terminal.write(toTerminal("bash: " + e.getMessage() + "\n"));
        } finally {
            busy.set(false);
        }
        afterCommand();
    }

    /** Prints the next prompt; false when the shell has exited. */
    private boolean afterCommand() {
        if (shell.exited()) {
            return false;
        }
        terminal.write(toTerminal(shell.prompt()));
        return true;
    }

    static String toTerminal(String text) {
        return text.replace("\r\n", "\n").replace("\n", "\r\n");
    }
}
