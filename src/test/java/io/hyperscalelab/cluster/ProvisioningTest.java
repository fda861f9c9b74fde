package io.hyperscalelab.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProvisioningTest {

    private final ServerGroupNode coordinator = new ServerGroupNode("lab-c", NodeRole.COORDINATOR, 20000);
    private final ServerGroupNode w0 = new ServerGroupNode("lab-w0", NodeRole.WORKER, 20001);
    private final ServerGroupNode w1 = new ServerGroupNode("lab-w1", NodeRole.WORKER, 20002);
    private final Provisioning provisioning = new Provisioning(
            new ServerGroup("lab", List.of(coordinator, w0, w1), "18.6.0", Instant.now(), true, Firewall.NO_ACCESS));

    @Test
    void eachWorkerIsAvailableOnceReadyAndTheCoordinatorOnlyWithItsGroup() {
        assertThat(provisioning.statuses().values()).containsOnly(NodeStatus.PROVISIONING);

        provisioning.workerReady(w1);

        assertThat(provisioning.statuses()).containsExactly(
                entry(coordinator, NodeStatus.PROVISIONING), entry(w0, NodeStatus.PROVISIONING), entry(w1, NodeStatus.AVAILABLE));
        assertThatThrownBy(() -> provisioning.workerReady(coordinator)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aMovedNodeKeepsItsPlaceAndItsGroupHoldsBothPorts() {
        ServerGroupNode moved = provisioning.move(w0, 20007);
        provisioning.workerReady(moved);

        assertThat(moved).isEqualTo(new ServerGroupNode("lab-w0", NodeRole.WORKER, 20007));
        assertThat(provisioning.group().nodes()).containsExactly(coordinator, moved, w1);
        assertThat(provisioning.statuses()).containsEntry(moved, NodeStatus.AVAILABLE);
        // the port it left stays out of reach of other groups: another process holds it anyway
        assertThat(provisioning.ports()).containsExactlyInAnyOrder(20000, 20001, 20002, 20007);
    }

    private static Map.Entry<ServerGroupNode, NodeStatus> entry(ServerGroupNode node, NodeStatus status) {
        return Map.entry(node, status);
    }
}
