package io.hyperscalelab.cluster;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** One PostgreSQL data directory and the server process that runs on it, driven by pg_ctl. */
final class PostgresServer {

    private static final long START_TIMEOUT_SECONDS = 60;

    private final PostgresBinaries binaries;
    private final ServerUser user;
    private final Path dataDirectory;

    PostgresServer(PostgresBinaries binaries, ServerUser user, Path dataDirectory) {
        this.binaries = binaries;
        this.user = user;
        this.dataDirectory = dataDirectory;
    }

    Path dataDirectory() {
        return dataDirectory;
    }

    /** Starts the server and waits until it accepts connections; {@code options} go to postgres. */
    void start(String options) {
        try {
            user.run(List.of(binaries.bin("pg_ctl").toString(), "-D", dataDirectory.toString(),
                    "-l", dataDirectory.resolve("server.log").toString(), "-w", "-t", String.valueOf(START_TIMEOUT_SECONDS),
                    "-o", options, "start"), START_TIMEOUT_SECONDS + 10);
        } catch (ClusterException e) {
            throw new ClusterException("The server in " + dataDirectory.getFileName() + " did not start. " + lastLogLines(), e);
        }
    }

    void start() {
        start("");
    }

    /** Stops the server (fast shutdown: sessions are ended, data is flushed). No-op when stopped. */
    void stop() {
        if (isRunning()) {
            user.run(List.of(binaries.bin("pg_ctl").toString(), "-D", dataDirectory.toString(),
                    "-m", "fast", "-w", "-t", "60", "stop"), 70);
        }
    }

    /** Stops without a checkpoint; for a data directory that is about to be deleted. */
    void kill() {
        if (isRunning()) {
            user.run(List.of(binaries.bin("pg_ctl").toString(), "-D", dataDirectory.toString(),
                    "-m", "immediate", "-w", "-t", "30", "stop"), 40);
        }
    }

    /** Whether the postmaster named in postmaster.pid is alive: no process spawned, so cheap to poll. */
    boolean isRunning() {
        long pid = pid();
        return pid > 0 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /** The postmaster's process id, or -1 when it is not running. */
    long pid() {
        try {
            return Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).strip());
        } catch (Exception e) {
            return -1;
        }
    }

    private String lastLogLines() {
        try {
            List<String> lines = Files.readAllLines(dataDirectory.resolve("server.log"));
            return "Its log ends with: " + String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
        } catch (Exception e) {
            return "";
        }
    }
}
