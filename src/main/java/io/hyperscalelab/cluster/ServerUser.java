package io.hyperscalelab.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The OS user the PostgreSQL servers run as. initdb and postgres refuse to run as root, so
 * when the app is root every server command runs through {@code setpriv} as an unprivileged
 * uid and the directories it writes are handed to that uid; otherwise it is the app's own user.
 */
public final class ServerUser {

    private final int uid;
    private final boolean switchUser;

    public ServerUser(int unprivilegedUid) {
        this.switchUser = currentUid() == 0;
        this.uid = switchUser ? unprivilegedUid : currentUid();
    }

    public static int currentUid() {
        try {
            return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        } catch (IOException | UnsupportedOperationException e) {
            throw new IllegalStateException("cannot tell which user this process runs as", e);
        }
    }

    public int uid() {
        return uid;
    }

    /** Creates {@code dir} (mode 700) owned by the server user, for it to fill. */
    public void createOwnedDirectory(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        handOver(dir);
    }

    /** Gives an existing file or directory to the server user. */
    public void handOver(Path path) throws IOException {
        if (switchUser) {
            Files.setAttribute(path, "unix:uid", uid);
            Files.setAttribute(path, "unix:gid", uid);
        }
    }

    /**
     * The server user must be able to reach {@code dir}: every ancestor searchable by others.
     * Checked up front, because the alternative is an obscure "permission denied" from initdb.
     */
    public void checkReachable(Path dir) {
        if (!switchUser) {
            return;
        }
        for (Path p = dir.toAbsolutePath(); p != null; p = p.getParent()) {
            try {
                if (Files.exists(p) && !Files.getPosixFilePermissions(p).contains(java.nio.file.attribute.PosixFilePermission.OTHERS_EXECUTE)
                        && !p.equals(dir)) {
                    throw new ClusterException("The data directory " + dir + " cannot be reached by the PostgreSQL server user (uid "
                            + uid + "): " + p + " is not searchable by other users. Choose a directory such as "
                            + "/var/lib/hyperscale-lab, or run chmod o+x " + p + ".");
                }
            } catch (IOException e) {
                throw new ClusterException("Cannot read the permissions of " + p + ": " + e.getMessage(), e);
            }
        }
    }

    /** Runs a server binary as the server user; returns its output, or fails with its error text. */
    public String run(List<String> command, long timeoutSeconds) {
        List<String> full = new ArrayList<>();
        if (switchUser) {
            full.addAll(List.of("setpriv", "--reuid=" + uid, "--regid=" + uid, "--clear-groups"));
        }
        full.addAll(command);
        Process process;
        try {
            process = new ProcessBuilder(full).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new ClusterException("Cannot run " + command.get(0) + ": " + e.getMessage(), e);
        }
        try {
            process.getOutputStream().close();
            // pg_ctl start leaves the postmaster holding no pipe of ours (-l logfile), so this ends
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new ClusterException(Path.of(command.get(0)).getFileName() + " did not finish within "
                        + timeoutSeconds + " s");
            }
            String text = new String(output, StandardCharsets.UTF_8).strip();
            if (process.exitValue() != 0) {
                throw new CommandFailedException(Path.of(command.get(0)).getFileName() + " failed (exit "
                        + process.exitValue() + "): " + text, process.exitValue());
            }
            return text;
        } catch (IOException e) {
            throw new ClusterException("Lost the output of " + command.get(0) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new ClusterException("Interrupted while running " + command.get(0), e);
        }
    }

    /** A server command that ran and exited non-zero. */
    public static final class CommandFailedException extends ClusterException {
        private final int exitCode;

        CommandFailedException(String message, int exitCode) {
            super(message);
            this.exitCode = exitCode;
        }

        public int exitCode() {
            return exitCode;
        }
    }
}
