package io.hyperscalelab.psql;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * What psql gets from the machine it runs on, here the learner's Cloud Shell: a terminal, the
 * home directory for {@code \copy} files, and a shell for {@code \!} and {@code FROM PROGRAM}.
 */
public interface ClientEnvironment {

    /** Prints to the terminal (psql's stdout and stderr both end up there). */
    void write(String text);

    /**
     * The file {@code name} in the learner's home, checked: a name that would leave the home is
     * refused with an {@link IOException} whose message reads like the system's, e.g.
     * {@code Permission denied}.
     */
    Path clientFile(String name) throws IOException;

    /**
     * Runs {@code command} in the shell and streams its standard output; what it writes to
     * standard error goes to the terminal. Closing the stream ends the command.
     */
    InputStream programOutput(String command) throws IOException;

    /** Runs {@code command} in the shell, its output to the terminal ({@code \!}). */
    void shell(String command);

    /** The learner's user name on the shell, psql's default user and database. */
    String osUser();
}
