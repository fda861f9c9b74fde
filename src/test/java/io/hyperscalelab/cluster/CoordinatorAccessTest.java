package io.hyperscalelab.cluster;

import static io.hyperscalelab.cluster.SqlRows.execute;
import static io.hyperscalelab.cluster.SqlRows.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Who reaches a coordinator, on one group created with Azure's default firewall (no access):
 * the firewall's rules really enforced by the coordinator's pg_hba.conf, TLS seen by a real psql
 * and by pgjdbc, and the admin password reset on every node. Each test sets the firewall it needs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CoordinatorAccessTest {

    private static final String GROUP = "access";
    private static final String PASSWORD = "Lab-Passw0rd!";
    /** An address no rule of the product's own covers: stands for "some other computer". */
    private static final String ELSEWHERE = "127.0.0.5";

    private ClusterProperties properties;
    private EmbeddedCluster cluster;

    @BeforeAll
    void createGroupWithoutAccess() throws Exception {
        properties = TestClusters.freshProperties("access");
        cluster = new EmbeddedCluster(properties);
        cluster.create(new ServerGroupSpec(GROUP, 2, PASSWORD, cluster.postgresMajorVersion(), Firewall.NO_ACCESS));
    }

    @AfterAll
    void deleteGroup() {
        TestClusters.deleteGroupsAndClose(cluster);
    }

    // ---------------------------------------------------------------- firewall

    @Test
    void withoutRulesNobodyButTheProductGetsIn() throws Exception {
        cluster.replaceFirewall(GROUP, Firewall.NO_ACCESS);

        assertRefused(ELSEWHERE);
        assertRefused(SourceAddresses.LEARNER_MACHINE);
        assertRefused(cluster.sourceAddresses().azureServices());
        try (Connection c = cluster.superuserConnection(GROUP, cluster.group(GROUP).orElseThrow().coordinator())) {
            assertThat(value(c, "SELECT current_user")).isEqualTo("postgres");
        }
    }

    @Test
    void aRuleAdmitsItsRangeAndRemovingItRefusesAgain() throws Exception {
        cluster.replaceFirewall(GROUP, Firewall.NO_ACCESS.with(new FirewallRule("Office", "127.0.0.4", "127.0.0.9")));

        assertAdmitted(ELSEWHERE);
        assertAdmitted("127.0.0.9");
        assertRefused("127.0.0.10");
        assertRefused(SourceAddresses.LEARNER_MACHINE);

        cluster.replaceFirewall(GROUP, cluster.firewall(GROUP).without("office"));

        assertThat(cluster.firewall(GROUP).rules()).isEmpty();
        assertRefused(ELSEWHERE);
    }

    @Test
    void allowAzureServicesAdmitsThePortalsOwnServicesOnly() throws Exception {
        SourceAddresses addresses = cluster.sourceAddresses();
        cluster.replaceFirewall(GROUP, Firewall.NO_ACCESS.withAzureServices(true));

        assertAdmitted(addresses.azureServices());
        assertRefused(addresses.cloudShell());
        assertRefused(ELSEWHERE);

        // the Cloud Shell gets in the way the lab says: a rule for the address curl ifconfig.co prints
        cluster.replaceFirewall(GROUP, cluster.firewall(GROUP)
                .with(new FirewallRule("CloudShell", addresses.cloudShell(), addresses.cloudShell())));
        assertAdmitted(addresses.cloudShell());

        cluster.replaceFirewall(GROUP, Firewall.NO_ACCESS);
        assertRefused(addresses.azureServices());
        assertRefused(addresses.cloudShell());
    }

    @Test
    void theSuperuserIsRefusedFromAnywhereButTheProductsAddress() {
        cluster.replaceFirewall(GROUP, Firewall.NO_ACCESS.with(new FirewallRule("Everything", "0.0.0.1", "255.255.255.255")));
        ServerGroup group = cluster.group(GROUP).orElseThrow();
        Properties superuser = new Properties();
        superuser.setProperty("user", "postgres");
        superuser.setProperty("password", "whatever");
        superuser.setProperty("localSocketAddress", ELSEWHERE);

        assertThatThrownBy(() -> DriverManager.getConnection(cluster.jdbcUrl(GROUP), superuser).close())
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("pg_hba.conf rejects connection for host \"" + ELSEWHERE + "\", user \"postgres\"");
        assertThat(group.coordinator().port()).isPositive();
    }

    @Test
    void connectionsWithoutTlsAreRefused() {
        cluster.replaceFirewall(GROUP, Firewall.thisMachine());
        String plain = cluster.jdbcUrl(GROUP).replace("sslmode=require", "sslmode=disable");

        assertThatThrownBy(() -> DriverManager.getConnection(plain, "citus", PASSWORD).close())
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("no pg_hba.conf entry for host \"127.0.0.1\", user \"citus\", database \"citus\", no encryption");
    }

    @Test
    void invalidRulesGetSpecificMessagesAndChangeNothing() throws Exception {
        Firewall before = cluster.replaceFirewall(GROUP, Firewall.thisMachine()).firewall();
        Path hba = coordinatorDataDirectory().resolve("pg_hba.conf");
        String hbaBefore = Files.readString(hba);

        assertThat(FirewallRule.problem("", "1.2.3.4", "1.2.3.4")).contains("The firewall rule name must not be empty.");
        assertThat(FirewallRule.problem("a".repeat(129), "1.2.3.4", "1.2.3.4"))
                .contains("The firewall rule name must be at most 128 characters long.");
        assertThat(FirewallRule.problem("my rule", "1.2.3.4", "1.2.3.4")).contains(
                "The firewall rule name can only contain letters, numbers, hyphens (-), underscores (_) and periods (.).");
        assertThat(FirewallRule.problem("ok", "1.2.3", "1.2.3.4"))
                .contains("Start IP: '1.2.3' is not a valid IPv4 address: use four numbers from 0 to 255, separated by dots.");
        assertThat(FirewallRule.problem("ok", "1.2.3.4", "1.2.3.256"))
                .contains("End IP: '1.2.3.256' is not a valid IPv4 address: 256 is greater than 255.");
        assertThat(FirewallRule.problem("ok", "10.0.0.2", "10.0.0.1"))
                .contains("The start IP address 10.0.0.2 must not be greater than the end IP address 10.0.0.1.");
        assertThat(FirewallRule.problem("Client_IP-1.2", "0.0.0.0", "255.255.255.255")).isEmpty();
        assertThat(FirewallRule.rangeProblem("10.0.0.1", "10.0.0.1")).isEmpty();
        assertThatThrownBy(() -> new FirewallRule("ok", "1.2.3.4", "01.2.3.4")).isInstanceOf(ClusterException.class)
                .hasMessageContaining("'01.2.3.4' is not a valid IPv4 address");
        assertThatThrownBy(() -> before.with(new FirewallRule("clientipaddress", "127.0.0.9", "127.0.0.9")))
                .isInstanceOf(ClusterException.class)
                .hasMessage("The firewall rule name clientipaddress is used more than once: rule names must be unique.");
        assertThatThrownBy(() -> cluster.replaceFirewall(GROUP, null)).isInstanceOf(ClusterException.class);
        assertThatThrownBy(() -> cluster.replaceFirewall("missing", Firewall.NO_ACCESS))
                .hasMessage("There is no server group named missing.");

        assertThat(cluster.firewall(GROUP)).isEqualTo(before);
        assertThat(Files.readString(hba)).isEqualTo(hbaBefore);
        assertAdmitted(SourceAddresses.LEARNER_MACHINE);
    }

    @Test
    void rulesSurviveAnAppRestartAndAStoppedGroupGetsItsRulesWhenItStarts() throws Exception {
        Firewall office = Firewall.NO_ACCESS.with(new FirewallRule("Office", "127.0.0.5", "127.0.0.6"));
        cluster.replaceFirewall(GROUP, office);
        cluster.close();
        cluster = new EmbeddedCluster(properties);
        cluster.resumeGroups();

        assertThat(cluster.firewall(GROUP)).isEqualTo(office);
        assertAdmitted(ELSEWHERE);
        assertRefused(SourceAddresses.LEARNER_MACHINE);

        cluster.stop(GROUP);
        cluster.replaceFirewall(GROUP, Firewall.thisMachine());
        cluster.start(GROUP);

        assertAdmitted(SourceAddresses.LEARNER_MACHINE);
        assertRefused(ELSEWHERE);
    }

    // ---------------------------------------------------------------- TLS

    @Test
    void aRealPsqlConnectsOverTlsAndShowsTheSslLine() throws Exception {
        cluster.replaceFirewall(GROUP, Firewall.thisMachine());
        String connection = "host=127.0.0.1 port=" + coordinatorPort() + " dbname=citus user=citus sslmode=require";

        Psql.Run run = Psql.interactive(connection, PASSWORD, "SHOW server_version;\n\\q\n");

        assertThat(run.exitCode()).as("psql: %s %s", run.stdout(), run.stderr()).isZero();
        assertThat(run.stdout()).containsPattern("psql \\(15\\.\\d+.*, server " + cluster.postgresMajorVersion() + "\\.\\d+\\)\n")
                .containsPattern("SSL connection \\(protocol: TLSv1\\.3, cipher: [A-Z0-9_]+, .*compression: off.*\\)\n")
                .contains("Type \"help\" for help.");
    }

    @Test
    void pgjdbcConnectsWithSslmodeRequireAndTheKeyIsTheServers() throws Exception {
        cluster.replaceFirewall(GROUP, Firewall.thisMachine());
        try (Connection c = DriverManager.getConnection(cluster.jdbcUrl(GROUP), "citus", PASSWORD)) {
            assertThat(value(c, "SELECT ssl::text || ' ' || version FROM pg_stat_ssl WHERE pid = pg_backend_pid()"))
                    .isEqualTo("true TLSv1.3");
        }
        Path key = coordinatorDataDirectory().resolve("server.key");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
        assertThat((int) Files.getAttribute(key, "unix:uid")).isEqualTo(new ServerUser(properties.serverUid()).uid());
        assertThat(Files.readString(key)).startsWith("-----BEGIN PRIVATE KEY-----\n");
    }

    // ---------------------------------------------------------------- admin password

    @Test
    void resettingThePasswordChangesItEverywhereAndDistributedQueriesStillWork() throws Exception {
        cluster.replaceFirewall(GROUP, Firewall.thisMachine());
        String newPassword = "N3w-Lab-Passw0rd!";
        try (Connection c = DriverManager.getConnection(cluster.jdbcUrl(GROUP), "citus", PASSWORD)) {
            execute(c, "CREATE TABLE IF NOT EXISTS reset_check (id bigint, v text)");
            if (value(c, "SELECT count(*) FROM citus_tables WHERE table_name = 'reset_check'::regclass").equals("0")) {
                execute(c, "SELECT create_distributed_table('reset_check', 'id')");
            }
            execute(c, "TRUNCATE reset_check");
            execute(c, "INSERT INTO reset_check SELECT g, 'v' || g FROM generate_series(1, 100) g");
        }

        cluster.resetAdminPassword(GROUP, newPassword);
        try {
            ServerGroup group = cluster.group(GROUP).orElseThrow();
            assertThat(cluster.learnerCredentials(GROUP).password()).isEqualTo(newPassword);
            for (ServerGroupNode node : group.nodes()) {
                String url = "jdbc:postgresql://127.0.0.1:" + node.port() + "/citus?sslmode=" + (node.role() == NodeRole.COORDINATOR ? "require" : "disable");
                assertThatThrownBy(() -> DriverManager.getConnection(url, "citus", PASSWORD).close())
                        .as(node.name()).hasMessageContaining("password authentication failed");
                DriverManager.getConnection(url, "citus", newPassword).close();
            }
            try (Connection c = DriverManager.getConnection(cluster.jdbcUrl(GROUP), "citus", newPassword)) {
                // new sessions reach the workers through the user mappings, with the new password
                assertThat(value(c, "SELECT count(*) FROM reset_check")).isEqualTo("100");
                execute(c, "INSERT INTO reset_check VALUES (101, 'after')");
                assertThat(SqlRows.rows(c, "SELECT success, result FROM run_command_on_workers('SELECT 1')"))
                        .containsOnly("t | 1");
            }
            try (Connection c = cluster.learnerConnection(GROUP, SourceAddresses.LEARNER_MACHINE)) {
                assertThat(value(c, "SELECT count(*) FROM reset_check")).isEqualTo("101");
            }
        } finally {
            cluster.resetAdminPassword(GROUP, PASSWORD);
        }
    }

    @Test
    void aPasswordResetWithANodeDownIsRefusedAndChangesNothing() throws Exception {
        cluster.replaceFirewall(GROUP, Firewall.thisMachine());
        ServerGroup group = cluster.group(GROUP).orElseThrow();
        ServerGroupNode worker = group.workers().get(1);
        Path workerData = properties.dataDirectory().resolve("groups").resolve(GROUP).resolve(worker.name());
        ServerUser user = new ServerUser(properties.serverUid());
        PostgresServer server = new PostgresServer(PostgresBinaries.install(properties.dataDirectory()), user, workerData);
        server.stop();
        try {
            assertThatThrownBy(() -> cluster.resetAdminPassword(GROUP, "Other-Passw0rd!"))
                    .isInstanceOf(ClusterException.class)
                    .hasMessage("The password cannot be reset while node " + worker.name() + " is not running: start the server group first.");
        } finally {
            cluster.start(GROUP);
        }
        assertThat(cluster.learnerCredentials(GROUP).password()).isEqualTo(PASSWORD);
        DriverManager.getConnection(cluster.jdbcUrl(GROUP), "citus", PASSWORD).close();
    }

    private void assertAdmitted(String source) throws SQLException {
        try (Connection c = cluster.learnerConnection(GROUP, source)) {
            assertThat(value(c, "SELECT inet_client_addr()::text")).isEqualTo(source + "/32");
        }
    }

    private void assertRefused(String source) {
        assertThatThrownBy(() -> cluster.learnerConnection(GROUP, source).close())
                .as("a connection from " + source)
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("no pg_hba.conf entry for host \"" + source + "\", user \"citus\", database \"citus\"");
    }

    private int coordinatorPort() {
        return cluster.group(GROUP).orElseThrow().coordinator().port();
    }

    private Path coordinatorDataDirectory() {
        ServerGroup group = cluster.group(GROUP).orElseThrow();
        return properties.dataDirectory().resolve("groups").resolve(GROUP).resolve(group.coordinator().name());
    }

}
