package io.hyperscalelab.cluster;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Properties;

/**
 * The state server's two passwords, kept in a file only the app's own user can read (mode 600,
 * written to a temporary file first and moved into place, so it is never seen half written).
 */
record StateSecret(String superuserPassword, String appPassword) {

    static StateSecret generate() {
        return new StateSecret(Passwords.generate(), Passwords.generate());
    }

    static StateSecret read(Path file) {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            p.load(in);
        } catch (IOException e) {
            throw new ClusterException("Cannot read the state database's secret " + file + ": " + e.getMessage(), e);
        }
        String superuser = p.getProperty("superuser.password");
        String app = p.getProperty("app.password");
        if (superuser == null || app == null) {
            throw new ClusterException("The state database's secret " + file + " is incomplete.");
        }
        return new StateSecret(superuser, app);
    }

    void write(Path file) throws IOException {
        Path staging = file.resolveSibling(file.getFileName() + ".new");
        Files.deleteIfExists(staging);
        Files.createFile(staging, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Properties p = new Properties();
        p.setProperty("superuser.password", superuserPassword);
        p.setProperty("app.password", appPassword);
        try (Writer out = Files.newBufferedWriter(staging)) {
            p.store(out, "Hyperscale Lab state database: generated passwords, for the product only");
        }
        Files.move(staging, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
