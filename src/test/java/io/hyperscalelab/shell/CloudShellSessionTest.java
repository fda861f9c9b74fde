package io.hyperscalelab.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.hyperscalelab.data.DatasetSize;
import io.hyperscalelab.data.LabDataFiles;
import io.hyperscalelab.data.LabDataGenerator;
import io.hyperscalelab.data.LabDataPaths;
import io.hyperscalelab.psql.HostDirectory;
import io.hyperscalelab.psql.PgJdbcBackend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The shell's own commands, one line at a time, without a database. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CloudShellSessionTest {

    private static final DatasetSize SMALL = DatasetSize.ofEvents(500);

    private Path base;
    private LabDataPaths labFiles;
    private CloudShell cloudShell;
    private final StringBuilder screen = new StringBuilder();
    private CloudShellSession shell;

    @BeforeAll
    void createShell() throws Exception {
        base = Files.createTempDirectory(Files.createDirectories(Path.of("target", "cloud-shell-tests")), "session-");
        LabDataFiles files = new LabDataFiles(base.resolve("lab-data"), new LabDataGenerator(LabDataGenerator.DEFAULT_SEED));
        labFiles = files.materialise(SMALL);
        cloudShell = new CloudShell(base.resolve("homes"), new CloudShellInternet("127.0.0.3", CloudShellInternet.labFiles(files, SMALL)),
                new PgJdbcBackend(HostDirectory.loopbackOnly(), null));
    }

    @BeforeEach
    void openSession() throws Exception {
        screen.setLength(0);
        shell = cloudShell.open("learner", screen::append);
        for (String file : List.of("users.csv", "events.csv", "notes.txt")) {
            Files.deleteIfExists(shell.home().resolve(file));
        }
    }

    @Test
    void greetsAndPromptsLikeCloudShell() {
        shell.start();
        assertThat(screen.toString()).isEqualTo("""
                Requesting a Cloud Shell.Succeeded.
                Connecting terminal...

                Welcome to Azure Cloud Shell

                Type "az" to use Azure CLI
                Type "help" to learn about Cloud Shell

                """);
        assertThat(shell.prompt()).isEqualTo("learner@Azure:~$ ");
    }

    @Test
    void ifconfigCoAnswersWithTheShellsAddress() {
        assertThat(run("curl -s https://ifconfig.co")).isEqualTo("127.0.0.3\n");
        assertThat(run("curl https://ifconfig.co")).isEqualTo("127.0.0.3\n");
        assertThat(run("curl -sS ifconfig.co")).isEqualTo("127.0.0.3\n");
    }

    @Test
    void downloadsTheLabFilesWithAProgressMeterAndSaysOnceThatTheyAreSynthetic() throws Exception {
        long usersSize = Files.size(labFiles.users());
        String users = run("curl -O https://examples.citusdata.com/users.csv");
        assertThat(users).matches("(?s)  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n"
                + "                                 Dload  Upload   Total   Spent    Left  Speed\n"
                + "\r  0     0    0     0    0     0      0      0 --:--:-- --:--:-- --:--:--     0"
                + "\r100 " + ProgressMeter.max5(usersSize).replace(".", "\\.") + "  100 " + ProgressMeter.max5(usersSize).replace(".", "\\.")
                + "    0     0  [ 0-9.kMG]{5}      0 [-:0-9 ]{8} [-:0-9 ]{8} [-:0-9 ]{8} [ 0-9.kMG]{5}\n"
                + "Note: " + LabDataGenerator.SYNTHETIC_NOTICE.replace(".", "\\.").replace("(", "\\(").replace(")", "\\)") + "\n");
        assertThat(shell.home().resolve("users.csv")).hasSameBinaryContentAs(labFiles.users());

        String events = run("curl -sO https://examples.citusdata.com/events.csv");
        assertThat(events).as("silent, and the notice was already given").isEmpty();
        assertThat(shell.home().resolve("events.csv")).hasSameBinaryContentAs(labFiles.events());

        assertThat(run("ls")).isEqualTo("events.csv  users.csv\n");
        assertThat(run("ls -l")).matches("total \\d+\n"
                + "-rw-r--r-- 1 learner learner +\\d+ \\w{3} [ \\d]\\d \\d\\d:\\d\\d events\\.csv\n"
                + "-rw-r--r-- 1 learner learner +\\d+ \\w{3} [ \\d]\\d \\d\\d:\\d\\d users\\.csv\n");
        assertThat(run("head -n 2 users.csv").lines()).hasSize(2);

        assertThat(run("rm users.csv")).isEmpty();
        assertThat(run("ls")).isEqualTo("events.csv\n");
        assertThat(labFiles.users()).as("the shared copy outlives a learner's rm").exists();
        assertThat(run("rm users.csv")).isEqualTo("rm: cannot remove 'users.csv': No such file or directory\n");
    }

    @Test
    void curlsErrorsAreCurls() {
        assertThat(run("curl https://example.org")).isEqualTo("curl: (6) Could not resolve host: example.org\n");
        assertThat(run("curl -s https://example.org")).isEmpty();
        assertThat(run("curl -sS https://example.org/x")).isEqualTo("curl: (6) Could not resolve host: example.org\n");
        assertThat(run("curl ftp://example.org/x")).isEqualTo("curl: (1) Protocol \"ftp\" not supported or disabled in libcurl\n");
        assertThat(run("curl")).isEqualTo("curl: no URL specified!\ncurl: try 'curl --help' or 'curl --manual' for more information\n");
        assertThat(run("curl --foo https://ifconfig.co"))
                .isEqualTo("curl: option --foo: is unknown\ncurl: try 'curl --help' or 'curl --manual' for more information\n");
        assertThat(run("curl -O https://ifconfig.co"))
                .isEqualTo("curl: Remote file name has no length!\ncurl: (23) Failed writing received data to disk/application\n");
        assertThat(run("curl -s https://examples.citusdata.com/nothing.csv")).contains("404 Not Found");
    }

    @Test
    void unknownCommandsAndShellSyntaxGetBashsAnswers() {
        assertThat(run("foo")).isEqualTo("bash: foo: command not found\n");
        assertThat(run("az login")).startsWith("az: the Azure CLI is not part of this lab.");
        assertThat(run("")).isEmpty();
        assertThat(run("echo \"hello  $USER\" 'it''s' a\\ b")).isEqualTo("hello  learner its a b\n");
        assertThat(run("echo 'two")).isEmpty();
        assertThat(shell.prompt()).isEqualTo("> ");
        assertThat(run("lines'")).isEqualTo("two\nlines\n");
        assertThat(shell.prompt()).isEqualTo("learner@Azure:~$ ");
        assertThat(run("curl -s https://ifconfig.co | cat")).startsWith("bash: |: pipes, redirections and command lists are not available");
        assertThat(run("pwd")).isEqualTo("/home/learner\n");
    }

    @Test
    void nothingOutsideTheHomeCanBeReadWrittenOrRemoved() throws Exception {
        Path outside = base.resolve("homes").resolve("secret.txt");
        Files.writeString(outside, "not yours");
        assertThat(run("cat /etc/passwd")).isEqualTo("cat: /etc/passwd: Permission denied\n");
        assertThat(run("cat ../secret.txt")).isEqualTo("cat: ../secret.txt: Permission denied\n");
        assertThat(run("head ~/../secret.txt")).isEqualTo("head: cannot open '~/../secret.txt' for reading: Permission denied\n");
        assertThat(run("rm ../secret.txt")).isEqualTo("rm: cannot remove '../secret.txt': Permission denied\n");
        assertThat(run("ls /etc")).isEqualTo("ls: cannot open directory '/etc': Permission denied\n");
        assertThat(run("curl -s -o ../owned.txt https://ifconfig.co")).isEqualTo("curl: (23) Failure writing output to destination\n");
        assertThat(run("curl -s -o /tmp/owned.txt https://ifconfig.co")).isEqualTo("curl: (23) Failure writing output to destination\n");
        assertThat(outside).hasContent("not yours");
        try (Stream<Path> homes = Files.list(base.resolve("homes"))) {
            assertThat(homes.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("learner", "secret.txt");
        }
        assertThat(run("curl -s -o ./notes.txt https://ifconfig.co")).isEmpty();
        assertThat(run("cat notes.txt")).isEqualTo("127.0.0.3\n");
    }

    @Test
    void aBrokenPsqlConnectionStringGetsLibpqsMessageAndTheShellGoesOn() {
        assertThat(run("psql \"citus-lab-c.postgres.database.azure.com port=5432 dbname=citus user=citus password=x sslmode=require\""))
                .isEqualTo("psql: error: missing \"=\" after \"citus-lab-c.postgres.database.azure.com\" in connection info string\n");
        assertThat(run("psql \"host=c.gone.postgres.database.azure.com port=5432 dbname=citus user=citus password=x\""))
                .isEqualTo("psql: error: could not translate host name \"c.gone.postgres.database.azure.com\" to address: "
                        + "Name or service not known\n");
        assertThat(shell.prompt()).isEqualTo("learner@Azure:~$ ");
    }

    @Test
    void exitEndsTheSession() {
        run("exit");
        assertThat(shell.exited()).isTrue();
    }

    @Test
    void userNamesAreCheckedBeforeTheyBecomeDirectories() {
        for (String bad : List.of("../x", "a/b", "", "Root", "x".repeat(40))) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> cloudShell.open(bad, text -> { }))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    private String run(String line) {
        screen.setLength(0);
        shell.line(line);
        return screen.toString();
    }
}
