package io.hyperscalelab.data;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * users.csv and events.csv on disk, generated once per (seed, size, format version) under a
 * cache directory and reused afterwards. Each file is written to a temporary name and renamed
 * into place, so a reader never sees half a file, even if the process dies while writing or
 * two processes generate the same dataset at once.
 */
public final class LabDataFiles {

    public static final String USERS_FILE = "users.csv";
    public static final String EVENTS_FILE = "events.csv";

    private final Path cacheDirectory;
    private final LabDataGenerator generator;

    public LabDataFiles(Path cacheDirectory, LabDataGenerator generator) {
        this.cacheDirectory = cacheDirectory;
        this.generator = generator;
    }

    /** The dataset's files, generating whichever is missing. */
    public synchronized LabDataPaths materialise(DatasetSize size) throws IOException {
        Path directory = directory(size);
        Files.createDirectories(directory);
        Path users = directory.resolve(USERS_FILE);
        Path events = directory.resolve(EVENTS_FILE);
        if (!Files.isRegularFile(users)) {
            writeAtomically(users, out -> generator.writeUsers(size, out));
        }
        if (!Files.isRegularFile(events)) {
            writeAtomically(events, out -> generator.writeEvents(size, out));
        }
        return new LabDataPaths(users, events);
    }

    /** One directory per dataset, named after everything that determines its bytes. */
    public Path directory(DatasetSize size) {
        return cacheDirectory.resolve("github-v" + LabDataGenerator.FORMAT_VERSION + "-seed" + generator.seed()
                + "-users" + size.users() + "-events" + size.events());
    }

    private interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private static void writeAtomically(Path target, Content content) throws IOException {
        Path temporary = Files.createTempFile(target.getParent(), target.getFileName() + ".", ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(temporary)) {
                content.writeTo(out);
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
