package io.hyperscalelab.portal;

import static org.assertj.core.api.Assertions.assertThat;

import io.hyperscalelab.cluster.EmbeddedCluster;
import io.hyperscalelab.cluster.Firewall;
import io.hyperscalelab.cluster.Psql;
import io.hyperscalelab.cluster.ServerGroup;
import io.hyperscalelab.cluster.ServerGroupSpec;
import io.hyperscalelab.cluster.TestClusters;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The Connection strings blade's strings, with the password filled in, really connect. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConnectionStringsTest {

    private static final String GROUP = "conn-strings";
    private static final String PASSWORD = "Lab-Passw0rd!";

    private EmbeddedCluster cluster;
    private ServerGroup group;
    private Map<String, String> strings;
    private String serverVersion;

    @BeforeAll
    void createGroup() throws Exception {
        cluster = new EmbeddedCluster(TestClusters.freshProperties("conn-strings"));
        // the lab's way in from the learner's own machine: a firewall rule for its address
        group = cluster.create(new ServerGroupSpec(GROUP, 2, PASSWORD, cluster.postgresMajorVersion(), Firewall.thisMachine()));
        strings = ConnectionStrings.of(cluster.learnerEndpoint(GROUP)).stream()
                .collect(Collectors.toMap(ConnectionStrings.Entry::label, e -> e.value().replace("{your_password}", PASSWORD)));
        try (Connection c = DriverManager.getConnection(cluster.jdbcUrl(GROUP), "citus", PASSWORD);
             ResultSet rs = c.createStatement().executeQuery("SHOW server_version")) {
            rs.next();
            serverVersion = rs.getString(1);
        }
    }

    @AfterAll
    void deleteGroup() {
        TestClusters.deleteGroupsAndClose(cluster);
    }

    @Test
    void theBladeListsThePortalsNineEntriesInItsOrder() {
        List<ConnectionStrings.Entry> entries = ConnectionStrings.of(cluster.learnerEndpoint(GROUP));
        assertThat(entries).extracting(ConnectionStrings.Entry::label)
                .containsExactly("ADO.NET", "C++ (libpq)", "JDBC", "Node.js", "PHP", "psql", "Python", "Ruby", "Web App");
        int port = group.coordinator().port();
        assertThat(entries).allSatisfy(e -> assertThat(e.value())
                .contains("{your_password}").contains("127.0.0.1").contains(String.valueOf(port)).containsIgnoringCase("require"));
        assertThat(entries.get(5).value())
                .isEqualTo("psql \"host=127.0.0.1 port=" + port + " dbname=citus user=citus password={your_password} sslmode=require\"");
    }

    @Test
    void theJdbcStringConnectsWithPgjdbcOverTls() throws Exception {
        try (Connection c = DriverManager.getConnection(strings.get("JDBC"));
             ResultSet rs = c.createStatement().executeQuery(
                     "SELECT current_user, ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("citus");
            assertThat(rs.getBoolean(2)).isTrue();
        }
    }

    @Test
    void thePsqlStringRunsInARealPsql() throws Exception {
        String command = strings.get("psql");
        assertThat(command).startsWith("psql \"").endsWith("\"");
        String connection = command.substring("psql \"".length(), command.length() - 1);

        // a wrong PGPASSWORD proves the string's own password is the one used
        Psql.Run run = Psql.run(List.of(connection, "-c", "SHOW server_version"), "not-the-password", Path.of("."));

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stdout()).isEqualTo(" server_version \n----------------\n " + serverVersion + "\n(1 row)\n\n");
    }

    @Test
    void theOtherLibpqStylesAreConnectionStringsPsqlAccepts() throws Exception {
        for (String label : List.of("C++ (libpq)", "Node.js", "PHP", "Python", "Ruby")) {
            Psql.Run run = Psql.run(List.of(strings.get(label), "-At", "-c", "SELECT current_user || ' ' || ssl FROM pg_stat_ssl "
                    + "WHERE pid = pg_backend_pid()"), "not-the-password", Path.of("."));
            assertThat(run.exitCode()).as(label + ": " + run.stderr()).isZero();
            assertThat(run.stdout()).as(label).isEqualTo("citus true\n");
        }
    }
}
