package io.hyperscalelab.portal;

import static org.assertj.core.api.Assertions.assertThat;

import io.hyperscalelab.cluster.ClusterProperties;
import io.hyperscalelab.cluster.Firewall;
import io.hyperscalelab.cluster.FirewallRule;
import io.hyperscalelab.cluster.NodeRole;
import io.hyperscalelab.cluster.ServerGroup;
import io.hyperscalelab.cluster.ServerGroupNode;
import io.hyperscalelab.cluster.TestClusters;
import io.hyperscalelab.state.StateDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The portal's record of each group, in the state database, and the one-time import of the files it was kept in before. */
class ServerGroupResourcesTest {

    private static final ServerGroupForm FORM = new ServerGroupForm(LabSubscription.DEFAULT.name(), "citus-131057", true,
            "postgres131057", "(Europe) West Europe", 18, new ComputeConfiguration(ComputeTier.STANDARD, 5, 16, 1024, 8, 2048, true),
            "Password.1!!", "Password.1!!", ConnectivityMethod.PUBLIC_ACCESS, true,
            List.of(new FirewallRuleInput("CloudShell", "13.71.7.78", "13.71.7.78"), new FirewallRuleInput("Home", "10.0.0.1", "10.0.0.9")),
            List.of(new ResourceTag("env", "lab=1 # not a comment"), new ResourceTag("owner", "")));

    @Test
    void whatWasSavedIsReadBackAfterARestartWithoutPasswords() throws Exception {
        ClusterProperties cluster = TestClusters.freshProperties("records-restart");
        StateDatabases.app(cluster).run(context -> {
            new ServerGroupResources(context.getBean(JdbcClient.class), cluster).save(FORM);
        });
        StateDatabases.app(cluster).run(context -> {
            JdbcClient jdbc = context.getBean(JdbcClient.class);
            ServerGroupResources reopened = new ServerGroupResources(jdbc, cluster);
            assertThat(reopened.find("postgres131057")).hasValue(FORM.asCreated());
            assertThat(reopened.resourceGroups(group -> true)).containsExactly("citus-131057");
            assertThat(reopened.resourceGroups(group -> !group.equals("postgres131057"))).isEmpty();
            assertThat(jdbc.sql("SELECT server_group_record::text FROM server_group_record").query(String.class).single())
                    .doesNotContain("Password.1!!");

            reopened.delete("postgres131057");
            assertThat(reopened.find("postgres131057")).isEmpty();
        });
    }

    @Test
    void aGroupIsDescribedWithTheClustersWorkersVersionAndFirewall() throws Exception {
        ClusterProperties cluster = TestClusters.freshProperties("records-describe");
        StateDatabases.app(cluster).run(context -> {
            ServerGroupResources resources = new ServerGroupResources(context.getBean(JdbcClient.class), cluster);
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
        });
    }

    /** The files of earlier versions, as they wrote them. */
    @Test
    void theFilesOfEarlierVersionsAreImportedOnceAndKept() throws Exception {
        ClusterProperties cluster = TestClusters.freshProperties("records-import");
        Path directory = cluster.dataDirectory().resolve("portal").resolve("server-groups");
        Files.createDirectories(directory);
        Files.writeString(directory.resolve("postgres131057.properties"), """
                #Hyperscale Lab portal: server group postgres131057
                subscription=%s
                resourceGroup=citus-131057
                serverGroupName=postgres131057
                location=(Europe) West Europe
                postgresVersion=18
                compute.tier=STANDARD
                compute.workerCount=5
                compute.workerVCores=16
                compute.workerStorageGiB=1024
                compute.coordinatorVCores=8
                compute.coordinatorStorageGiB=2048
                compute.highAvailability=true
                connectivity=PUBLIC_ACCESS
                allowAzureServices=true
                firewall.0.name=CloudShell
                firewall.0.startIp=13.71.7.78
                firewall.0.endIp=13.71.7.78
                firewall.1.name=Home
                firewall.1.startIp=10.0.0.1
                firewall.1.endIp=10.0.0.9
                tag.0.name=env
                tag.0.value=lab\\=1 \\# not a comment
                tag.1.name=owner
                tag.1.value=
                """.formatted(LabSubscription.DEFAULT.name()));
        Files.writeString(directory.resolve("broken.properties"), "serverGroupName=broken\ncompute.tier=GOLD\n");

        StateDatabases.app(cluster).run(context -> {
            ServerGroupResources resources = new ServerGroupResources(context.getBean(JdbcClient.class), cluster);
            assertThat(resources.find("postgres131057")).hasValue(FORM.asCreated());
            assertThat(resources.find("broken")).isEmpty();
            resources.delete("postgres131057");
        });
        assertThat(directory).doesNotExist();
        assertThat(directory.resolveSibling("server-groups.imported").resolve("postgres131057.properties")).exists();
        assertThat(directory.resolveSibling("server-groups.imported").resolve("broken.properties")).exists();

        // the next start does not bring back what was deleted since
        StateDatabases.app(cluster).run(context ->
                assertThat(new ServerGroupResources(context.getBean(JdbcClient.class), cluster).find("postgres131057")).isEmpty());
    }
}
