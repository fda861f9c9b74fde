package io.hyperscalelab.shell;

import io.hyperscalelab.psql.SqlBackend;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Opens Cloud Shell sessions: each learner gets a home directory under {@code homes}, the
 * lab's part of the internet, and psql connections to the server groups they may reach.
 */
public final class CloudShell {

    private static final Pattern USER_NAME = Pattern.compile("[a-z_][a-z0-9_-]{0,31}");

    private final Path homes;
    private final CloudShellInternet internet;
    private final Function<Predicate<String>, SqlBackend> backends;

    /**
     * @param backends psql's connections for a session whose learner may reach the server groups
     *                 the predicate names
     */
    public CloudShell(Path homes, CloudShellInternet internet, Function<Predicate<String>, SqlBackend> backends) {
        this.homes = homes;
        this.internet = internet;
        this.backends = backends;
    }

    /** Every session's psql connects through {@code backend}. */
    public CloudShell(Path homes, CloudShellInternet internet, SqlBackend backend) {
        this(homes, internet, always(backend));
    }

    private static Function<Predicate<String>, SqlBackend> always(SqlBackend backend) {
        return reachable -> backend;
    }

    /** A session whose psql may reach every server group; see {@link #open(String, TerminalOutput, Predicate)}. */
    public CloudShellSession open(String user, TerminalOutput output) throws IOException {
        return open(user, output, group -> true);
    }

    /**
     * A new session for {@code user} (a Linux-style name: lower-case letters, digits, '_' and
     * '-', at most 32), writing to {@code output}, whose psql reaches only the server groups
     * {@code reachable} names (asked at each connection). It has printed nothing yet: call
     * {@link CloudShellSession#start()}, or use a {@link TerminalSession}.
     */
    public CloudShellSession open(String user, TerminalOutput output, Predicate<String> reachable) throws IOException {
        if (!USER_NAME.matcher(user).matches()) {
            throw new IllegalArgumentException("A Cloud Shell user name has 1 to 32 lower-case letters, digits, '_' or '-', "
                    + "starting with a letter or '_': " + user);
        }
        return new CloudShellSession(user, new HomeDirectory(homes.resolve(user)), output, internet, backends.apply(reachable));
    }
}
