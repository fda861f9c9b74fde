package io.hyperscalelab.cluster;

import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** One PostgreSQL data directory and the server process that runs on it, driven by pg_ctl. */
final class PostgresServer {

    private static final long START_TIMEOUT_SECONDS = 60;
    private static final String ADDRESS_IN_USE = "Address already in use";

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

    /**
     * Starts the server and waits until it accepts connections; {@code options} go to postgres.
     *
     * @throws PortInUseException when another process holds the server's port
     */
    void start(String options) {
        Path log = dataDirectory.resolve("server.log");
        long logStart = sizeOf(log);
        try {
            user.run(List.of(binaries.bin("pg_ctl").toString(), "-D", dataDirectory.toString(),
                    "-l", log.toString(), "-w", "-t", String.valueOf(START_TIMEOUT_SECONDS),
                    "-o", options, "start"), START_TIMEOUT_SECONDS + 10);
        } catch (ClusterException e) {
            String thisStart = logSince(log, logStart);
            // the postmaster's own words (LOG "could not bind ...: Address already in use"), lc_messages being C
            if (thisStart.contains(ADDRESS_IN_USE) && !isRunning()) {
                throw new PortInUseException("The server in " + dataDirectory.getFileName()
                        + " did not start: another process took its port. " + lastLogLines(), e);
            }
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

    private static long sizeOf(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private static String logSince(Path log, long offset) {
        try (SeekableByteChannel channel = Files.newByteChannel(log)) {
            channel.position(offset);
            return new String(Channels.newInputStream(channel).readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
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
