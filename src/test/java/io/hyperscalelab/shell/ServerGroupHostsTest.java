package io.hyperscalelab.shell;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which server group a coordinator's host name names, in each form the portal and the docs use. */
class ServerGroupHostsTest {

    @Test
    void theLabsTheQuickstartsAndThe2022Forms() {
        assertThat(ServerGroupHosts.groupOf("srv131057.postgres.database.azure.com")).contains("postgres131057");
        assertThat(ServerGroupHosts.groupOf("mydemo-c.postgres.database.azure.com")).contains("mydemo");
        assertThat(ServerGroupHosts.groupOf("c.demo.postgres.database.azure.com")).contains("demo");
        assertThat(ServerGroupHosts.groupOf("SRV131057.Postgres.Database.Azure.com")).contains("postgres131057");
    }

    @Test
    void anythingElseIsNoGroup() {
        assertThat(ServerGroupHosts.groupOf("127.0.0.1")).isEmpty();
        assertThat(ServerGroupHosts.groupOf("mydemo-w0.postgres.database.azure.com")).isEmpty();
        assertThat(ServerGroupHosts.groupOf("srv131057.postgres.database.azure.com.evil.example")).isEmpty();
        assertThat(ServerGroupHosts.groupOf("citus-lab-c.postgres.cosmos.azure.com")).isEmpty();
    }
}
