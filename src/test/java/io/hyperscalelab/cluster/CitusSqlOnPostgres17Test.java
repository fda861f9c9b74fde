package io.hyperscalelab.cluster;

import static io.hyperscalelab.cluster.SqlRows.value;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import org.junit.jupiter.api.Test;

/** Every test of the Citus SQL suite, on a group that runs PostgreSQL 17 instead of the default. */
class CitusSqlOnPostgres17Test extends CitusSqlTest {

    private static final int VERSION = 17;

    @Override
    int postgresVersion(EmbeddedCluster cluster) {
        assertThat(cluster.availablePostgresVersions()).contains(VERSION);
        return VERSION;
    }

    @Test
    void theGroupRunsPostgres17() throws Exception {
        try (Connection c = DriverManager.getConnection(cluster.jdbcUrl(GROUP), "citus", PASSWORD)) {
            assertThat(value(c, "SELECT current_setting('server_version_num')::int / 10000")).isEqualTo(String.valueOf(VERSION));
        }
        assertThat(cluster.group(GROUP).orElseThrow().postgresMajorVersion()).isEqualTo(VERSION);
    }
}
