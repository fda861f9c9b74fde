package io.hyperscalelab.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The real-Citus implementation on real servers, without Citus (there is none here): its probe
 * against a plain PostgreSQL, a closed port, an unknown host, a server that never answers, a wrong
 * password or database, a role that may not create roles, a Citus too old; and its server groups
 * on an embedded group's coordinator, reached by URL as that coordinator's admin role
 * {@code citus} (not a superuser, with CREATEROLE, as on Azure Cosmos DB for PostgreSQL).
 *
 * <p>What the embedded coordinator proves: each group is a role and a schema, made and dropped by
 * a role that is not superuser under PostgreSQL 18's rules, with the learner's password, its own
 * schema first on its path, no access to another group's, all of it gone on delete, and bad input
 * refused without leftovers. What it does not: that Citus passes the role and schema on to the
 * workers (the emulation does not), which the Testcontainers suite checks on real Citus.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RealCitusClusterTest {

    private static final String HOST_GROUP = "citus-host";
    private static final String ADMIN_PASSWORD = "Admin-Passw0rd!";
    private static final String LEARNER_PASSWORD = "Learner-Passw0rd!";

    private ClusterProperties properties;
    private EmbeddedCluster embedded;
    private int coordinatorPort;
    private RealCitusCluster real;

    @BeforeAll
    void startTheCoordinator() throws Exception {
        properties = TestClusters.freshProperties("real-citus");
        embedded = new EmbeddedCluster(properties);
        coordinatorPort = embedded.create(HOST_GROUP, 2, ADMIN_PASSWORD).coordinator().port();
        real = new RealCitusCluster(url("citus", ADMIN_PASSWORD), 5, properties);
    }

    @AfterAll
    void stop() throws SQLException {
        if (real != null) {
            real.groups().forEach(g -> real.delete(g.name()));
            try (Connection c = superuser(); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA IF EXISTS " + RealCitusCluster.CATALOG + " CASCADE");
            }
            real.close();
        }
        TestClusters.deleteGroupsAndClose(embedded);
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class ServerGroupsAsRolesAndSchemas {

        @Test
        void aGroupIsItsLearnersRoleAndSchemaWithTheClustersWorkers() throws Exception {
            ServerGroup group = real.create(spec("team-a", 5));

            assertThat(group.workers()).hasSize(2).allSatisfy(w -> assertThat(w.host()).isEqualTo("127.0.0.1"));
            assertThat(group.coordinator().port()).isEqualTo(coordinatorPort);
            assertThat(group.workers()).extracting(ServerGroupNode::name).containsExactly("team-a-w0", "team-a-w1");
            assertThat(real.fixedWorkerCount()).hasValue(2);
            assertThat(real.status("team-a")).hasSize(3).containsValues(NodeStatus.AVAILABLE);
            assertThat(real.availablePostgresVersions()).containsExactly(group.postgresMajorVersion());
            assertThat(real.learnerCredentials("team-a")).isEqualTo(new LearnerCredentials("team-a", LEARNER_PASSWORD));
            try (Connection learner = learner("team-a")) {
                SqlRows.execute(learner, "CREATE TABLE notes (id int)");
                assertThat(SqlRows.value(learner, "SELECT schemaname FROM pg_tables WHERE tablename = 'notes'")).isEqualTo("team-a");
                assertThat(SqlRows.table(learner, "SELECT rolsuper, rolcreaterole FROM pg_roles WHERE rolname = current_user"))
                        .containsExactly(List.of("f", "f"));
            }
            assertThat(real.groupOfLearner(0, "citus", "team-a")).map(ServerGroup::name).hasValue("team-a");
            assertThat(real.groupOfLearner(0, "postgres", "team-a")).isEmpty();
            assertThat(real.groupOfLearner(0, "citus", "citus")).isEmpty();
        }

        @Test
        void oneGroupCannotReadAnothersTables() throws Exception {
            real.create(spec("team-b", 2));
            real.create(spec("team-c", 2));
            try (Connection b = learner("team-b"); Statement s = b.createStatement()) {
                s.execute("CREATE TABLE secrets (v text)");
                s.execute("INSERT INTO secrets VALUES ('only team-b')");
            }
            try (Connection c = learner("team-c"); Statement s = c.createStatement()) {
                assertThatThrownBy(() -> s.executeQuery("SELECT * FROM \"team-b\".secrets"))
                        .hasMessageContaining("permission denied for schema team-b");
            }
        }

        @Test
        void deletingAGroupDropsItsSchemaTablesAndRole() throws Exception {
            real.create(spec("team-d", 2));
            try (Connection d = learner("team-d"); Statement s = d.createStatement()) {
                s.execute("CREATE TABLE events (id bigint)");
            }

            real.delete("team-d");

            assertThat(real.group("team-d")).isEmpty();
            try (Connection c = superuser()) {
                assertThat(SqlRows.value(c, "SELECT count(*) FROM pg_roles WHERE rolname = 'team-d'")).isEqualTo("0");
                assertThat(SqlRows.value(c, "SELECT count(*) FROM pg_namespace WHERE nspname = 'team-d'")).isEqualTo("0");
            }
            assertThatThrownBy(() -> real.learnerCredentials("team-d")).hasMessageContaining("holds no password");
            assertThatThrownBy(() -> real.delete("team-d")).hasMessage("There is no server group named team-d.");
        }

        @Test
        void aNameTheClusterAlreadyUsesIsRefusedAndNothingIsLeftBehind() throws Exception {
            assertThatThrownBy(() -> real.create(spec("citus", 2)))
                    .isInstanceOf(ClusterException.class)
                    .hasMessage("A server group named citus already exists, or the Citus cluster has a role or schema of that name.");
            assertThatThrownBy(() -> real.create(new ServerGroupSpec("team-e", 2, "weak", 18, Firewall.NO_ACCESS)))
                    .hasMessageContaining("8");
            assertThatThrownBy(() -> real.create(new ServerGroupSpec("team-e", 2, LEARNER_PASSWORD, 11, Firewall.NO_ACCESS)))
                    .hasMessageContaining("The Citus cluster runs PostgreSQL").hasMessageContaining("cannot run 11");
            assertThat(real.group("team-e")).isEmpty();
            try (Connection c = superuser()) {
                assertThat(SqlRows.value(c, "SELECT count(*) FROM pg_roles WHERE rolname = 'team-e'")).isEqualTo("0");
            }
        }

        @Test
        void aNewPasswordAndFirewallRulesAreKept() throws Exception {
            real.create(spec("team-f", 2));
            Firewall rules = new Firewall(true, List.of(new FirewallRule("office", "10.0.0.1", "10.0.0.9")));

            assertThat(real.replaceFirewall("team-f", rules).firewall()).isEqualTo(rules);
            real.resetAdminPassword("team-f", "Changed-Passw0rd!");

            assertThat(real.group("team-f").orElseThrow().firewall()).isEqualTo(rules);
            try (Connection c = learner("team-f")) {
                assertThat(c.isValid(1)).isTrue();
            }
            assertThatThrownBy(() -> DriverManager.getConnection(url("team-f", LEARNER_PASSWORD).jdbcUrl(), "team-f",
                    LEARNER_PASSWORD)).hasMessageContaining("password authentication failed");
            assertThatThrownBy(() -> real.resetAdminPassword("team-f", "short")).isInstanceOf(ClusterException.class);
        }

        @Test
        void aPortalWithoutTheGroupsPasswordSaysHowToGetOne() throws Exception {
            real.create(spec("team-g", 2));
            try (RealCitusCluster elsewhere = new RealCitusCluster(url("citus", ADMIN_PASSWORD), 5,
                    TestClusters.freshProperties("real-citus-elsewhere"))) {
                assertThat(elsewhere.group("team-g")).isPresent();
                assertThatThrownBy(() -> elsewhere.learnerCredentials("team-g"))
                        .hasMessageContaining("reset the password on the group's Overview");
            }
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Probe {

        @Test
        void theEmbeddedCoordinatorAnswersAsAUsableCitusCoordinator() {
            CitusHealth health = CitusProbe.check(url("citus", ADMIN_PASSWORD), 5);

            assertThat(health.problem()).isNull();
            assertThat(health.citusVersion()).isEqualTo("12.1-1");
            assertThat(health.citusBuild()).startsWith("Citus 12.1");
            assertThat(health.workers()).hasSize(2).allMatch(CitusHealth.Worker::active);
        }

        @Test
        void aPlainPostgresWithoutCitus() throws Exception {
            try (PlainPostgres plain = PlainPostgres.start(properties, "plain-postgres")) {
                CitusHealth health = CitusProbe.check(CitusUrl.parse("postgresql://127.0.0.1:" + plain.port() + "/citus",
                        NodeTemplates.SUPERUSER, plain.password()), 5);

                assertThat(health.healthy()).isFalse();
                assertThat(health.problem()).startsWith("The server at 127.0.0.1:" + plain.port() + " (PostgreSQL ")
                        .containsAnyOf("has no citus extension", "does not use it: run CREATE EXTENSION citus;");
            }
        }

        @Test
        void aPortNothingListensOn() throws IOException {
            int port = NodeTemplates.freePort();

            assertThat(CitusProbe.check(url(port), 2).problem())
                    .isEqualTo("Nothing accepts connections at 127.0.0.1:" + port + " (Connection refused): is the Citus "
                            + "coordinator running, and is the port in hyperscale.citus.url the one it listens on?");
        }

        @Test
        void aHostNobodyKnows() {
            assertThat(CitusProbe.check(CitusUrl.parse("postgresql://citus@no-such-host.invalid/citus", null, null), 2).problem())
                    .startsWith("The host no-such-host.invalid in hyperscale.citus.url is not known here");
        }

        @Test
        void aServerThatNeverAnswers() throws IOException {
            try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                assertThat(CitusProbe.check(url(silent.getLocalPort()), 1).problem())
                        .isEqualTo("127.0.0.1:" + silent.getLocalPort() + " did not answer within 1 s: a firewall may drop "
                                + "the connection, or the host is down.");
            }
        }

        @Test
        void aWrongPasswordOrDatabase() {
            assertThat(CitusProbe.check(url("citus", "Wrong-Passw0rd!"), 5).problem())
                    .startsWith("The coordinator at 127.0.0.1:" + coordinatorPort + " refused the password of citus");
            assertThat(CitusProbe.check(CitusUrl.parse("postgresql://citus@127.0.0.1:" + coordinatorPort
                    + "/nosuchdb?sslmode=require", null, ADMIN_PASSWORD), 5).problem())
                    .startsWith("The coordinator at 127.0.0.1:" + coordinatorPort + " has no database nosuchdb");
        }

        @Test
        void aRoleThatMayNotCreateRoles() throws Exception {
            try (Connection c = superuser(); Statement s = c.createStatement()) {
                s.execute("CREATE ROLE plain_role LOGIN PASSWORD 'Plain-Passw0rd!'");
            }
            try {
                assertThat(CitusProbe.check(url("plain_role", "Plain-Passw0rd!"), 5).problem())
                        .startsWith("The role plain_role may not create roles on the coordinator");
            } finally {
                try (Connection c = superuser(); Statement s = c.createStatement()) {
                    s.execute("DROP ROLE plain_role");
                }
            }
        }

        @Test
        void aCitusTooOld() throws Exception {
            try (Connection c = superuser(); Statement s = c.createStatement()) {
                s.execute("UPDATE pg_extension SET extversion = '10.2-4' WHERE extname = 'citus'");
            }
            try {
                assertThat(CitusProbe.check(url("citus", ADMIN_PASSWORD), 5).problem())
                        .startsWith("The coordinator at citus@127.0.0.1:" + coordinatorPort + "/citus runs Citus 10.2-4. "
                                + "The portal needs Citus 11.0 or newer");
            } finally {
                try (Connection c = superuser(); Statement s = c.createStatement()) {
                    s.execute("UPDATE pg_extension SET extversion = '12.1-1' WHERE extname = 'citus'");
                }
            }
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class TheClusterInUse {

        @Test
        void withoutAUrlTheEmbeddedCluster() {
            try (ActiveCluster active = new ActiveCluster(embedded, new CitusProperties(null, null, null, 0), properties)) {
                assertThat(active.kind()).isEqualTo(ClusterKind.EMBEDDED);
                assertThat(active.citusHealth()).isEmpty();
            }
        }

        @Test
        void aUsableCitusClusterServesTheGroups() {
            real.create(spec("team-h", 2));
            try (ActiveCluster active = new ActiveCluster(embedded, new CitusProperties(url("citus", ADMIN_PASSWORD).jdbcUrl(),
                    "citus", ADMIN_PASSWORD, 5), properties)) {
                assertThat(active.kind()).isEqualTo(ClusterKind.REAL_CITUS);
                assertThat(active.citusHealth()).hasValueSatisfying(h -> assertThat(h.healthy()).isTrue());
                assertThat(active.groups()).extracting(ServerGroup::name).contains("team-h").doesNotContain(HOST_GROUP);
            }
        }

        @Test
        void aBrokenOneIsReportedAndTheEmbeddedClusterKeepsWorking() throws IOException {
            int closed = NodeTemplates.freePort();
            for (String url : List.of("http://citus@localhost/citus", "postgresql://citus:pw@127.0.0.1:" + closed + "/citus")) {
                try (ActiveCluster active = new ActiveCluster(embedded, new CitusProperties(url, null, null, 2), properties)) {
                    assertThat(active.kind()).isEqualTo(ClusterKind.EMBEDDED);
                    assertThat(active.groups()).extracting(ServerGroup::name).contains(HOST_GROUP);
                    assertThat(active.citusHealth()).hasValueSatisfying(h -> {
                        assertThat(h.healthy()).isFalse();
                        assertThat(h.problem()).containsAnyOf("is not a PostgreSQL URL", "Nothing accepts connections");
                        assertThat(h.endpoint()).doesNotContain(":pw@");
                    });
                }
            }
        }
    }

    private ServerGroupSpec spec(String name, int workers) {
        return new ServerGroupSpec(name, workers, LEARNER_PASSWORD, real.availablePostgresVersions().get(0), Firewall.thisMachine());
    }

    private CitusUrl url(String user, String password) {
        return CitusUrl.parse("postgresql://127.0.0.1:" + coordinatorPort + "/citus?sslmode=require", user, password);
    }

    private static CitusUrl url(int port) {
        return CitusUrl.parse("postgresql://citus@127.0.0.1:" + port + "/citus", null, "pw");
    }

    private Connection learner(String group) throws SQLException {
        return real.learnerConnection(group, SourceAddresses.LEARNER_MACHINE, new Properties());
    }

    private Connection superuser() throws SQLException {
        ServerGroup host = embedded.group(HOST_GROUP).orElseThrow();
        return embedded.superuserConnection(HOST_GROUP, host.coordinator());
    }
}
