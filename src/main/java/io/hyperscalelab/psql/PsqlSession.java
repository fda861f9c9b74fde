package io.hyperscalelab.psql;

import io.hyperscalelab.load.LoadProgress;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * One run of psql in a terminal: it connects (asking for the password when the server wants
 * one), prints the banner, then reads lines as psql's main loop does, runs statements and
 * backslash commands, and prints what psql prints. Lines come from {@link #line(String)}; a
 * Ctrl-C from another thread comes through {@link #interrupt()}.
 */
public final class PsqlSession {

    /** The psql whose behaviour this session matches. */
    public static final String CLIENT_VERSION = "15.18 (Hyperscale Lab)";

    private static final String HELP = """
            You are using psql, the command-line interface to PostgreSQL.
            Type:  \\copyright for distribution terms
                   \\h for help with SQL commands
                   \\? for help with psql commands
                   \\g or terminate with semicolon to execute query
                   \\q to quit
            """;

    private enum Expanded { OFF, ON, AUTO }

    private final SqlBackend backend;
    private final ClientEnvironment env;
    private final StatementScanner scanner = new StatementScanner();
    private final StringBuilder buffer = new StringBuilder();
    private ConnectionRequest pendingLogin;
    /** The request that connected, for psql's reset after a lost connection. */
    private ConnectionRequest request;
    private volatile SqlConnection connection;
    private Expanded expanded = Expanded.OFF;
    private boolean timing;
    private boolean finished;
    /** A statement or \copy is under way: Ctrl-C cancels it rather than the typed line. */
    private volatile boolean running;

    private PsqlSession(SqlBackend backend, ClientEnvironment env) {
        this.backend = backend;
        this.env = env;
    }

    /**
     * Starts psql with its command-line arguments: prints errors and finishes at once when the
     * arguments or the connection fail, or waits for the password.
     */
    public static PsqlSession start(List<String> args, SqlBackend backend, ClientEnvironment env) {
        PsqlSession session = new PsqlSession(backend, env);
        session.begin(args);
        return session;
    }

    private void begin(List<String> args) {
        PsqlArguments arguments;
        try {
            arguments = PsqlArguments.parse(args);
        } catch (PsqlArguments.UsageException e) {
            env.write(e.getMessage() + "\n" + PsqlArguments.HINT + "\n");
            finished = true;
            return;
        } catch (ConnectionStringException e) {
            env.write("psql: error: " + e.getMessage() + "\n");
            finished = true;
            return;
        }
        arguments.warnings().forEach(w -> env.write(w + "\n"));
        ConnectionRequest request = arguments.request(env.osUser());
        if (arguments.forcePassword() && request.password() == null) {
            pendingLogin = request;
            return;
        }
        connect(request);
    }

    private void connect(ConnectionRequest request) {
        if (request.host().isEmpty() || request.host().startsWith("/")) {
            String directory = request.host().isEmpty() ? "/var/run/postgresql" : request.host();
            env.write("psql: error: connection to server on socket \"" + directory + "/.s.PGSQL." + request.port()
                    + "\" failed: No such file or directory\n\tIs the server running locally and accepting connections on that socket?\n");
            finished = true;
            return;
        }
        try {
            connection = backend.connect(request);
            this.request = request;
            banner();
        } catch (PasswordRequiredException e) {
            if (request.password() == null) {
                pendingLogin = request;
            } else {
                env.write("psql: error: " + e.getMessage() + "\n");
                finished = true;
            }
        } catch (ConnectionFailedException e) {
            env.write("psql: error: " + e.getMessage() + "\n");
            finished = true;
        }
    }

    private void banner() {
        ServerInfo server = connection.server();
        StringBuilder out = new StringBuilder("psql (" + CLIENT_VERSION + ", server " + server.version() + ")\n");
        if (server.ssl() != null) {
            out.append("SSL connection (").append(server.ssl()).append(")\n");
        }
        out.append("Type \"help\" for help.\n\n");
        env.write(out.toString());
    }

    /** True once psql has exited; the shell then takes the terminal back. */
    public boolean finished() {
        return finished;
    }

    /** False while psql reads a password, which the terminal must not echo. */
    public boolean echoesInput() {
        return pendingLogin == null;
    }

    /** psql's PROMPT1/PROMPT2 ({@code %/%R%x%# }), or the password prompt. */
    public String prompt() {
        if (pendingLogin != null) {
            return "Password for user " + pendingLogin.user() + ": ";
        }
        SqlConnection c = connection;
        if (c == null || c.isClosed()) {
            return "!?> ";
        }
        ServerInfo server = c.server();
        return server.database() + scanner.promptMark(buffer.length()) + c.transactionStatus().promptMark()
                + (server.superuser() ? "# " : "> ");
    }

    /** One line of input, without its line ending. */
    public void line(String input) {
        if (finished) {
            return;
        }
        if (pendingLogin != null) {
            ConnectionRequest request = pendingLogin.withPassword(input);
            pendingLogin = null;
            connect(request);
            return;
        }
        if (buffer.length() == 0 && isWord(input, "help")) {
            env.write(HELP);
            return;
        }
        if (isWord(input, "exit") || isWord(input, "quit")) {
            if (buffer.length() == 0) {
                quit();
                return;
            }
            env.write("Use \\q to quit.\n");
        }
        int addedNewline = -1;
        if (buffer.length() > 0) {
            buffer.append('\n');
            addedNewline = buffer.length();
        }
        scanner.setLine(input);
        while (!finished) {
            StatementScanner.Result result = scanner.scan(buffer);
            if (result == StatementScanner.Result.SEMICOLON) {
                String statement = buffer.toString();
                buffer.setLength(0);
                addedNewline = -1;
                sendQuery(statement);
            } else if (result == StatementScanner.Result.BACKSLASH) {
                if (buffer.length() == addedNewline) {
                    buffer.setLength(buffer.length() - 1);
                }
                addedNewline = -1;
                SlashArguments arguments = new SlashArguments(scanner.rest());
                String command = arguments.command();
                slashCommand(command, arguments);
                scanner.skip(arguments.consumed());
            } else {
                break;
            }
        }
    }

    /** Ctrl-C: cancels the running statement, or forgets the statement being typed. */
    public void interrupt() {
        if (pendingLogin != null) {
            // Ctrl-C at the password prompt ends psql, as it does in a terminal
            pendingLogin = null;
            finished = true;
            return;
        }
        SqlConnection c = connection;
        if (running) {
            if (c != null) {
                env.write("Cancel request sent\n");
                c.cancel();
            }
            return;
        }
        buffer.setLength(0);
        scanner.reset();
    }

    /** Ctrl-D at an empty prompt: psql prints {@code \q} and exits. */
    public void endOfInput() {
        if (pendingLogin != null) {
            // libpq then tries without a password, which the server refuses
            env.write("\npsql: error: connection to server at \"" + pendingLogin.host() + "\", port " + pendingLogin.port()
                    + " failed: fe_sendauth: no password supplied\n");
            finished = true;
            pendingLogin = null;
            return;
        }
        env.write("\\q\n");
        quit();
    }

    private void quit() {
        finished = true;
        SqlConnection c = connection;
        if (c != null) {
            c.close();
        }
    }

    // ---------------------------------------------------------------- statements

    private void sendQuery(String sql) {
        SqlConnection c = connection;
        if (c == null || c.isClosed()) {
            env.write("You are currently not connected to a database.\n");
            return;
        }
        long start = System.nanoTime();
        running = true;
        try {
            if (isCopyToStdout(sql)) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                c.copyOut(sql, out);
                env.write(out.toString(StandardCharsets.UTF_8));
            } else {
                List<SqlResult> results = c.execute(sql, notice -> env.write(notice.format(sql)));
                for (SqlResult result : results) {
                    print(result);
                }
            }
        } catch (SqlException e) {
            reportFailure(e, sql);
        } finally {
            running = false;
        }
        printTiming(start);
    }

    private void print(SqlResult result) {
        if (result instanceof SqlResult.Rows rows) {
            List<String> headers = new ArrayList<>();
            List<Boolean> right = new ArrayList<>();
            for (SqlResult.Column column : rows.columns()) {
                headers.add(column.name());
                right.add(column.rightAligned());
            }
            env.write(TableFormatter.format(new Table(null, headers, right, rows.rows(), null), expanded == Expanded.ON));
            String tag = rows.commandTag();
            if (tag != null && (tag.startsWith("INSERT") || tag.startsWith("UPDATE") || tag.startsWith("DELETE")
                    || tag.startsWith("MERGE"))) {
                env.write(tag + "\n");
            }
        } else if (result instanceof SqlResult.Command command && command.commandTag() != null
                && !command.commandTag().isEmpty()) {
            env.write(command.commandTag() + "\n");
        }
    }

    private void reportFailure(SqlException e, String sql) {
        e.serverMessage().ifPresent(m -> env.write(m.format(sql)));
        if (e.connectionLost()) {
            env.write("server closed the connection unexpectedly\n\tThis probably means the server terminated abnormally\n"
                    + "\tbefore or while processing the request.\n");
            reset();
        }
    }

    /** psql's reconnection after a lost connection, with its messages (twice "Failed." in psql 15). */
    private void reset() {
        SqlConnection lost = connection;
        connection = null;
        if (lost != null) {
            lost.close();
        }
        env.write("The connection to the server was lost. Attempting reset: ");
        try {
            connection = backend.connect(request);
            ServerInfo server = connection.server();
            env.write("Succeeded.\npsql (" + CLIENT_VERSION + ", server " + server.version() + ")\n"
                    + (server.ssl() != null ? "SSL connection (" + server.ssl() + ")\n" : ""));
        } catch (ConnectionFailedException | PasswordRequiredException failed) {
            env.write("Failed.\nThe connection to the server was lost. Attempting reset: Failed.\n");
        }
    }

    private void printTiming(long startNanos) {
        if (!timing) {
            return;
        }
        double ms = (System.nanoTime() - startNanos) / 1e6;
        env.write(Timing.format(ms) + "\n");
    }

    private static boolean isCopyToStdout(String sql) {
        String s = sql.strip().toLowerCase(Locale.ROOT);
        return s.startsWith("copy") && s.matches("(?s).*\\bto\\s+stdout\\b.*");
    }

    // ---------------------------------------------------------------- backslash commands

    private void slashCommand(String command, SlashArguments args) {
        // psql matches \copy without regard to case (the 2022 quickstart writes \COPY); nothing else
        switch (command.equalsIgnoreCase("copy") ? "copy" : command) {
            case "q", "quit" -> {
                ignoreExtra(command, args);
                quit();
            }
            case "x" -> expanded(args);
            case "timing" -> timing(args);
            case "!" -> {
                String line = args.wholeLine();
                env.shell(line == null ? "" : line);
            }
            case "copy" -> copy(args.wholeLine());
            case "conninfo" -> conninfo();
            case "r", "reset" -> {
                buffer.setLength(0);
                scanner.reset();
                env.write("Query buffer reset (cleared).\n");
            }
            case "p", "print" -> env.write(buffer.length() > 0 ? buffer + "\n" : "Query buffer is empty.\n");
            case "g" -> {
                String statement = buffer.toString();
                buffer.setLength(0);
                scanner.reset();
                if (!statement.isBlank()) {
                    sendQuery(statement);
                }
            }
            case "echo" -> {
                List<String> words = new ArrayList<>();
                for (String w = args.next(); w != null; w = args.next()) {
                    words.add(w);
                }
                env.write(String.join(" ", words) + "\n");
            }
            case "?" -> env.write(PsqlHelp.COMMANDS);
            case "h", "help" -> env.write(PsqlHelp.SQL);
            case "pset" -> pset(args);
            default -> {
                if (!describe(command, args)) {
                    env.write("invalid command \\" + command + "\nTry \\? for help.\n");
                    args.wholeLine();
                }
            }
        }
    }

    private boolean describe(String command, SlashArguments args) {
        if (!command.startsWith("d") && !command.startsWith("l")) {
            return false;
        }
        String pattern = args.next();
        SqlConnection c = connection;
        if (c == null || c.isClosed()) {
            env.write("You are currently not connected to a database.\n");
            return true;
        }
        Describe describe = new Describe(c);
        try {
            String output = describe.run(command, pattern);
            if (output == null) {
                return false;
            }
            env.write(output);
        } catch (SqlException e) {
            reportFailure(e, null);
        }
        return true;
    }

    private void expanded(SlashArguments args) {
        String value = args.next();
        if (value == null) {
            expanded = expanded == Expanded.ON ? Expanded.OFF : Expanded.ON;
        } else if (value.equalsIgnoreCase("auto")) {
            expanded = Expanded.AUTO;
        } else {
            Boolean on = parseBoolean(value);
            if (on == null) {
                env.write("unrecognized value \"" + value + "\" for \"expanded\"\nAvailable values are: on, off, auto.\n");
                return;
            }
            expanded = on ? Expanded.ON : Expanded.OFF;
        }
        env.write(switch (expanded) {
            case ON -> "Expanded display is on.\n";
            case OFF -> "Expanded display is off.\n";
            case AUTO -> "Expanded display is used automatically.\n";
        });
    }

    private void timing(SlashArguments args) {
        String value = args.next();
        if (value == null) {
            timing = !timing;
        } else {
            Boolean on = parseBoolean(value);
            if (on == null) {
                env.write("unrecognized value \"" + value + "\" for \"\\timing\": Boolean expected\n");
                return;
            }
            timing = on;
        }
        env.write(timing ? "Timing is on.\n" : "Timing is off.\n");
    }

    private void pset(SlashArguments args) {
        String name = args.next();
        String value = args.next();
        if ("pager".equals(name)) {
            env.write(value != null && "off".equalsIgnoreCase(value) ? "Pager usage is off.\n" : "Pager is used for long output.\n");
        } else if ("expanded".equals(name) || "x".equals(name)) {
            expanded(new SlashArguments(value == null ? "" : value));
        } else {
            env.write("\\pset: unknown option: " + name + "\n");
        }
    }

    private void conninfo() {
        SqlConnection c = connection;
        if (c == null || c.isClosed()) {
            env.write("You are currently not connected to a database.\n");
            return;
        }
        ServerInfo s = c.server();
        env.write("You are connected to database \"" + s.database() + "\" as user \"" + s.user() + "\" on host \""
                + s.host() + "\" at port \"" + s.port() + "\".\n");
        if (s.ssl() != null) {
            env.write("SSL connection (" + s.ssl() + ")\n");
        }
    }

    private void ignoreExtra(String command, SlashArguments args) {
        for (String extra = args.next(); extra != null; extra = args.next()) {
            env.write("\\" + command + ": extra argument \"" + extra + "\" ignored\n");
        }
    }

    private static Boolean parseBoolean(String value) {
        String v = value.toLowerCase(Locale.ROOT);
        if (v.equals("on") || v.equals("true") || v.equals("yes") || v.equals("1")) {
            return true;
        }
        if (v.equals("off") || v.equals("false") || v.equals("no") || v.equals("0")) {
            return false;
        }
        return null;
    }

    private static boolean isWord(String line, String word) {
        String s = line.strip();
        if (s.endsWith(";")) {
            s = s.substring(0, s.length() - 1).strip();
        }
        return s.equalsIgnoreCase(word);
    }

    // ---------------------------------------------------------------- \copy

    private void copy(String args) {
        SqlConnection c = connection;
        if (c == null || c.isClosed()) {
            env.write("You are currently not connected to a database.\n");
            return;
        }
        SlashCopy copy;
        try {
            copy = SlashCopy.parse(args);
        } catch (SlashCopy.ParseException e) {
            env.write(e.getMessage() + "\n");
            return;
        }
        if (copy.source() == SlashCopy.Source.STDIO) {
            env.write("\\copy: " + copy.file() + " is not available in the Cloud Shell; copy from or to a file instead\n");
            return;
        }
        long start = System.nanoTime();
        running = true;
        try {
            long rows = copy.from() ? copyFrom(c, copy) : copyTo(c, copy);
            if (rows >= 0) {
                env.write("COPY " + rows + "\n");
            }
        } finally {
            running = false;
        }
        printTiming(start);
    }

    private long copyFrom(SqlConnection c, SlashCopy copy) {
        String source = copy.file();
        InputStream in;
        long size = 0;
        try {
            if (copy.source() == SlashCopy.Source.PROGRAM) {
                in = env.programOutput(source);
            } else {
                Path file = env.clientFile(source);
                if (!Files.exists(file)) {
                    throw new NoSuchFileException(source);
                }
                size = Files.size(file);
                in = Files.newInputStream(file);
            }
        } catch (NoSuchFileException e) {
            env.write(source + ": No such file or directory\n");
            return -1;
        } catch (IOException e) {
            env.write(source + ": " + reason(e) + "\n");
            return -1;
        }
        SlashCopy.TableTarget target = copy.target();
        CopyIn request = new CopyIn(copy.sql(), target != null ? target.table() : null,
                target != null ? target.columns() : List.of(), copy.plainCsv() && target != null, source, size);
        // a program shows its own progress (curl's meter); two displays on one line would garble both
        CopyProgressLine progress = new CopyProgressLine(copy.source() == SlashCopy.Source.PROGRAM ? text -> { } : env::write, source);
        try (InputStream data = in) {
            return c.copyIn(request, data, progress);
        } catch (SqlException e) {
            progress.clear();
            reportFailure(e, copy.sql());
            return -1;
        } catch (IOException e) {
            progress.clear();
            env.write(source + ": " + e.getMessage() + "\n");
            return -1;
        } finally {
            progress.clear();
        }
    }

    private long copyTo(SqlConnection c, SlashCopy copy) {
        if (copy.source() == SlashCopy.Source.PROGRAM) {
            env.write("\\copy: to program is not available in the Cloud Shell\n");
            return -1;
        }
        Path file;
        try {
            file = env.clientFile(copy.file());
        } catch (IOException e) {
            env.write(copy.file() + ": " + reason(e) + "\n");
            return -1;
        }
        try {
            // a new file, never the old one rewritten: the old one may be a link to shared data
            Files.deleteIfExists(file);
        } catch (IOException e) {
            env.write(copy.file() + ": " + reason(e) + "\n");
            return -1;
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            return c.copyOut(copy.sql(), out);
        } catch (SqlException e) {
            reportFailure(e, copy.sql());
            return -1;
        } catch (IOException e) {
            env.write(copy.file() + ": " + e.getMessage() + "\n");
            return -1;
        }
    }

    private static String reason(IOException e) {
        return e instanceof FileSystemException f && f.getReason() != null ? f.getReason() : e.getMessage();
    }

    /** A one-line progress display for long loads, redrawn in place and wiped when done. */
    private static final class CopyProgressLine implements Consumer<LoadProgress> {

        private static final long SHOW_AFTER_NANOS = 1_000_000_000L;

        private final Consumer<String> out;
        private final String name;
        private final long started = System.nanoTime();
        private boolean shown;

        CopyProgressLine(Consumer<String> out, String name) {
            this.out = out;
            this.name = name;
        }

        @Override
        public synchronized void accept(LoadProgress p) {
            if (System.nanoTime() - started < SHOW_AFTER_NANOS) {
                return;
            }
            List<String> parts = new ArrayList<>();
            if (p.totalBytes() > 0) {
                parts.add(String.format(Locale.ROOT, "%3.0f%% of %s", p.percent(), megabytes(p.totalBytes())));
            } else if (p.bytes() > 0) {
                parts.add(megabytes(p.bytes()));
            }
            if (p.rows() > 0) {
                parts.add(p.rows() + " rows");
            }
            if (parts.isEmpty()) {
                return;
            }
            shown = true;
            out.accept("\r\033[K" + name + ": " + String.join(", ", parts));
        }

        synchronized void clear() {
            if (shown) {
                out.accept("\r\033[K");
                shown = false;
            }
        }

        private static String megabytes(long bytes) {
            return String.format(Locale.ROOT, "%.1f MB", bytes / 1048576.0);
        }
    }
}
