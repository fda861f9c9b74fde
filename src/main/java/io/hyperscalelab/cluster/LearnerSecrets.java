package io.hyperscalelab.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/**
 * The learner passwords of a real Citus cluster's server groups, which the portal needs to run a
 * learner's SQL as the learner (query editor, Cloud Shell): one file per group, mode 600 from the
 * moment it exists, as the embedded cluster keeps its {@code admin-secret}.
 */
final class LearnerSecrets {

    private final Path directory;

    LearnerSecrets(Path directory) {
        this.directory = directory;
    }

    Optional<String> read(ServerGroupName group) {
        Path file = file(group);
        try {
            return Files.exists(file) ? Optional.of(Files.readString(file, StandardCharsets.UTF_8)) : Optional.empty();
        } catch (IOException e) {
            throw new ClusterException("Cannot read the stored password of " + group + ": " + e.getMessage(), e);
        }
    }

    void save(ServerGroupName group, String password) {
        Path file = file(group);
        Path staging = file.resolveSibling(file.getFileName() + ".new");
        try {
            Files.createDirectories(directory);
            Files.deleteIfExists(staging);
            Files.createFile(staging, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(staging, password, StandardCharsets.UTF_8);
            Files.move(staging, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new ClusterException("Cannot store the password of " + group + " in " + directory + ": " + e.getMessage(), e);
        }
    }

    void delete(ServerGroupName group) {
        try {
            Files.deleteIfExists(file(group));
        } catch (IOException e) {
            throw new ClusterException("Cannot remove the stored password of " + group + ": " + e.getMessage(), e);
        }
    }

    private Path file(ServerGroupName group) {
        return directory.resolve(group.value() + ".secret");
    }
}
