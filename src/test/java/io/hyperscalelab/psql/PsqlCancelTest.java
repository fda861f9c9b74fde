package io.hyperscalelab.psql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Ctrl-C on a long statement: psql's messages, promptly, and the session goes on. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PsqlCancelTest {

    private LearnerPostgres postgres;

    @BeforeAll
    void start() throws Exception {
        postgres = LearnerPostgres.start("psql-cancel");
    }

    @AfterAll
    void stop() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void ctrlCCancelsALongStatementAndTheNextOneRuns() throws Exception {
        StringBuilder screen = new StringBuilder();
        PsqlSession session = PsqlSession.start(List.of(postgres.connectionString() + " password=" + LearnerPostgres.PASSWORD),
                new PgJdbcBackend(HostDirectory.loopbackOnly(), null), new EmulatedPsql.FilesOnlyEnvironment(screen, postgres.home()));
        screen.setLength(0);

        CompletableFuture<Void> sleeping = CompletableFuture.runAsync(() -> session.line("SELECT pg_sleep(30);"));
        await().atMost(Duration.ofSeconds(20)).until(this::sleepIsRunning);
        long start = System.nanoTime();
        session.interrupt();
        sleeping.get(10, TimeUnit.SECONDS);
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(millis).as("cancel took %d ms", millis).isLessThan(10_000);
        assertThat(screen.toString()).isEqualTo("Cancel request sent\nERROR:  canceling statement due to user request\n");
        assertThat(session.prompt()).isEqualTo("citus=> ");
        screen.setLength(0);
        session.line("SELECT 1 AS still_here;");
        assertThat(screen.toString()).isEqualTo(" still_here \n------------\n          1\n(1 row)\n\n");
        session.line("\\q");
    }

    private boolean sleepIsRunning() throws Exception {
        try (Connection c = postgres.server().connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE query LIKE 'SELECT pg_sleep(30)%' AND state = 'active'")) {
            rs.next();
            return rs.getInt(1) == 1;
        }
    }
}
