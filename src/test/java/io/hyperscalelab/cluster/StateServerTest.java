package io.hyperscalelab.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** The product's own PostgreSQL server: created once, kept across restarts, reachable only as it should be. */
class StateServerTest {

    @Test
    void keepsCommittedDataAcrossARestartAndAFreshPort() throws Exception {
        ClusterProperties properties = TestClusters.freshProperties("state-restart");
        try (StateServer first = StateServer.start(properties.dataDirectory(), properties.serverUid());
             Connection c = connect(first);
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE note (id int PRIMARY KEY, text text NOT NULL)");
            s.execute("INSERT INTO note VALUES (1, 'kept')");
        }

        try (StateServer second = StateServer.start(properties.dataDirectory(), properties.serverUid());
             Connection c = connect(second);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT text FROM note WHERE id = 1")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("kept");
        }
    }

    @Test
    void passwordsAreGeneratedIntoAPrivateFileAndTheAppRoleIsNoSuperuser() throws Exception {
        ClusterProperties properties = TestClusters.freshProperties("state-secret");
        try (StateServer server = StateServer.start(properties.dataDirectory(), properties.serverUid());
             Connection c = connect(server);
             Statement s = c.createStatement()) {
            Path secret = properties.dataDirectory().resolve("state/secret");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secret))).isEqualTo("rw-------");
            assertThat(Files.readString(secret)).contains(server.password());
            assertThat(server.password()).hasSizeGreaterThanOrEqualTo(32);

            ResultSet rs = s.executeQuery("SELECT rolsuper FROM pg_roles WHERE rolname = current_user");
            assertThat(rs.next()).isTrue();
            assertThat(rs.getBoolean(1)).isFalse();
            rs = s.executeQuery("SHOW listen_addresses");
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("127.0.0.1");

            assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl(), server.username(), "wrong"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("password authentication failed");
        }
    }

    @Test
    void stopsAServerThatADeadAppLeftRunning() throws Exception {
        ClusterProperties properties = TestClusters.freshProperties("state-orphan");
        StateServer orphan = StateServer.start(properties.dataDirectory(), properties.serverUid());
        long orphanPid = orphan.process().orElseThrow().pid();
        orphan.abandon();

        try (StateServer server = StateServer.start(properties.dataDirectory(), properties.serverUid());
             Connection c = connect(server)) {
            assertThat(c.isValid(5)).isTrue();
            assertThat(server.process().orElseThrow().pid()).isNotEqualTo(orphanPid);
        }
        assertThat(orphan.process()).isEmpty();
    }

    @Test
    void aSecondAppOnTheSameDataDirectoryIsRefusedAndTheFirstKeepsRunning() throws Exception {
        ClusterProperties properties = TestClusters.freshProperties("state-twice");
        try (StateServer first = StateServer.start(properties.dataDirectory(), properties.serverUid())) {
            assertThatThrownBy(() -> StateServer.start(properties.dataDirectory(), properties.serverUid()))
                    .isInstanceOf(ClusterException.class)
                    .hasMessageContaining("Another Hyperscale Lab is already running");
            try (Connection c = connect(first)) {
                assertThat(c.isValid(5)).isTrue();
            }
        }
    }

    private static Connection connect(StateServer server) throws SQLException {
        return DriverManager.getConnection(server.jdbcUrl(), server.username(), server.password());
    }
}
