package io.hyperscalelab.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The lab's script through the real psql client, the way a learner runs it: psql's own protocol
 * use, its output formatting and its client-side \copy, none of which a JDBC test exercises.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PsqlLabTest {

    private static final String GROUP = "psql-lab";
    private static final String PASSWORD = "Lab-Passw0rd!";
    private static final int USER_ROWS = 7;

    private EmbeddedCluster cluster;
    private int coordinatorPort;
    private Path workDirectory;

    @BeforeAll
    void createGroup() throws Exception {
        ClusterProperties properties = TestClusters.freshProperties("psql-lab");
        cluster = new EmbeddedCluster(properties);
        coordinatorPort = cluster.create(GROUP, 2, PASSWORD).coordinator().port();
        workDirectory = Files.createDirectories(properties.dataDirectory().resolve("psql-work"));
    }

    @AfterAll
    void deleteGroup() {
        TestClusters.deleteGroupsAndClose(cluster);
    }

    @Test
    void labScriptRunsInPsqlAndPrintsWhatTheLabShows() throws Exception {
        writeUsersCsv(workDirectory.resolve("users.csv"));
        List<String> script = new ArrayList<>();
        Stream.of(QuickstartLab.CREATE_TABLES, QuickstartLab.CREATE_INDEXES, QuickstartLab.DISTRIBUTE).forEach(script::addAll);
        script.add("\\copy github_users from 'users.csv' WITH CSV");
        script.add("SELECT count(*) FROM github_users;");
        script.add("SELECT * FROM citus_tables;");
        script.add("SELECT * FROM citus_shards LIMIT 2;");
        Path scriptFile = workDirectory.resolve("lab.sql");
        Files.writeString(scriptFile, String.join("\n\n", script) + "\n");

        Psql.Run run = psql(scriptFile);

        assertThat(run.exitCode()).as("psql exit code; stderr: %s", run.stderr()).isZero();
        String out = run.stdout();
        assertThat(occurrences(out, "CREATE TABLE\n")).as(out).isEqualTo(2);
        assertThat(occurrences(out, "CREATE INDEX\n")).as(out).isEqualTo(2);
        // the lab's screenshot: a header, a rule, one empty value and "(1 row)", for each table
        assertThat(occurrences(out, " create_distributed_table \n--------------------------\n \n(1 row)\n"))
                .as(out).isEqualTo(2);
        assertThat(out).contains("COPY " + USER_ROWS + "\n");
        assertThat(out).contains(" count \n-------\n     " + USER_ROWS + "\n(1 row)\n");
        assertThat(out).containsPattern("table_name +\\| citus_table_type +\\| distribution_column +\\| colocation_id +\\| "
                + "table_size +\\| shard_count +\\| table_owner +\\| access_method");
        assertThat(out).containsPattern("(?m)^ github_events +\\| distributed +\\| user_id +\\| +\\d+ \\| .+ \\| +32 \\| citus +\\| heap$");
        assertThat(out).containsPattern("(?m)^ github_users +\\| distributed +\\| user_id +\\| +\\d+ \\| .+ \\| +32 \\| citus +\\| heap$");
        assertThat(out).contains("(2 rows)\n");
        assertThat(out).containsPattern("(?m)^ github_events +\\| +102008 \\| github_events_102008 \\| distributed ");
    }

    /** A few users in the format of the lab's users.csv: no header, columns in table order. */
    private static void writeUsersCsv(Path file) throws IOException {
        StringBuilder csv = new StringBuilder();
        for (int i = 1; i <= USER_ROWS; i++) {
            String login = "learner-" + i;
            csv.append(1000 + i).append(",https://api.github.com/users/").append(login).append(',').append(login)
                    .append(",https://avatars.githubusercontent.com/u/").append(1000 + i).append("?,,").append(login).append('\n');
        }
        Files.writeString(file, csv.toString());
    }

    private Psql.Run psql(Path scriptFile) throws IOException, InterruptedException {
        String connection = "host=127.0.0.1 port=" + coordinatorPort + " dbname=citus user=citus sslmode=require";
        // \copy reads users.csv relative to psql's directory
        return Psql.run(List.of(connection, "-v", "ON_ERROR_STOP=1", "-f", scriptFile.toString()), PASSWORD, workDirectory);
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
            count++;
        }
        return count;
    }

}
