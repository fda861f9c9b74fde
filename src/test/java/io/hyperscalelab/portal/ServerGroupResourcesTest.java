package io.hyperscalelab.portal;

import static org.assertj.core.api.Assertions.assertThat;

import io.hyperscalelab.cluster.ClusterProperties;
import io.hyperscalelab.cluster.Firewall;
import io.hyperscalelab.cluster.FirewallRule;
import io.hyperscalelab.cluster.NodeRole;
import io.hyperscalelab.cluster.ServerGroup;
import io.hyperscalelab.cluster.ServerGroupNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerGroupResourcesTest {

    @TempDir
    Path data;

    @Test
    void whatWasSavedIsReadBackByTheNextStartWithoutPasswords() throws Exception {
        ServerGroupForm form = new ServerGroupForm(LabSubscription.DEFAULT.name(), "citus-131057", true, "postgres131057",
                "(Europe) West Europe", 18, new ComputeConfiguration(ComputeTier.STANDARD, 5, 16, 1024, 8, 2048, true),
                "Password.1!!", "Password.1!!", ConnectivityMethod.PUBLIC_ACCESS, true,
                List.of(new FirewallRuleInput("CloudShell", "13.71.7.78", "13.71.7.78")),
                List.of(new ResourceTag("env", "lab=1 # not a comment"), new ResourceTag("owner", "")));
        new ServerGroupResources(ClusterProperties.in(data)).save(form);

        ServerGroupResources reopened = new ServerGroupResources(ClusterProperties.in(data));
        assertThat(reopened.find("postgres131057")).hasValue(form.asCreated());
        assertThat(reopened.resourceGroups(group -> true)).containsExactly("citus-131057");
        assertThat(reopened.resourceGroups(group -> !group.equals("postgres131057"))).isEmpty();
        try (var files = Files.walk(data)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertThat(Files.readString(file)).doesNotContain("Password.1!!");
            }
        }

        reopened.delete("postgres131057");
        assertThat(new ServerGroupResources(ClusterProperties.in(data)).find("postgres131057")).isEmpty();
    }

    @Test
    void aGroupIsDescribedWithTheClustersWorkersVersionAndFirewall() {
        ServerGroupResources resources = new ServerGroupResources(ClusterProperties.in(data));
        ServerGroupForm asked = new ServerGroupForm(LabSubscription.DEFAULT.name(), "citus-131057", true, "postgres131057",
                "(Europe) West Europe", 18, ComputeConfiguration.labDefault(), "Password.1!!", "Password.1!!",
                ConnectivityMethod.NO_ACCESS, false, List.of(), List.of(new ResourceTag("env", "lab")));
        resources.save(asked);
        Firewall changed = new Firewall(true, List.of(new FirewallRule("CloudShell", "127.0.0.3", "127.0.0.3")));
        ServerGroup group = new ServerGroup("postgres131057", List.of(new ServerGroupNode("postgres131057-c", NodeRole.COORDINATOR, 20000),
                new ServerGroupNode("postgres131057-w0", NodeRole.WORKER, 20001),
                new ServerGroupNode("postgres131057-w1", NodeRole.WORKER, 20002),
                new ServerGroupNode("postgres131057-w2", NodeRole.WORKER, 20003)), "17.11.0", Instant.now(), true, changed);

        ServerGroupForm described = resources.describe(group);

        assertThat(described.compute().workerCount()).isEqualTo(3);
        assertThat(described.postgresVersion()).isEqualTo(17);
        assertThat(described.connectivity()).isEqualTo(ConnectivityMethod.PUBLIC_ACCESS);
        assertThat(described.allowAzureServices()).isTrue();
        assertThat(described.firewallRules()).containsExactly(new FirewallRuleInput("CloudShell", "127.0.0.3", "127.0.0.3"));
        assertThat(described.firewall()).isEqualTo(changed);
        assertThat(described.tags()).isEqualTo(asked.tags());
        assertThat(described.location()).isEqualTo(asked.location());
    }

    @Test
    void anUnreadableRecordIsSkipped() throws Exception {
        Path directory = data.resolve("portal").resolve("server-groups");
        Files.createDirectories(directory);
        Files.writeString(directory.resolve("broken.properties"), "serverGroupName=broken\ncompute.tier=GOLD\n");
        assertThat(new ServerGroupResources(ClusterProperties.in(data)).find("broken")).isEmpty();
    }
}
