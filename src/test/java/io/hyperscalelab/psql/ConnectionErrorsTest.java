package io.hyperscalelab.psql;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What the emulated psql says when it cannot connect, against what Debian's psql 15 says for
 * the same command line and the same server: broken connection strings (libpq's own parser
 * messages) and refusals by the server.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConnectionErrorsTest {

    private static final String PASSWORD = LearnerPostgres.PASSWORD;

    private LearnerPostgres postgres;
    private Path home;
    private int port;
    private int closedPort;

    @BeforeAll
    void start() throws Exception {
        assertThat(RealPsql.available()).isTrue();
        postgres = LearnerPostgres.start("psql-conn");
        port = postgres.port();
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        home = postgres.home();
    }

    @AfterAll
    void stop() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void brokenConnectionStringsGetLibpqsMessages() throws Exception {
        for (String connection : List.of(
                "citus-lab-c.postgres.database.azure.com port=5432 dbname=citus user=citus",
                "host=127.0.0.1 port=" + port + " foo=bar",
                "host='127.0.0.1 port=5",
                "host=127.0.0.1 port=abc",
                "host=127.0.0.1 port=99999",
                "host=127.0.0.1 sslmode=bogus",
                "=x",
                "postgresql://citus@127.0.0.1:" + port + "/citus?foo=1",
                "postgresql://citus@127.0.0.1:" + port + "/citus?sslmode",
                "postgresql://citus@127.0.0.1:" + port + "/citus?a=b=c")) {
            assertSameAsPsql(List.of(connection));
        }
    }

    @Test
    void refusalsByTheServerGetPsqlsMessages() throws Exception {
        for (String connection : List.of(
                "host=127.0.0.1 port=" + port + " dbname=citus user=citus password=wrong sslmode=disable",
                "host=127.0.0.1 port=" + port + " dbname=citus user=citus password=wrong",
                "host=localhost port=" + port + " dbname=citus user=citus password=wrong",
                "host=127.0.0.1 port=" + port + " dbname=nodb user=citus password=" + PASSWORD,
                "host=127.0.0.1 port=" + port + " dbname=citus user=nobody password=x",
                "host=127.0.0.1 port=" + port + " dbname=citus user=citus password=" + PASSWORD + " sslmode=require",
                "host=127.0.0.1 port=" + closedPort + " dbname=citus user=citus password=x",
                "postgresql://citus:wrong@127.0.0.1:" + port + "/citus",
                "host=nosuchhost.invalid port=5432 user=citus password=x")) {
            assertSameAsPsql(List.of(connection));
        }
        assertSameAsPsql(List.of("-h", "127.0.0.1", "-p", String.valueOf(port), "-U", "citus", "citus", "extra"));
        assertSameAsPsql(List.of("-h"));
        assertSameAsPsql(List.of("--foo"));
    }

    @Test
    void aClientTheFirewallDoesNotAllowIsRefusedByPgHba() {
        String screen = emulated(List.of("host=127.0.0.1 port=" + port + " dbname=citus user=citus password=" + PASSWORD
                + " sslmode=disable"), new PgJdbcBackend(HostDirectory.loopbackOnly(), "127.0.0.3"), List.of());
        assertThat(screen).isEqualTo("psql: error: connection to server at \"127.0.0.1\", port " + port
                + " failed: FATAL:  no pg_hba.conf entry for host \"127.0.0.3\", user \"citus\", database \"citus\", no encryption\n");
    }

    @Test
    void withoutAPasswordItAsksForOneWithoutEcho() {
        List<String> prompts = new ArrayList<>();
        StringBuilder screen = new StringBuilder();
        PsqlSession session = PsqlSession.start(List.of("host=127.0.0.1 port=" + port + " dbname=citus user=citus"),
                new PgJdbcBackend(HostDirectory.loopbackOnly(), null), new EmulatedPsql.FilesOnlyEnvironment(screen, home));
        assertThat(session.finished()).isFalse();
        assertThat(session.echoesInput()).isFalse();
        prompts.add(session.prompt());
        session.line("wrong");
        assertThat(session.finished()).isTrue();
        assertThat(prompts).containsExactly("Password for user citus: ");
        assertThat(screen.toString()).isEqualTo("psql: error: connection to server at \"127.0.0.1\", port " + port
                + " failed: FATAL:  password authentication failed for user \"citus\"\n");

        screen.setLength(0);
        session = PsqlSession.start(List.of("host=127.0.0.1 port=" + port + " dbname=citus user=citus"),
                new PgJdbcBackend(HostDirectory.loopbackOnly(), null), new EmulatedPsql.FilesOnlyEnvironment(screen, home));
        session.line(PASSWORD);
        assertThat(session.finished()).isFalse();
        assertThat(session.echoesInput()).isTrue();
        assertThat(session.prompt()).isEqualTo("citus=> ");
        assertThat(screen.toString()).startsWith("psql (" + PsqlSession.CLIENT_VERSION + ", server 18.").endsWith("Type \"help\" for help.\n\n");
        session.line("\\q");
        assertThat(session.finished()).isTrue();
    }

    private void assertSameAsPsql(List<String> args) throws Exception {
        String expected = realPsql(args);
        String actual = emulated(args, new PgJdbcBackend(HostDirectory.loopbackOnly(), null), List.of());
        assertThat(actual).as("psql %s", args).isEqualTo(expected);
    }

    private String emulated(List<String> args, SqlBackend backend, List<String> lines) {
        StringBuilder screen = new StringBuilder();
        PsqlSession session = PsqlSession.start(args, backend, new EmulatedPsql.FilesOnlyEnvironment(screen, home));
        lines.forEach(session::line);
        if (!session.finished() && !session.echoesInput()) {
            // stdin is closed, as for the real psql here: the password prompt meets end of input
            screen.append(session.prompt());
            session.endOfInput();
        }
        if (!session.finished()) {
            session.line("\\q");
        }
        return screen.toString();
    }

    /** Debian's psql with stdin closed: errors on stderr, exactly as a terminal shows them. */
    private String realPsql(List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(RealPsql.PSQL.toString(), "-X", "-c", "select 1"));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("PG"));
        builder.environment().put("PGCONNECT_TIMEOUT", "10");
        Process process = builder.start();
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return out;
    }
}
