package io.hyperscalelab.data;

import java.nio.file.Path;

/** Where the two files of one dataset are, ready for {@code \copy ... WITH CSV}. */
public record LabDataPaths(Path users, Path events) {
}
