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
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * The PostgreSQL server binaries of one major version (io.zonky.test.postgres on Maven Central),
 * unpacked once into {@code <data>/binaries/<version>}, plus this project's two extensions (citus,
 * citus_worker) copied into their extension directory so that CREATE EXTENSION finds them.
 * The versions the product ships are listed in {@code postgres/versions.properties}, which the
 * build writes beside each version's archive.
 */
public final class PostgresBinaries {

    private static final String VERSIONS = "postgres/versions.properties";
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

    /** The major versions the product ships, oldest first, each with its binaries' version (e.g. 18 = "18.6.0"). */
    public static SortedMap<Integer, String> shipped() {
        Properties versions = new Properties();
        try (InputStream in = PostgresBinaries.class.getClassLoader().getResourceAsStream(VERSIONS)) {
            if (in == null) {
                throw new ClusterException("The PostgreSQL binaries are not on the class path (" + VERSIONS
                        + " is missing): build the project with Maven, which unpacks them from Maven Central.");
            }
            versions.load(in);
        } catch (IOException e) {
            throw new ClusterException("Cannot read " + VERSIONS + ": " + e.getMessage(), e);
        }
        SortedMap<Integer, String> shipped = new TreeMap<>();
        versions.forEach((major, version) -> shipped.put(Integer.valueOf(major.toString().strip()), version.toString().strip()));
        return Collections.unmodifiableSortedMap(shipped);
    }

    /** The newest major version the product ships: what a group runs unless asked otherwise. */
    public static int defaultMajorVersion() {
        return shipped().lastKey();
    }

    /** Installs the default major version; see {@link #install(Path, int)}. */
    public static PostgresBinaries install(Path dataDirectory) {
        return install(dataDirectory, defaultMajorVersion());
    }

    /** Unpacks the binaries of a major version if they are not there yet, and installs the extensions. */
    public static PostgresBinaries install(Path dataDirectory, int majorVersion) {
        SortedMap<Integer, String> shipped = shipped();
        String version = shipped.get(majorVersion);
        if (version == null) {
            throw new ClusterException("PostgreSQL " + majorVersion + " is not available. Choose one of: "
                    + shipped.keySet().stream().map(String::valueOf).collect(Collectors.joining(", ")) + ".");
        }
        String resource = "postgres/" + version + "/" + ARCHIVE;
        URL archive = PostgresBinaries.class.getClassLoader().getResource(resource);
        if (archive == null) {
            throw new ClusterException("The PostgreSQL " + version + " binaries (" + resource + ") are not on the class path: "
                    + "build the project with Maven, which unpacks them from Maven Central.");
        }
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
        return majorVersionOf(version);
    }

    /** The major version of a binaries version such as "17.11.0". */
    static int majorVersionOf(String version) {
        return Integer.parseInt(version.substring(0, version.indexOf('.')));
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
