package io.hyperscalelab.psql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A result too large for the app's memory is refused with a clear error, and the session goes on. */
class ResultLimitTest {

    @Test
    void aHugeResultIsRefusedAndTheNextStatementRuns() throws Exception {
        try (LearnerPostgres postgres = LearnerPostgres.start("psql-limit")) {
            StringBuilder screen = new StringBuilder();
            PsqlSession session = PsqlSession.start(List.of(postgres.connectionString() + " password=" + LearnerPostgres.PASSWORD),
                    new PgJdbcBackend(HostDirectory.loopbackOnly(), null), new EmulatedPsql.FilesOnlyEnvironment(screen, postgres.home()));
            screen.setLength(0);
            session.line("SELECT repeat('x', 1000000) FROM generate_series(1, 100);");
            assertThat(screen.toString()).isEqualTo("ERROR:  the result is larger than this Cloud Shell can hold (64MB of rows)\n"
                    + "DETAIL:  The session was reconnected: settings, temporary tables and any open transaction were lost.\n"
                    + "HINT:  Narrow the query down with WHERE or LIMIT.\n");
            assertThat(session.prompt()).isEqualTo("citus=> ");
            screen.setLength(0);
            session.line("SELECT 1 AS still_here;");
            assertThat(screen.toString()).isEqualTo(" still_here \n------------\n          1\n(1 row)\n\n");
        }
    }
}
