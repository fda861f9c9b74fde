package io.hyperscalelab.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabDataFilesTest {

    private static final DatasetSize SMALL = DatasetSize.ofEvents(5_000);

    @TempDir
    Path cache;

    @Test
    void writesBothFilesOnceAndReusesThem() throws IOException {
        LabDataGenerator generator = new LabDataGenerator(3);
        LabDataFiles files = new LabDataFiles(cache, generator);

        LabDataPaths first = files.materialise(SMALL);
        FileTime written = Files.getLastModifiedTime(first.events());
        Files.setLastModifiedTime(first.events(), FileTime.fromMillis(written.toMillis() - 60_000));
        FileTime backdated = Files.getLastModifiedTime(first.events());
        LabDataPaths second = new LabDataFiles(cache, new LabDataGenerator(3)).materialise(SMALL);

        assertThat(second).isEqualTo(first);
        assertThat(Files.getLastModifiedTime(second.events())).as("not regenerated").isEqualTo(backdated);
        assertThat(first.users().getFileName()).hasToString("users.csv");
        assertThat(first.events().getFileName()).hasToString("events.csv");
        assertThat(Files.readAllBytes(first.users())).isEqualTo(generated(generator, true));
        assertThat(Files.readAllBytes(first.events())).isEqualTo(generated(generator, false));
        try (Stream<Path> left = Files.list(first.users().getParent())) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("users.csv", "events.csv");
        }
    }

    @Test
    void eachSeedAndSizeGetsItsOwnDirectory() throws IOException {
        LabDataPaths seedThree = new LabDataFiles(cache, new LabDataGenerator(3)).materialise(SMALL);
        LabDataPaths seedFour = new LabDataFiles(cache, new LabDataGenerator(4)).materialise(SMALL);
        LabDataPaths bigger = new LabDataFiles(cache, new LabDataGenerator(3)).materialise(DatasetSize.ofEvents(6_000));

        assertThat(seedThree.events().getParent()).isNotEqualTo(seedFour.events().getParent());
        assertThat(seedThree.events().getParent()).isNotEqualTo(bigger.events().getParent());
        assertThat(Files.readAllBytes(seedThree.events())).isNotEqualTo(Files.readAllBytes(seedFour.events()));
    }

    @Test
    void regeneratesAFileThatIsMissing() throws IOException {
        LabDataFiles files = new LabDataFiles(cache, new LabDataGenerator(3));
        LabDataPaths paths = files.materialise(SMALL);
        byte[] events = Files.readAllBytes(paths.events());
        Files.delete(paths.events());

        files.materialise(SMALL);

        assertThat(Files.readAllBytes(paths.events())).isEqualTo(events);
    }

    private static byte[] generated(LabDataGenerator generator, boolean users) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (users) {
            generator.writeUsers(SMALL, out);
        } else {
            generator.writeEvents(SMALL, out);
        }
        return out.toByteArray();
    }
}
