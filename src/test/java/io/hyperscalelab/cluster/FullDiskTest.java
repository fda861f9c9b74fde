package io.hyperscalelab.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A really full disk: a small tmpfs mounted where the cluster writes. Mounting needs root, as
 * on this project's CI machines; elsewhere the test is skipped and says why.
 */
class FullDiskTest {

    private Path mountPoint;

    @BeforeEach
    void requireMount() {
        assumeTrue(ServerUser.currentUid() == 0, "mounting a small tmpfs needs root");
    }

    @AfterEach
    void unmount() throws Exception {
        if (mountPoint != null) {
            new ProcessBuilder("umount", mountPoint.toString()).inheritIO().start().waitFor();
        }
    }

    @Test
    void aGroupThatDoesNotFitFailsCleanlyAndTheNextOneWorksOnceThereIsRoom() throws Exception {
        ClusterProperties properties = TestClusters.freshProperties("fulldisk");
        // one node's copy fits in 70 MB, three do not
        mountPoint = mountTmpfs(properties.dataDirectory().resolve("groups"), "70m");
        try (EmbeddedCluster cluster = new EmbeddedCluster(properties)) {
            assertThatThrownBy(() -> cluster.create("lab-full", 2, "Lab-Passw0rd!"))
                    .isInstanceOf(ClusterException.class)
                    .hasMessageContaining("Server group lab-full could not be created")
                    .hasMessageContaining("No space left on device");

            try (var left = Files.list(mountPoint)) {
                assertThat(left.toList()).as("files left on the full disk").isEmpty();
            }
            assertThat(cluster.groups()).isEmpty();
        }
    }

    @Test
    void binariesThatCannotBeUnpackedAreAClearErrorWithNothingHalfUnpacked() throws Exception {
        Path dataDirectory = Files.createTempDirectory(
                Files.createDirectories(Path.of("target", "test-clusters").toAbsolutePath()), "tiny-");
        mountPoint = mountTmpfs(dataDirectory, "20m");

        assertThatThrownBy(() -> new EmbeddedCluster(ClusterProperties.in(mountPoint)))
                .isInstanceOf(ClusterException.class)
                .hasMessageContaining("Cannot unpack the PostgreSQL binaries")
                .hasMessageContaining("No space left on device");
        try (var left = Files.walk(mountPoint.resolve("binaries"))) {
            assertThat(left.filter(Files::isRegularFile).toList()).as("half-unpacked files").isEmpty();
        }
    }

    private static Path mountTmpfs(Path dir, String size) throws Exception {
        Files.createDirectories(dir);
        Process mount = new ProcessBuilder(List.of("mount", "-t", "tmpfs", "-o", "size=" + size + ",mode=755", "tmpfs",
                dir.toString())).redirectErrorStream(true).start();
        String output = new String(mount.getInputStream().readAllBytes());
        assumeTrue(mount.waitFor() == 0, "this machine does not allow mounting a tmpfs: " + output);
        return dir;
    }
}
