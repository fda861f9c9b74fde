package io.hyperscalelab.portal;

import static org.assertj.core.api.Assertions.assertThat;

import io.hyperscalelab.cluster.NodeRole;
import io.hyperscalelab.cluster.ServerGroupNode;
import org.junit.jupiter.api.Test;

class AzureNamesTest {

    @Test
    void theLabsGroupsGetTheLabsCoordinatorName() {
        assertThat(AzureNames.coordinator("postgres131057")).isEqualTo("srv131057");
        assertThat(AzureNames.fqdn(AzureNames.coordinator("postgres131057"))).isEqualTo("srv131057.postgres.database.azure.com");
        assertThat(AzureNames.worker("postgres131057", 0)).isEqualTo("postgres131057-w0");
        assertThat(AzureNames.fqdn("postgres131057-w1")).isEqualTo("postgres131057-w1.postgres.database.azure.com");
    }

    @Test
    void otherGroupsGetTheirOwnCoordinatorNameThatCannotCollide() {
        assertThat(AzureNames.coordinator("citus-131057")).isEqualTo("citus-131057-c");
        assertThat(AzureNames.coordinator("postgres")).isEqualTo("postgres-c");
        assertThat(AzureNames.coordinator("postgres12a")).isEqualTo("postgres12a-c");
    }

    @Test
    void nodesOfAGroup() {
        assertThat(AzureNames.node("postgres42", new ServerGroupNode("postgres42-c", NodeRole.COORDINATOR, 15432))).isEqualTo("srv42");
        assertThat(AzureNames.node("postgres42", new ServerGroupNode("postgres42-w1", NodeRole.WORKER, 15434))).isEqualTo("postgres42-w1");
    }
}
