package io.hyperscalelab.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where test clusters live: under target/, which the unprivileged server user can reach. */
public final class TestClusters {

    private TestClusters() {
    }

    /**
     * A fresh data directory that shares the unpacked binaries and node templates with the other
     * tests (they are the slow part and never change within a build).
     */
    public static ClusterProperties freshProperties(String testName) throws IOException {
        Path base = Path.of("target", "test-clusters").toAbsolutePath();
        Path dir = Files.createTempDirectory(Files.createDirectories(base), testName + "-");
        Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        Path shared = base.resolve("shared");
        Files.createDirectories(shared.resolve("binaries"));
        Files.createDirectories(shared.resolve("templates"));
        Files.createSymbolicLink(dir.resolve("binaries"), shared.resolve("binaries"));
        Files.createSymbolicLink(dir.resolve("templates"), shared.resolve("templates"));
        // ports per test class must not collide when Surefire runs classes one after another
        int first = 20000 + (int) (ProcessHandle.current().pid() % 200) * 100 + Math.floorMod(testName.hashCode(), 10) * 10;
        return new ClusterProperties(dir, first, first + 500, 0, "32MB", 100);
    }

    /** Deletes every group of a test's cluster and closes it; a cluster that never started is fine. */
    public static void deleteGroupsAndClose(EmbeddedCluster cluster) {
        if (cluster != null) {
            cluster.groups().forEach(g -> cluster.delete(g.name()));
            cluster.close();
        }
    }
}
