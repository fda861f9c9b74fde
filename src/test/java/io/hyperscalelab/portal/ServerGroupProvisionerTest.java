package io.hyperscalelab.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hyperscalelab.cluster.ClusterException;
import io.hyperscalelab.cluster.ClusterProperties;
import io.hyperscalelab.cluster.EmbeddedCluster;
import io.hyperscalelab.cluster.Firewall;
import io.hyperscalelab.cluster.ServerGroup;
import io.hyperscalelab.security.Account;
import io.hyperscalelab.security.LearnerAccounts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.util.FileSystemUtils;

/**
 * The provisioning service against the app's real embedded cluster. The same Spring Boot
 * configuration as the browser tests, so that they share one application and one cluster.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ServerGroupProvisionerTest {

    private static final String PASSWORD = "Lab-Passw0rd!";
    private static final Duration PROVISIONING = Duration.ofMinutes(3);

    @Autowired
    private ServerGroupProvisioner provisioner;

    @Autowired
    private EmbeddedCluster cluster;

    @Autowired
    private ServerGroupResources resources;

    @Autowired
    private ClusterProperties properties;

    @Autowired
    private ServerGroupOwners owners;

    private final LearnerAccounts learners;
    private final Account owner;

    ServerGroupProvisionerTest(@Autowired LearnerAccounts learners) {
        this.learners = learners;
        this.owner = learners.create("provisioner-test").account();
    }

    @Test
    void createTwiceMakesOneGroupAndSaysWhyTheSecondWasRefused() throws Exception {
        if (cluster.group("portal-twice").isPresent()) {
            cluster.delete("portal-twice"); // left behind by an interrupted earlier run
        }
        ServerGroupForm form = form("portal-twice");
        Deployment first = provisioner.deploy(form, owner);
        assertThatThrownBy(() -> provisioner.deploy(form, owner))
                .isInstanceOf(ClusterException.class)
                .message().satisfiesAnyOf(
                        m -> assertThat(m).isEqualTo("Server group portal-twice is already being deployed."),
                        m -> assertThat(m).contains("The server group name 'portal-twice' is already in use."));
        awaitEnd(first);

        assertThat(first.state()).isEqualTo(Deployment.State.SUCCEEDED);
        assertThat(cluster.groups()).filteredOn(g -> g.name().equals("portal-twice")).hasSize(1);
        ServerGroup created = cluster.group("portal-twice").orElseThrow();
        assertThat(created.workers()).hasSize(3);
        // the learner who created it may open it; another learner may not know it exists
        assertThat(owners.mayOpen(owner, "portal-twice")).isTrue();
        assertThat(owners.mayOpen(learners.create("provisioner-test").account(), "portal-twice")).isFalse();
        // what the form chose, the cluster runs: its version, and Azure's default of no access at all
        assertThat(created.postgresMajorVersion()).isEqualTo(form.postgresVersion());
        assertThat(created.firewall()).isEqualTo(Firewall.NO_ACCESS);
        assertThat(resources.find("portal-twice")).hasValueSatisfying(kept -> {
            assertThat(kept.adminPassword()).isEmpty();
            assertThat(kept.resourceGroup()).isEqualTo(form.resourceGroup());
            assertThat(kept.newResourceGroup()).isFalse();
        });
        // Later, with the resource group that now exists: only the name is wrong.
        assertThatThrownBy(() -> provisioner.deploy(form.asCreated(), owner)).hasMessage(
                "Server group portal-twice cannot be created: The server group name 'portal-twice' is already in use.");

        provisioner.delete("portal-twice").get(2, TimeUnit.MINUTES);
        assertThat(owners.mayOpen(owner, "portal-twice")).isFalse();
        assertThat(cluster.group("portal-twice")).isEmpty();
        assertThat(resources.find("portal-twice")).isEmpty();
    }

    @Test
    void aFormWithErrorsIsRefusedBeforeAnythingStarts() {
        ServerGroupForm weak = new ServerGroupForm(LabSubscription.DEFAULT.name(), newResourceGroup(), true, "portal-weak",
                Locations.DEFAULT, cluster.postgresMajorVersion(), ComputeConfiguration.labDefault(), "password", "password",
                ConnectivityMethod.NO_ACCESS, false, List.of(), List.of());
        assertThatThrownBy(() -> provisioner.deploy(weak, owner)).hasMessageContaining("three of the following categories");
        assertThat(cluster.group("portal-weak")).isEmpty();
    }

    @Test
    void anotherLearnersDeploymentNameIsTakenButOnesOwnIsFree() {
        Account other = learners.create("provisioner-test").account();
        String othersName = other.deployment().orElseThrow().serverGroupName();
        assertThat(provisioner.rules(owner).problems(form(othersName))).containsValue(
                "The server group name '" + othersName + "' is already in use.");
        assertThat(provisioner.rules(other).problems(form(othersName))).isEmpty();
        assertThatThrownBy(() -> provisioner.deploy(form(othersName), owner)).hasMessageContaining("is already in use");
        assertThat(provisioner.nameTaken(othersName)).isFalse();
    }

    @Test
    void aClusterFailureEndsTheDeploymentWithTheClustersMessage() throws Exception {
        // A directory the cluster did not make: the form cannot know, the cluster refuses the name.
        Path stale = properties.dataDirectory().resolve("groups").resolve("portal-stale");
        Files.createDirectories(stale);
        try {
            Deployment deployment = provisioner.deploy(form("portal-stale"), owner);
            awaitEnd(deployment);
            assertThat(deployment.state()).isEqualTo(Deployment.State.FAILED);
            assertThat(deployment.failure()).hasValue("A server group named portal-stale already exists.");
            assertThat(cluster.group("portal-stale")).isEmpty();
            assertThat(provisioner.nameTaken("portal-stale")).isFalse();
            assertThat(owners.mayOpen(owner, "portal-stale")).isFalse();
        } finally {
            FileSystemUtils.deleteRecursively(stale);
        }
    }

    private ServerGroupForm form(String name) {
        ComputeConfiguration three = new ComputeConfiguration(ComputeTier.STANDARD, 3, 4, 512, 4, 512, false);
        return new ServerGroupForm(LabSubscription.DEFAULT.name(), newResourceGroup(), true, name, Locations.DEFAULT,
                cluster.postgresMajorVersion(), three, PASSWORD, PASSWORD, ConnectivityMethod.NO_ACCESS, false, List.of(), List.of());
    }

    /** A resource group that no earlier test or run has used. */
    private static String newResourceGroup() {
        return "citus-portal-" + java.util.UUID.randomUUID();
    }

    private static void awaitEnd(Deployment deployment) throws InterruptedException {
        assertThat(deployment.awaitEnd(PROVISIONING)).as("deployment ended within %s", PROVISIONING).isTrue();
    }
}
