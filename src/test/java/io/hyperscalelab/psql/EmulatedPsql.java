package io.hyperscalelab.psql;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;

/** The emulation typed at like {@link RealPsql}, its screen written the same way. */
final class EmulatedPsql {

    private EmulatedPsql() {
    }

    static String transcript(String connectionString, List<String> lines, SqlBackend backend, Path home) {
        StringBuilder screen = new StringBuilder();
        ClientEnvironment env = new FilesOnlyEnvironment(screen, home);
        PsqlSession session = PsqlSession.start(List.of(connectionString), backend, env);
        for (String line : lines) {
            if (session.finished()) {
                break;
            }
            screen.append(session.prompt()).append(line).append('\n');
            session.line(line);
        }
        if (!session.finished()) {
            screen.append(session.prompt()).append("\\q\n");
            session.line("\\q");
        }
        return screen.toString();
    }

    /** A terminal that is a string, files in one directory, no shell. */
    record FilesOnlyEnvironment(StringBuilder screen, Path home) implements ClientEnvironment {

        /**
         * As a terminal shows it: {@code \r} and erase-line wipe what the line holds so far, so
         * \copy's progress line, drawn when a load takes over a second, leaves nothing behind.
         */
        @Override
        public void write(String text) {
            synchronized (screen) {
                String[] pieces = text.split("\r\u001b\\[K", -1);
                screen.append(pieces[0]);
                for (int i = 1; i < pieces.length; i++) {
                    screen.setLength(screen.lastIndexOf("\n") + 1);
                    screen.append(pieces[i]);
                }
            }
        }

        @Override
        public Path clientFile(String name) {
            return home.resolve(name);
        }

        @Override
        public InputStream programOutput(String command) throws IOException {
            throw new IOException("no shell in this test");
        }

        @Override
        public void shell(String command) {
            write("sh: 1: " + command + ": not found\n");
        }

        @Override
        public String osUser() {
            return "learner";
        }
    }
}
