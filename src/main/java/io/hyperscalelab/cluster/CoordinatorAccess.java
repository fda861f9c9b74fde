package io.hyperscalelab.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * What may reach a coordinator: TLS, with a certificate of its own ({@code ssl = on}), and its
 * pg_hba.conf, written from the group's {@link Firewall}. A firewall change on a running
 * coordinator takes effect through a configuration reload, with no restart and no session lost.
 */
final class CoordinatorAccess {

    private static final String SSL_ON = "ssl = on";
    private static final long RELOAD_TIMEOUT_MILLIS = 10_000;

    private final ServerUser user;
    private final SourceAddresses addresses;

    CoordinatorAccess(ServerUser user, SourceAddresses addresses) {
        this.user = user;
        this.addresses = addresses;
    }

    /**
     * Readies a coordinator's data directory before its server starts: the certificate (groups made
     * before TLS existed get theirs here, on their next start), TLS on, and the firewall's rules.
     */
    void prepare(Path dataDirectory, Firewall firewall, Supplier<ServerCertificate> newCertificate) {
        try {
            if (!Files.exists(dataDirectory.resolve("server.key"))) {
                install(dataDirectory, newCertificate.get());
            }
            Path conf = dataDirectory.resolve("postgresql.conf");
            if (!Files.readAllLines(conf).contains(SSL_ON)) {
                Files.writeString(conf, "# TLS with the certificate made for this coordinator (server.crt, server.key)\n"
                        + SSL_ON + "\n", StandardOpenOption.APPEND);
            }
        } catch (IOException e) {
            throw new ClusterException("Cannot turn on TLS in " + dataDirectory + ": " + e.getMessage(), e);
        }
        writeRules(dataDirectory, firewall);
    }

    /** Writes the firewall's pg_hba.conf, for a server that reads it when it next starts. */
    void writeRules(Path dataDirectory, Firewall firewall) {
        write(dataDirectory.resolve("pg_hba.conf"), PgHba.coordinator(firewall, addresses));
    }

    /**
     * Puts a firewall into force on a running coordinator and returns once new connections meet it.
     * On any failure the previous rules are back in force and the error says why.
     */
    void apply(Path dataDirectory, Firewall firewall, SuperuserConnections superuser) {
        Path hba = dataDirectory.resolve("pg_hba.conf");
        String previous;
        try {
            previous = Files.readString(hba);
        } catch (IOException e) {
            throw new ClusterException("Cannot read " + hba + ": " + e.getMessage(), e);
        }
        write(hba, PgHba.coordinator(firewall, addresses));
        try {
            checkAndReload(superuser);
        } catch (SQLException | RuntimeException e) {
            write(hba, previous);
            try {
                checkAndReload(superuser);
            } catch (SQLException | RuntimeException again) {
                e.addSuppressed(again);
            }
            throw new ClusterException("The firewall rules could not be applied; the previous rules stay in force: "
                    + e.getMessage(), e);
        }
    }

    // pg_hba_file_rules parses the file on disk, so a mistake is found before the server is asked
    // to load it (it would keep its old rules and only log why).
    private static void checkAndReload(SuperuserConnections superuser) throws SQLException {
        Timestamp before;
        try (Connection c = superuser.open(); Statement s = c.createStatement()) {
            List<String> errors = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT line_number, error FROM pg_hba_file_rules WHERE error IS NOT NULL")) {
                while (rs.next()) {
                    errors.add("line " + rs.getInt(1) + ": " + rs.getString(2));
                }
            }
            if (!errors.isEmpty()) {
                throw new ClusterException("pg_hba.conf has errors: " + String.join("; ", errors));
            }
            before = confLoadTime(s);
            s.execute("SELECT pg_reload_conf()");
        }
        awaitReload(superuser, before);
    }

    // pg_reload_conf() only signals the postmaster. A session forked after the postmaster has
    // reloaded inherits its new load time, and every connection it accepts from then on meets
    // the new pg_hba.conf: so the first new session with a later load time proves the reload.
    private static void awaitReload(SuperuserConnections superuser, Timestamp before) throws SQLException {
        long deadline = System.currentTimeMillis() + RELOAD_TIMEOUT_MILLIS;
        while (true) {
            try (Connection c = superuser.open(); Statement s = c.createStatement()) {
                if (confLoadTime(s).after(before)) {
                    return;
                }
            }
            if (System.currentTimeMillis() > deadline) {
                throw new ClusterException("The coordinator did not reload its configuration within "
                        + RELOAD_TIMEOUT_MILLIS / 1000 + " s.");
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ClusterException("Interrupted while the coordinator reloaded its configuration.", e);
            }
        }
    }

    private static Timestamp confLoadTime(Statement s) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT pg_conf_load_time()")) {
            rs.next();
            return rs.getTimestamp(1);
        }
    }

    private void install(Path dataDirectory, ServerCertificate certificate) {
        write(dataDirectory.resolve("server.crt"), certificate.certificatePem());
        write(dataDirectory.resolve("server.key"), certificate.privateKeyPem());
    }

    // Mode 600 and the server user's: PostgreSQL refuses a key file others can read.
    private void write(Path file, String content) {
        Path staging = file.resolveSibling(file.getFileName() + ".new");
        try {
            Files.writeString(staging, content);
            Files.setPosixFilePermissions(staging, PosixFilePermissions.fromString("rw-------"));
            user.handOver(staging);
            Files.move(staging, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new ClusterException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** Opens a new superuser session on the coordinator each time it is asked. */
    @FunctionalInterface
    interface SuperuserConnections {
        Connection open() throws SQLException;
    }
}
