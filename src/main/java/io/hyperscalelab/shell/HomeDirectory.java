package io.hyperscalelab.shell;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * A learner's home in the Cloud Shell: one flat directory on disk. Every name is checked before
 * it becomes a path, so nothing a learner types reaches a file outside it.
 */
public final class HomeDirectory {

    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9._+-]{1,200}");

    private final Path root;

    public HomeDirectory(Path root) throws IOException {
        this.root = Files.createDirectories(root).toRealPath();
    }

    public Path root() {
        return root;
    }

    /**
     * The file {@code name} in this home: a plain file name, optionally after {@code ./} or
     * {@code ~/}. Anything else (an absolute path, {@code ..}, a subdirectory) is refused with
     * "Permission denied".
     */
    public Path resolve(String name) throws AccessDeniedException {
        String plain = name;
        if (plain.startsWith("~/")) {
            plain = plain.substring(2);
        } else if (plain.startsWith("./")) {
            plain = plain.substring(2);
        }
        if (!FILE_NAME.matcher(plain).matches() || plain.equals(".") || plain.equals("..")) {
            throw new AccessDeniedException(name, null, "Permission denied");
        }
        Path path = root.resolve(plain).normalize();
        if (!path.getParent().equals(root)) {
            throw new AccessDeniedException(name, null, "Permission denied");
        }
        return path;
    }
}
