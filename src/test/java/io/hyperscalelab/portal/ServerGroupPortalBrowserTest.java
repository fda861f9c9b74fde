package io.hyperscalelab.portal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import io.hyperscalelab.browser.PortalBrowser;
import io.hyperscalelab.cluster.ClusterProperties;
import io.hyperscalelab.cluster.EmbeddedCluster;
import io.hyperscalelab.cluster.ServerGroup;
import io.hyperscalelab.security.Account;
import io.hyperscalelab.security.AccountRepository;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.util.FileSystemUtils;

/**
 * The lab's portal path in a real Chromium against the real app and its embedded cluster: from
 * Home to the Hyperscale (Citus) form, the form's inline errors, and a server group created,
 * looked at and deleted. Saves the screenshots the lab guide shows.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServerGroupPortalBrowserTest {

    private static final String FORM = "/create/Microsoft.PostgreSQLServerGroup";
    private static final String PASSWORD = "Lab-Passw0rd!";
    /** Provisioning takes seconds; a machine shared by several builds may need far longer. */
    private static final LocatorAssertions.ContainsTextOptions SLOW = new LocatorAssertions.ContainsTextOptions().setTimeout(180_000);

    @LocalServerPort
    private int port;

    @Autowired
    private EmbeddedCluster cluster;

    @Autowired
    private ServerGroupProvisioner provisioner;

    @Autowired
    private ClusterProperties properties;

    @Autowired
    private AccountRepository accounts;

    private PortalBrowser browser;
    private Account learner;

    @BeforeAll
    void openBrowser() {
        browser = new PortalBrowser(port);
        learner = accounts.findByUsername(browser.signInAsNewLearner().username()).orElseThrow();
    }

    @AfterAll
    void closeBrowser() {
        browser.close();
    }

    @Test
    void homeLeadsThroughTheMarketplaceToTheHyperscaleForm() {
        Page page = browser.open("/");
        page.locator(".service-tile", new Page.LocatorOptions().setHasText("Virtual machines")).click();
        assertThat(page.locator(".blade-title")).hasText("Virtual machines");
        assertThat(page.locator(".not-in-lab")).containsText("Virtual machines is not part of this lab.");
        page.locator(".portal-brand").click();
        assertThat(page.locator(".service-row")).containsText("Azure Database for PostgreSQL servers");
        assertThat(page.locator(".service-tile")).hasCount(AzureService.values().length);
        browser.screenshotOfTop("home");

        page.locator(".service-tile", new Page.LocatorOptions().setHasText("Create a resource")).click();
        assertThat(page.locator(".breadcrumb")).containsText("Home");
        assertThat(page.locator(".blade-title")).hasText("New");
        assertThat(page.locator("#marketplace-search input")).hasAttribute("placeholder", "Search the Marketplace");
        page.locator(".marketplace-category", new Page.LocatorOptions().setHasText("Databases")).click();
        assertThat(page.locator(".marketplace-featured")).containsText("Azure SQL Managed Instance");
        browser.screenshotOfTop("create-resource");

        page.locator(".offer-name", new Page.LocatorOptions().setHasText("Azure Database for PostgreSQL")).click();
        assertThat(page.locator(".blade-title")).hasText(DeploymentOptionsView.TITLE);
        assertThat(page.locator("#hyperscale-card")).containsText("Best for ultra-high performance and data needs beyond 100GB.");
        browser.screenshotOfTop("deployment-options");

        page.locator("#single-server-create").click();
        assertThat(page.getByRole(AriaRole.DIALOG)).containsText("not part of this lab");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("OK")).click();

        page.locator("#hyperscale-create").click();
        assertThat(page.locator(".blade-title").first()).hasText(ServerGroupCreateView.TITLE);
        assertThat(page.locator(".form-tabs vaadin-tab")).hasText(new String[] {"Basics", "Networking", "Tags", "Review + create"});
        assertThat(page.locator("#admin-username input")).hasValue("citus");
        assertThat(page.locator("#compute-summary")).containsText("Standard tier, 2 worker nodes");
    }

    @Test
    void basicsShowsEachErrorBesideItsFieldWhenThePortalWould() {
        Page page = browser.open(FORM);
        Locator name = page.locator("#server-group-name");
        // Nothing is red before the learner touches anything.
        assertThat(name).not().hasAttribute("invalid", "");

        expectError(page, "#server-group-name", "Bad_Name", "can only contain lowercase letters, numbers, and hyphens");
        assertThat(name.locator(".valid-check")).isHidden();
        expectError(page, "#server-group-name", "a".repeat(41), "between 3 and 40 characters");
        expectError(page, "#server-group-name", "-postgres1", "must not start or end with a hyphen");
        name.locator("input").fill("postgres" + labId());
        assertThat(name).not().hasAttribute("invalid", "");
        assertThat(name.locator(".valid-check")).isVisible();

        expectError(page, "#admin-password", "Ab1!xyz", "at least 8 characters");
        expectError(page, "#admin-password", "labpassword1", "three of the following categories");
        expectError(page, "#admin-password", "Citus-Lab-1", "cannot contain the login name 'citus'");
        page.locator("#admin-password input").fill(PASSWORD);
        assertThat(page.locator("#admin-password")).not().hasAttribute("invalid", "");
        expectError(page, "#confirm-password", PASSWORD + "x", "Password and confirm password must match.");
        page.locator("#confirm-password input").fill(PASSWORD);
        assertThat(page.locator("#confirm-password")).not().hasAttribute("invalid", "");

        // Azure's versions of the time and the ones this product runs; only the latter pass.
        page.locator("#postgres-version").click();
        List<String> offered = new ArrayList<>(List.of("11", "12", "13", "14"));
        cluster.availablePostgresVersions().forEach(v -> offered.add(v.toString()));
        assertThat(page.getByRole(AriaRole.OPTION)).hasText(offered.toArray(String[]::new));
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("11").setExact(true)).click();
        assertThat(page.locator("#postgres-version")).hasAttribute("invalid", "");
        assertThat(page.locator("#postgres-version")).containsText("PostgreSQL 11 is not available in this lab. Available versions: "
                + cluster.availablePostgresVersions().stream().map(String::valueOf).collect(Collectors.joining(", ")) + ".");
        page.locator("#postgres-version").click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("17").setExact(true)).click();
        assertThat(page.locator("#postgres-version")).not().hasAttribute("invalid", "");

        page.locator("#create-new-resource-group").click();
        expectError(page, "#new-resource-group-name", "my group.", "cannot end in a period");
    }

    @Test
    void networkingAndTagsCheckEachRowTheLearnerTouches() {
        Page page = browser.open(FORM);
        page.locator("#tab-networking").click();
        Locator connectivity = page.locator("#connectivity-method");
        connectivity.locator("vaadin-radio-button", new Locator.LocatorOptions().setHasText("Private access")).click();
        assertThat(connectivity).hasAttribute("invalid", "");
        assertThat(connectivity).containsText("Private access (a private endpoint in a virtual network) is not part of this lab.");
        connectivity.locator("vaadin-radio-button", new Locator.LocatorOptions().setHasText("Public access")).click();
        assertThat(connectivity).not().hasAttribute("invalid", "");

        page.locator("#add-client-ip").click();
        assertThat(page.locator("#firewall-rules-0-0 input")).hasValue("ClientIPAddress");
        assertThat(page.locator("#firewall-rules-0-1 input")).hasValue("127.0.0.1");
        assertThat(page.locator("#firewall-rules-0-1")).not().hasAttribute("invalid", "");
        page.locator("#firewall-rules-1-0 input").fill("CloudShell");
        page.locator("#firewall-rules-1-1 input").fill("13.71.7.300");
        // the cluster's own words: the API refuses the same rule with the same message
        assertThat(page.locator("#firewall-rules-1-1")).containsText("'13.71.7.300' is not a valid IPv4 address: 300 is greater than 255.");
        assertThat(page.locator("#firewall-rules-1-2")).containsText("The IP address must not be empty.");
        assertThat(page.locator("#firewall-rules-1-0 .valid-check")).isVisible();
        page.locator("#firewall-rules-1-1 input").fill("13.71.7.78");
        page.locator("#firewall-rules-1-2 input").fill("13.71.7.78");
        assertThat(page.locator("#firewall-rules-1-1")).not().hasAttribute("invalid", "");
        assertThat(page.locator("#firewall-rules-1-2")).not().hasAttribute("invalid", "");
        // The row below the last filled one is always there, empty and without errors.
        assertThat(page.locator("#firewall-rules-2-0")).not().hasAttribute("invalid", "");

        page.locator("#tab-tags").click();
        page.locator("#tags-0-0 input").fill("cost/center");
        assertThat(page.locator("#tags-0-0")).containsText("Tag names can't contain these characters");
        page.locator("#tags-0-0 input").fill("env");
        page.locator("#tags-0-1 input").fill("lab");
        assertThat(page.locator("#tags-0-0")).not().hasAttribute("invalid", "");

        page.locator("#tab-review").click();
        Locator review = page.locator("#review-tab");
        assertThat(review.locator(".review-row", new Locator.LocatorOptions().setHasText("Connectivity method")))
                .containsText("Public access (allowed IP addresses)");
        assertThat(review.locator(".review-row", new Locator.LocatorOptions().setHasText("Firewall rules"))).containsText("2");
        assertThat(review.locator(".review-row", new Locator.LocatorOptions().setHasText("env"))).containsText("lab");
        assertThat(page.locator("#tab-networking")).not().hasClass(Pattern.compile("tab-error"));
        assertThat(page.locator("#tab-tags")).not().hasClass(Pattern.compile("tab-error"));
    }

    @Test
    void reviewWithErrorsMarksTheTabAndShowsEveryMissingField() {
        Page page = browser.open(FORM);
        page.locator("#review-create").click();
        assertThat(page.locator("#validation-banner")).containsText("Validation failed. Required information is missing or not valid.");
        assertThat(page.locator("#tab-basics")).hasClass(Pattern.compile("tab-error"));
        assertThat(page.locator("#tab-networking")).not().hasClass(Pattern.compile("tab-error"));
        assertThat(page.locator("#create")).isDisabled();

        page.locator("#tab-basics").click();
        for (String field : List.of("#resource-group", "#server-group-name", "#admin-password", "#confirm-password")) {
            assertThat(page.locator(field)).hasAttribute("invalid", "");
            assertThat(page.locator(field)).containsText(ServerGroupFormRules.REQUIRED);
        }
    }

    @Test
    void createsAServerGroupFollowsItsDeploymentAndDeletesIt() throws Exception {
        // The lab's own example names, so that the screenshots match the lab guide's text.
        String id = "131057";
        String group = "postgres" + id;
        if (cluster.group(group).isPresent()) {
            cluster.delete(group); // left behind by an interrupted earlier run
        }
        int groupsBefore = cluster.groups().size();
        Page page = browser.open(FORM);

        page.locator("#create-new-resource-group").click();
        page.locator("#new-resource-group-name input").fill("citus-" + id);
        page.locator("#new-resource-group-ok").click();
        assertThat(page.locator("#resource-group")).containsText("(New) citus-" + id);
        page.locator("#server-group-name input").fill(group);
        // not the default: the group runs the version chosen here
        page.locator("#postgres-version").click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("17").setExact(true)).click();
        page.locator("#admin-password input").fill(PASSWORD);
        page.locator("#confirm-password input").fill(PASSWORD);
        assertThat(page.locator("#server-group-name .valid-check")).isVisible();
        browser.screenshotOfTop("basics");

        // Configure server group: the estimate follows workers and vCores.
        page.locator("#configure-server-group").click();
        Locator cost = page.locator("#monthly-cost");
        String labCost = MonthlyCostEstimate.format(MonthlyCostEstimate.total(ComputeConfiguration.labDefault()));
        assertThat(cost).hasText(labCost);
        page.locator("#worker-count input").fill("4");
        page.locator("#worker-count input").press("Tab");
        String fourWorkers = MonthlyCostEstimate.format(MonthlyCostEstimate.total(
                new ComputeConfiguration(ComputeTier.STANDARD, 4, 4, 512, 4, 512, false)));
        assertThat(cost).hasText(fourWorkers);
        page.locator("#worker-vcores").focus();
        page.keyboard().press("ArrowRight");
        assertThat(page.locator("#worker-vcores-label")).hasText("8 vCores");
        ComputeConfiguration chosen = new ComputeConfiguration(ComputeTier.STANDARD, 2, 8, 512, 4, 512, false);
        page.locator("#worker-count input").fill("2");
        page.locator("#worker-count input").press("Tab");
        String chosenCost = MonthlyCostEstimate.format(MonthlyCostEstimate.total(chosen));
        assertThat(cost).hasText(chosenCost);
        assertThat(page.locator("#worker-count-slider")).hasValue("0");
        browser.screenshotOfTop("configure");
        page.locator("#configure-save").click();
        assertThat(page.locator("#compute-summary")).containsText("Standard tier, 2 worker nodes");
        assertThat(page.locator("#compute-summary")).containsText(chosenCost + " / month");

        page.locator("#review-create").click();
        assertThat(page.locator("#validation-banner")).containsText("Validation passed");
        Locator review = page.locator("#review-tab");
        assertThat(review).containsText("(new) citus-" + id);
        assertThat(review).containsText(group);
        assertThat(review.locator(".review-row", new Locator.LocatorOptions().setHasText("Worker node count"))).containsText("2");
        assertThat(review).containsText(chosen.workerDetails());
        assertThat(review).containsText(chosen.coordinatorDetails());
        assertThat(review.locator(".review-row", new Locator.LocatorOptions().setHasText("Connectivity method"))).containsText("No access");
        assertThat(page.locator("#review-estimated-cost")).hasText(chosenCost);
        browser.screenshotOfTop("review");

        // Two clicks in a row, as an impatient learner does: one group, one deployment.
        page.locator("#create").dblclick();
        page.waitForURL(Pattern.compile(".*/deployment/Microsoft\\.PostgreSQLServerGroup-.*"));
        Locator status = page.locator("#deployment-status");
        assertThat(status).containsText(DeploymentView.IN_PROGRESS);
        assertThat(status).containsText(DeploymentView.COMPLETE, SLOW);
        Locator deploymentNodes = page.locator("#deployment-nodes");
        for (String node : List.of("srv" + id, group + "-w0", group + "-w1")) {
            assertThat(deploymentNodes).containsText(node);
        }
        assertThat(deploymentNodes.locator(".node-status-available")).hasCount(3);
        browser.screenshotOfTop("deployment");
        assertThat(cluster.groups()).hasSize(groupsBefore + 1);
        assertThat(cluster.group(group)).isPresent();

        page.locator("#go-to-resource").click();
        assertThat(page.locator(".blade-title")).hasText(group);
        assertThat(page.locator("#essentials")).containsText("srv" + id + ".postgres.database.azure.com");
        assertThat(page.locator("#essentials")).containsText("2 nodes, 8 vCores / 64 GiB RAM, 0.5 TiB storage");
        assertThat(page.locator("#essentials")).containsText("citus-" + id);
        assertThat(page.locator("#essentials .essential", new Page.LocatorOptions().setHasText("PostgreSQL version")))
                .containsText("17");
        Locator grid = page.locator("#server-group-nodes");
        assertThat(grid.locator(".node-status-available")).hasCount(3);
        for (String node : List.of("srv" + id, group + "-w0", group + "-w1")) {
            assertThat(grid).containsText(node + ".postgres.database.azure.com");
        }
        browser.screenshotOfTop("overview");

        ServerGroup created = cluster.group(group).orElseThrow();
        assertThat(created.postgresMajorVersion()).isEqualTo(17);
        try (Connection c = cluster.superuserConnection(group, created.coordinator());
             ResultSet rs = c.createStatement().executeQuery("SHOW server_version")) {
            rs.next();
            assertThat(rs.getString(1)).startsWith("17.");
        }
        List<ProcessHandle> processes = created.nodes().stream()
                .map(node -> cluster.process(group, node).orElseThrow()).toList();
        assertThat(processes).allMatch(ProcessHandle::isAlive);

        page.locator("#delete-server-group").click();
        page.locator("#delete-confirm-name input").fill(group + "x");
        assertThat(page.locator("#delete-confirm-name")).containsText("doesn't match");
        assertThat(page.locator("#delete-confirm")).isDisabled();
        assertThat(cluster.group(group)).isPresent();
        page.locator("#delete-confirm-name input").fill(group);
        page.locator("#delete-confirm").click();
        page.waitForURL(Pattern.compile(".*/browse/postgresql"), new Page.WaitForURLOptions().setTimeout(120_000));
        assertThat(cluster.group(group)).isEmpty();
        // pg_ctl returns once the postmaster has removed its pid file, a moment before it exits.
        for (ProcessHandle process : processes) {
            assertThat(process.onExit()).succeedsWithin(Duration.ofSeconds(30));
        }
        assertThat(page.locator("#server-groups")).not().containsText(group);
    }

    @Test
    void aFailedDeploymentSaysSoInTheClustersWords() throws Exception {
        // A directory the cluster did not make: the form cannot know, the cluster refuses the name.
        Path stale = properties.dataDirectory().resolve("groups").resolve("postgres-stale");
        Files.createDirectories(stale);
        try {
            Deployment deployment = provisioner.deploy(new ServerGroupForm(LabSubscription.DEFAULT.name(),
                    "citus-stale-" + labId(), true, "postgres-stale", Locations.DEFAULT, cluster.postgresMajorVersion(),
                    ComputeConfiguration.labDefault(), PASSWORD, PASSWORD, ConnectivityMethod.NO_ACCESS, false, null, null),
                    learner);
            Page page = browser.open("/deployment/" + deployment.name());
            assertThat(page.locator("#deployment-status")).containsText(DeploymentView.FAILED, SLOW);
            assertThat(page.locator("#deployment-error")).containsText("A server group named postgres-stale already exists.");
            assertThat(page.locator("#go-to-resource")).isDisabled();
        } finally {
            FileSystemUtils.deleteRecursively(stale);
        }
    }

    private static void expectError(Page page, String field, String value, String message) {
        page.locator(field + " input").fill(value);
        assertThat(page.locator(field)).hasAttribute("invalid", "");
        assertThat(page.locator(field)).containsText(message);
    }

    /** A fresh six-digit lab deployment id, so that runs never meet each other's groups. */
    private static String labId() {
        return String.valueOf(ThreadLocalRandom.current().nextInt(100_000, 1_000_000));
    }
}
