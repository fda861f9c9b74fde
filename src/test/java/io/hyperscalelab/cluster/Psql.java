package io.hyperscalelab.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Debian's real psql, run as a learner runs it: with a connection string, the password in the
 * environment, no ~/.psqlrc and none of this machine's PG* variables.
 */
public final class Psql {

    public static final Path PSQL = Path.of("/usr/bin/psql");
    private static final long TIMEOUT_SECONDS = 120;

    private Psql() {
    }

    /** psql {@code arguments}, non-interactively, in {@code directory} (where \copy finds its files). */
    public static Run run(List<String> arguments, String password, Path directory) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(requirePsql(), "-X"));
        command.addAll(arguments);
        return exec(new ProcessBuilder(command).directory(directory.toFile()), password, "");
    }

    /**
     * psql at a terminal, as the learner sees it: the startup banner (versions, the SSL line) is
     * printed only when psql talks to a terminal, so it runs under {@code script}, which gives it
     * one. {@code input} is typed in; it should end with {@code \q}.
     */
    public static Run interactive(String connectionString, String password, String input) throws IOException, InterruptedException {
        String command = requirePsql() + " -X '" + connectionString.replace("'", "'\\''") + "'";
        return exec(new ProcessBuilder("script", "-q", "-e", "-c", command, "/dev/null"), password, input);
    }

    private static String requirePsql() {
        assertThat(Files.isExecutable(PSQL))
                .as("psql is missing: install the PostgreSQL client (apt-get install postgresql-client); CI installs it")
                .isTrue();
        return PSQL.toString();
    }

    private static Run exec(ProcessBuilder builder, String password, String input) throws IOException, InterruptedException {
        builder.environment().keySet().removeIf(name -> name.startsWith("PG") || name.startsWith("PSQL"));
        builder.environment().put("PGPASSWORD", password);
        builder.environment().put("PAGER", "cat");
        Process process = builder.start();
        process.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
        String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("psql did not finish within " + TIMEOUT_SECONDS + " s; output so far: " + stdout);
        }
        return new Run(process.exitValue(), stdout.replace("\r\n", "\n"), stderr.join());
    }

    private static String readAll(InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(stderr unreadable: " + e.getMessage() + ")";
        }
    }

    public record Run(int exitCode, String stdout, String stderr) {
    }
}
