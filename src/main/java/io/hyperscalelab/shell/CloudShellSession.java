package io.hyperscalelab.shell;

import io.hyperscalelab.data.LabDataGenerator;
import io.hyperscalelab.psql.ClientEnvironment;
import io.hyperscalelab.psql.PsqlSession;
import io.hyperscalelab.psql.SqlBackend;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One learner's Cloud Shell: a bash-like prompt ({@code <user>@Azure:~$}) that runs the lab's
 * commands, and psql in the foreground once started. Input arrives a line at a time through
 * {@link #line(String)}, from one thread; {@link #interrupt()} (Ctrl-C) may come from another
 * while a line runs.
 */
public final class CloudShellSession {

    static final String WELCOME = """
            Requesting a Cloud Shell.Succeeded.
            Connecting terminal...

            Welcome to Azure Cloud Shell

            Type "az" to use Azure CLI
            Type "help" to learn about Cloud Shell

            """;

    private final String user;
    private final HomeDirectory home;
    private final TerminalOutput out;
    private final SqlBackend backend;
    private final Curl curl;
    private final FileCommands files;
    private final Map<String, String> variables;
    private final StringBuilder continued = new StringBuilder();
    private volatile PsqlSession psql;
    private boolean syntheticNoticeShown;
    private boolean exited;

    CloudShellSession(String user, HomeDirectory home, TerminalOutput out, CloudShellInternet internet, SqlBackend backend) {
        this.user = user;
        this.home = home;
        this.out = out;
        this.backend = backend;
        this.curl = new Curl(internet, home, out, this::syntheticDataNotice);
        this.files = new FileCommands(home, out);
        this.variables = Map.of("HOME", "/home/" + user, "USER", user, "LOGNAME", user, "SHELL", "/bin/bash",
                "PWD", "/home/" + user);
    }

    /** Prints the greeting; the terminal prints the first prompt after it. */
    public void start() {
        out.write(WELCOME);
    }

    public String prompt() {
        PsqlSession foreground = psql;
        if (foreground != null) {
            return foreground.prompt();
        }
        return continued.length() > 0 ? "> " : user + "@Azure:~$ ";
    }

    /** False while a password is typed, which the terminal must not echo. */
    public boolean echoesInput() {
        PsqlSession foreground = psql;
        return foreground == null || foreground.echoesInput();
    }

    /** True while psql runs in the foreground: lines go to it, not to the shell. */
    public boolean inPsql() {
        return psql != null;
    }

    /** True after {@code exit}: the terminal closes. */
    public boolean exited() {
        return exited;
    }

    public HomeDirectory home() {
        return home;
    }

    /** One line typed at the prompt, without its line end; returns when it has run. */
    public void line(String line) {
        PsqlSession foreground = psql;
        if (foreground != null) {
            foreground.line(line);
            if (foreground.finished()) {
                psql = null;
            }
            return;
        }
        String command = continued.length() > 0 ? continued + "\n" + line : line;
        List<String> words;
        try {
            words = ShellWords.split(command, variables);
        } catch (ShellWords.Unterminated e) {
            continued.setLength(0);
            continued.append(command);
            return;
        } catch (ShellWords.Unsupported e) {
            continued.setLength(0);
            out.write("bash: " + e.getMessage() + ": pipes, redirections and command lists are not available in this "
                    + "Cloud Shell; run one command at a time\n");
            return;
        }
        continued.setLength(0);
        run(words, true);
    }

    /** Ctrl-C: cancels what runs (a statement in psql) or drops the line being typed. */
    public void interrupt() {
        PsqlSession foreground = psql;
        if (foreground != null) {
            foreground.interrupt();
        } else {
            continued.setLength(0);
        }
    }

    /** Ctrl-D on an empty line: ends psql, or the shell itself. */
    public void endOfInput() {
        PsqlSession foreground = psql;
        if (foreground != null) {
            foreground.endOfInput();
            if (foreground.finished()) {
                psql = null;
            }
        } else {
            out.write("exit\n");
            exited = true;
        }
    }

    /**
     * Runs a simple command. {@code interactive} is the prompt's bash; otherwise it is the
     * {@code sh -c} that psql's {@code \!} starts, which reports unknown commands its own way.
     */
    private void run(List<String> words, boolean interactive) {
        if (words.isEmpty()) {
            return;
        }
        String name = words.get(0);
        List<String> args = words.subList(1, words.size());
        switch (name) {
            case "curl" -> curl.run(args);
            case "psql" -> startPsql(args, interactive);
            case "ls" -> files.ls(args);
            case "cat" -> files.cat(args);
            case "head" -> files.head(args);
            case "rm" -> files.rm(args);
            case "clear" -> out.write("\033[H\033[2J\033[3J");
            case "help" -> out.write(CloudShellHelp.TEXT);
            case "az" -> out.write(CloudShellHelp.AZURE_CLI);
            case "echo" -> out.write(String.join(" ", args) + "\n");
            case "pwd" -> out.write("/home/" + user + "\n");
            case "whoami" -> out.write(user + "\n");
            case "exit", "logout" -> {
                if (interactive) {
                    exited = true;
                }
            }
            default -> out.write(interactive ? "bash: " + name + ": command not found\n" : "sh: 1: " + name + ": not found\n");
        }
    }

    private void startPsql(List<String> args, boolean interactive) {
        if (!interactive) {
            out.write("psql: error: psql is already running in this terminal\n");
            return;
        }
        PsqlSession session = PsqlSession.start(args, backend, new Environment());
        if (!session.finished()) {
            psql = session;
        }
    }

    /** Said once per session, the first time the lab's generated data is downloaded. */
    private void syntheticDataNotice() {
        if (!syntheticNoticeShown) {
            syntheticNoticeShown = true;
            out.write("Note: " + LabDataGenerator.SYNTHETIC_NOTICE + "\n");
        }
    }

    /** What psql sees of this shell: its terminal, its home and {@code sh -c}. */
    private final class Environment implements ClientEnvironment {

        @Override
        public void write(String text) {
            out.write(text);
        }

        @Override
        public Path clientFile(String name) throws IOException {
            return home.resolve(name);
        }

        @Override
        public InputStream programOutput(String command) throws IOException {
            List<String> words;
            try {
                words = ShellWords.split(command, variables);
            } catch (ShellWords.Unterminated e) {
                out.write("sh: 1: Syntax error: Unterminated quoted string\n");
                return InputStream.nullInputStream();
            } catch (ShellWords.Unsupported e) {
                out.write("sh: 1: " + e.getMessage() + ": not available in this Cloud Shell\n");
                return InputStream.nullInputStream();
            }
            if (words.isEmpty()) {
                return InputStream.nullInputStream();
            }
            if (words.get(0).equals("curl")) {
                InputStream body = curl.toPipe(words.subList(1, words.size()));
                return body != null ? body : InputStream.nullInputStream();
            }
            if (words.get(0).equals("cat") && words.size() == 2) {
                Path file = home.resolve(words.get(1));
                if (Files.isRegularFile(file)) {
                    return Files.newInputStream(file);
                }
                out.write("cat: " + words.get(1) + ": No such file or directory\n");
                return InputStream.nullInputStream();
            }
            out.write("sh: 1: " + words.get(0) + ": not found\n");
            return InputStream.nullInputStream();
        }

        @Override
        public void shell(String command) {
            try {
                run(ShellWords.split(command, variables), false);
            } catch (ShellWords.Unterminated e) {
                out.write("sh: 1: Syntax error: Unterminated quoted string\n");
            } catch (ShellWords.Unsupported e) {
                out.write("sh: 1: " + e.getMessage() + ": not available in this Cloud Shell\n");
            }
        }

        @Override
        public String osUser() {
            return user;
        }
    }
}
