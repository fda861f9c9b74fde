package io.hyperscalelab.psql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The server goes away under an open session (a deleted server group): psql's messages, its
 * failed reset, the {@code !?>} prompt, and no statement run until a new psql connects.
 */
class PsqlLostConnectionTest {

    @Test
    void aVanishedServerLeavesPsqlDisconnectedWithPsqlsMessages() throws Exception {
        StringBuilder screen = new StringBuilder();
        PsqlSession session;
        try (LearnerPostgres postgres = LearnerPostgres.start("psql-lost")) {
            session = PsqlSession.start(List.of(postgres.connectionString() + " password=" + LearnerPostgres.PASSWORD),
                    new PgJdbcBackend(HostDirectory.loopbackOnly(), null), new EmulatedPsql.FilesOnlyEnvironment(screen, postgres.home()));
            assertThat(session.prompt()).isEqualTo("citus=> ");
        }
        screen.setLength(0);
        session.line("select 4;");
        assertThat(screen.toString()).endsWith("server closed the connection unexpectedly\n"
                + "\tThis probably means the server terminated abnormally\n\tbefore or while processing the request.\n"
                + "The connection to the server was lost. Attempting reset: Failed.\n"
                + "The connection to the server was lost. Attempting reset: Failed.\n");
        assertThat(screen.toString()).matches("(?s)(FATAL:  terminating connection due to administrator command\n)?server closed.*");
        assertThat(session.prompt()).isEqualTo("!?> ");
        screen.setLength(0);
        session.line("select 5;");
        assertThat(screen.toString()).isEqualTo("You are currently not connected to a database.\n");
        session.line("\\q");
        assertThat(session.finished()).isTrue();
    }
}
