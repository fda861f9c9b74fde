package io.hyperscalelab.psql;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Debian's psql 15 in a pseudo-terminal (through {@code script}), typed at line by line: the
 * oracle for the emulation. What it returns is the screen a learner would see, prompts and
 * echoed input included.
 */
final class RealPsql {

    static final Path PSQL = Path.of("/usr/bin/psql");

    private RealPsql() {
    }

    static boolean available() {
        return Files.isExecutable(PSQL) && Files.isExecutable(Path.of("/usr/bin/script"));
    }

    /** The terminal transcript of psql {@code connectionString} given {@code lines}, then {@code \q}. */
    static String transcript(String connectionString, String password, List<String> lines, Path workDirectory)
            throws IOException, InterruptedException {
        String command = "stty cols 400 rows 50; exec " + PSQL + " -X -P pager=off " + shellQuote(connectionString);
        ProcessBuilder builder = new ProcessBuilder("script", "-qfec", command, "/dev/null").directory(workDirectory.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("PG") || name.equals("PAGER"));
        if (password != null) {
            builder.environment().put("PGPASSWORD", password);
        }
        builder.environment().put("LC_ALL", "C.UTF-8");
        builder.environment().put("TERM", "dumb");
        builder.redirectErrorStream(true);
        Process process = builder.start();
        CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> {
            try {
                return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "(unreadable: " + e.getMessage() + ")";
            }
        });
        OutputStream in = process.getOutputStream();
        for (String line : lines) {
            in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        }
        in.write("\\q\n".getBytes(StandardCharsets.UTF_8));
        in.flush();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("psql did not finish within 120 s: " + output.getNow("(nothing)"));
        }
        in.close();
        return clean(output.join());
    }

    /** Without the pty's raw echo before psql started, bracketed-paste codes and carriage returns. */
    private static String clean(String raw) {
        String text = raw.replace("\u001b[?2004h", "").replace("\u001b[?2004l", "").replace("\r", "");
        int banner = text.indexOf("psql (");
        return banner >= 0 ? text.substring(banner) : text;
    }

    private static String shellQuote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
