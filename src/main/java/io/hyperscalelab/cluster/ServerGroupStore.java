package io.hyperscalelab.cluster;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Server groups on disk: {@code groups/<name>/group.json} beside the nodes' data directories,
 * the group's superuser password in {@code secret} and the learner's admin password in
 * {@code admin-secret} (both mode 600). Files are replaced atomically, so a crash leaves the old
 * version or the new one, never half of one.
 *
 * <p>A group.json written before firewalls existed has no {@code firewall}: it loads with
 * {@link Firewall#thisMachine()}, so that the learner's own psql keeps working as it did.
 */
final class ServerGroupStore {

    private final Path groupsDirectory;
    private final ObjectMapper json = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT);

    ServerGroupStore(Path dataDirectory) {
        this.groupsDirectory = dataDirectory.resolve("groups");
    }

    Path directory(ServerGroupName name) {
        return groupsDirectory.resolve(name.value());
    }

    Path dataDirectory(ServerGroupName name, ServerGroupNode node) {
        return directory(name).resolve(node.name());
    }

    void save(ServerGroup group) {
        write(directory(new ServerGroupName(group.name())).resolve("group.json"), () -> json.writeValueAsString(group));
    }

    void saveSecret(ServerGroupName name, String superuserPassword) {
        write(directory(name).resolve("secret"), () -> superuserPassword);
    }

    String secret(ServerGroupName name) {
        try {
            return Files.readString(directory(name).resolve("secret")).strip();
        } catch (IOException e) {
            throw new ClusterException("The password file of server group " + name + " cannot be read: " + e.getMessage(), e);
        }
    }

    void saveAdminSecret(ServerGroupName name, String adminPassword) {
        write(directory(name).resolve("admin-secret"), () -> adminPassword);
    }

    /** The learner's admin password; empty for groups created before it was stored. */
    Optional<String> adminSecret(ServerGroupName name) {
        Path file = directory(name).resolve("admin-secret");
        try {
            return Files.exists(file) ? Optional.of(Files.readString(file)) : Optional.empty();
        } catch (IOException e) {
            throw new ClusterException("The admin password file of server group " + name + " cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * Marks the group as stopped for idleness (a file {@code idle-stopped} beside group.json), or
     * clears the mark, so that a restarted app still tells it from a group stopped on purpose.
     */
    void markIdleStopped(ServerGroupName name, boolean idle) {
        Path marker = directory(name).resolve("idle-stopped");
        try {
            if (idle) {
                write(marker, () -> "");
            } else {
                Files.deleteIfExists(marker);
            }
        } catch (IOException e) {
            throw new ClusterException("Cannot update " + marker + ": " + e.getMessage(), e);
        }
    }

    boolean isIdleStopped(ServerGroupName name) {
        return Files.exists(directory(name).resolve("idle-stopped"));
    }

    /** Every stored group; a directory without a readable group.json is reported, not skipped silently. */
    List<ServerGroup> loadAll() {
        List<ServerGroup> groups = new ArrayList<>();
        if (!Files.isDirectory(groupsDirectory)) {
            return groups;
        }
        try (var dirs = Files.list(groupsDirectory)) {
            for (Path dir : (Iterable<Path>) dirs.sorted()::iterator) {
                Path file = dir.resolve("group.json");
                if (Files.isRegularFile(file)) {
                    ObjectNode stored = (ObjectNode) json.readTree(file.toFile());
                    if (!stored.has("firewall")) {
                        stored.set("firewall", json.valueToTree(Firewall.thisMachine()));
                    }
                    groups.add(json.treeToValue(stored, ServerGroup.class));
                }
            }
        } catch (IOException e) {
            throw new ClusterException("Cannot read the server groups in " + groupsDirectory + ": " + e.getMessage(), e);
        }
        return groups;
    }

    void delete(ServerGroupName name) {
        try {
            PostgresBinaries.deleteTree(directory(name));
        } catch (IOException e) {
            throw new ClusterException("Cannot remove the files of server group " + name + ": " + e.getMessage(), e);
        }
    }

    private interface Content {
        String get() throws IOException;
    }

    private static void write(Path file, Content content) {
        try {
            Files.createDirectories(file.getParent());
            Path staging = file.resolveSibling(file.getFileName() + ".new");
            Files.writeString(staging, content.get());
            Files.setPosixFilePermissions(staging, PosixFilePermissions.fromString("rw-------"));
            Files.move(staging, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new ClusterException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
