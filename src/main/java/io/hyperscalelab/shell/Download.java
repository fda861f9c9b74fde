package io.hyperscalelab.shell;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What a URL serves: a file on disk (the lab's data) or a small body.
 *
 * @param file   the file served, or null for {@code body}
 * @param labData a generated lab file, about which the learner is told once that it is synthetic
 */
record Download(Path file, byte[] body, boolean labData) {

    static Download of(String text) {
        return new Download(null, text.getBytes(StandardCharsets.UTF_8), false);
    }

    long size() throws IOException {
        return file != null ? Files.size(file) : body.length;
    }

    InputStream open() throws IOException {
        return file != null ? Files.newInputStream(file) : new ByteArrayInputStream(body);
    }
}
