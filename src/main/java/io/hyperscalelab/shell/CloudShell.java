package io.hyperscalelab.shell;

import io.hyperscalelab.psql.SqlBackend;
import java.io.IOException;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Opens Cloud Shell sessions: each learner gets a home directory under {@code homes}, the
 * lab's part of the internet, and psql connections through {@code backend}.
 */
public final class CloudShell {

    private static final Pattern USER_NAME = Pattern.compile("[a-z_][a-z0-9_-]{0,31}");

    private final Path homes;
    private final CloudShellInternet internet;
    private final SqlBackend backend;

    public CloudShell(Path homes, CloudShellInternet internet, SqlBackend backend) {
        this.homes = homes;
        this.internet = internet;
        this.backend = backend;
    }

    /**
     * A new session for {@code user} (a Linux-style name: lower-case letters, digits, '_' and
     * '-', at most 32), writing to {@code output}. It has printed nothing yet: call
     * {@link CloudShellSession#start()}, or use a {@link TerminalSession}.
     */
    public CloudShellSession open(String user, TerminalOutput output) throws IOException {
        if (!USER_NAME.matcher(user).matches()) {
            throw new IllegalArgumentException("A Cloud Shell user name has 1 to 32 lower-case letters, digits, '_' or '-', "
                    + "starting with a letter or '_': " + user);
        }
        return new CloudShellSession(user, new HomeDirectory(homes.resolve(user)), output, internet, backend);
    }
}
