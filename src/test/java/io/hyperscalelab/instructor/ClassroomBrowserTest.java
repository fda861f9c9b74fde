package io.hyperscalelab.instructor;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import io.hyperscalelab.browser.PortalBrowser;
import io.hyperscalelab.cluster.EmbeddedCluster;
import io.hyperscalelab.cluster.FirewallRule;
import io.hyperscalelab.lab.check.LabChecks;
import io.hyperscalelab.lab.check.LabSteps;
import io.hyperscalelab.portal.ComputeConfiguration;
import io.hyperscalelab.portal.ConnectivityMethod;
import io.hyperscalelab.portal.Deployment;
import io.hyperscalelab.portal.FirewallRuleInput;
import io.hyperscalelab.portal.LabSubscription;
import io.hyperscalelab.portal.Locations;
import io.hyperscalelab.portal.ServerGroupForm;
import io.hyperscalelab.portal.ServerGroupProvisioner;
import io.hyperscalelab.security.Account;
import io.hyperscalelab.security.AccountRepository;
import io.hyperscalelab.security.InstructorAccounts;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A class end to end in real browsers: the instructor creates a class of 3 (two generated
 * accounts, printed and downloaded; one seat for the class code), three learners sign in in
 * separate browser contexts and work through different steps while the dashboard follows them
 * live; one learner's attempts on another's server group and on the server's files fail with
 * clear errors; the instructor opens a learner's lab read-only, resets a learner's lab, extends
 * the time and ends the class.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ClassroomBrowserTest {

    private static final String PASSWORD = "Teach-the-class-2026";
    private static final LocatorAssertions.ContainsTextOptions LIVE = new LocatorAssertions.ContainsTextOptions().setTimeout(30_000);
    private static final LocatorAssertions.HasTextOptions SLOW = new LocatorAssertions.HasTextOptions().setTimeout(30_000);

    @LocalServerPort
    private int port;
    @Autowired
    private InstructorAccounts instructors;
    @Autowired
    private AccountRepository accounts;
    @Autowired
    private ServerGroupProvisioner provisioner;
    @Autowired
    private EmbeddedCluster cluster;
    @Autowired
    private LabSteps labSteps;
    @Autowired
    private LabChecks labChecks;

    @Test
    void aClassRunsEndToEndInTheBrowser() throws Exception {
        String instructorName = "teacher" + System.nanoTime() + "@contoso.com";
        instructors.ensure(instructorName, PASSWORD);
        String className = "Distributed PostgreSQL, Tuesday";
        try (PortalBrowser teacher = new PortalBrowser(port)) {
            teacher.signIn(teacher.firstSignInOf(instructorName, PASSWORD));
            Page classes = teacher.open("/classes");
            classes.locator("#class-name input").fill(className);
            classes.locator("#class-seats input").fill("3");
            classes.locator("#class-accounts-now input").fill("2");
            classes.locator("#create-class").click();

            Locator cards = classes.locator(".credential-card");
            assertThat(cards).hasCount(2);
            List<PortalBrowser.LabCredentials> sheet = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                Locator values = cards.nth(i).locator(".credential-value");
                assertThat(values.nth(0)).hasText(teacher.baseUrl() + "/");
                sheet.add(new PortalBrowser.LabCredentials(values.nth(1).textContent(), values.nth(2).textContent()));
            }
            teacher.screenshot("class-credentials");
            Download download = classes.waitForDownload(() -> classes.locator("#download-credentials").click());
            String csv = Files.readString(download.path());
            assertThat(download.suggestedFilename()).endsWith("-credentials.csv");
            for (int i = 0; i < 2; i++) {
                assertThat(csv).contains((i + 1) + "," + sheet.get(i).username() + "," + sheet.get(i).password() + ",\"" + className
                        + "\"," + code(classes));
            }
            String code = code(classes);
            classes.locator("#open-dashboard").click();
            Page dashboard = teacher.page();
            assertThat(dashboard.locator(".blade-title")).hasText(className);
            assertThat(dashboard.locator("#class-seats-value")).hasText("2 of 3 taken");

            try (PortalBrowser first = new PortalBrowser(teacher); PortalBrowser second = new PortalBrowser(teacher);
                 PortalBrowser third = new PortalBrowser(teacher)) {
                first.signIn(first.firstSignInOf(sheet.get(0).username(), sheet.get(0).password()));
                second.signIn(second.firstSignInOf(sheet.get(1).username(), sheet.get(1).password()));
                PortalBrowser.LabCredentials joined = third.launchLab(code.toLowerCase());
                third.signIn(joined);
                assertThat(dashboard.locator("#class-seats-value")).hasText("3 of 3 taken", SLOW);
                assertThat(dashboard.locator("#learners")).containsText(joined.username(), LIVE);

                // a fourth learner finds the class full
                try (PortalBrowser late = new PortalBrowser(teacher)) {
                    late.open("/");
                    late.page().getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Environment Details")).click();
                    late.page().locator("#class-code input").fill(code);
                    late.page().locator("#start-lab").click();
                    assertThat(late.page().locator(".lab-error")).hasText("Class " + className
                            + " is full: its 3 seats are taken. Ask your instructor for a seat.");
                }

                // the instructor's pages are not a learner's
                for (String path : List.of(dashboard.url().replace(teacher.baseUrl(), ""), "/classes", "/demo")) {
                    Page refused = first.open(path);
                    assertThat(refused.locator("body")).containsText("Could not navigate to");
                    assertThat(refused.locator(".class-dashboard, .classes-view, #demo")).hasCount(0);
                }
                first.open("/");
                first.page().locator("#environment-details-tab").click();
                assertThat(first.page().locator(".environment-details")).containsText("Use the password your instructor gave you");
                first.page().getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Lab Guide")).click();

                // different steps: the first learner one page on, the second three, the third two
                nextPages(first, 1);
                nextPages(second, 3);
                nextPages(third, 2);
                Account firstLearner = accounts.findByUsername(sheet.get(0).username()).orElseThrow();
                Account secondLearner = accounts.findByUsername(sheet.get(1).username()).orElseThrow();
                Account thirdLearner = accounts.findByUsername(joined.username()).orElseThrow();
                assertThat(learnerCell(dashboard, "learner-page", firstLearner)).hasText(Pattern.compile("2\\. Exercise 1.*"), SLOW);
                assertThat(learnerCell(dashboard, "learner-page", secondLearner)).hasText(Pattern.compile("4\\. Exercise 3.*"), SLOW);
                assertThat(learnerCell(dashboard, "learner-page", thirdLearner)).hasText(Pattern.compile("3\\. Exercise 2.*"), SLOW);
                // steps are done when the learner's own group passes their checks: nobody has a group yet
                String none = "0 of " + labSteps.all().size();
                for (Account learner : List.of(firstLearner, secondLearner, thirdLearner)) {
                    assertThat(learnerCell(dashboard, "steps-done", learner)).hasText(none, SLOW);
                }
                assertThat(dashboard.locator("#progress-chart [data-step='server-group']")).hasAttribute("data-done", "0",
                        new LocatorAssertions.HasAttributeOptions().setTimeout(30_000));
                teacher.screenshot("class-dashboard");

                // the second and third learners create their server groups
                String secondGroup = secondLearner.deployment().orElseThrow().serverGroupName();
                String thirdGroup = thirdLearner.deployment().orElseThrow().serverGroupName();
                Deployment secondDeployment = provisioner.deploy(form(secondGroup, "Second-Passw0rd"), secondLearner);
                Deployment thirdDeployment = provisioner.deploy(form(thirdGroup, "Third-Passw0rd"), thirdLearner);
                assertThat(secondDeployment.awaitEnd(Duration.ofMinutes(3))).isTrue();
                assertThat(thirdDeployment.awaitEnd(Duration.ofMinutes(3))).isTrue();
                assertThat(dashboard.locator("#learners")).containsText(secondGroup + ": Available, 3 nodes", LIVE);
                assertThat(dashboard.locator("#learners")).containsText(thirdGroup + ": Available, 3 nodes", LIVE);

                // the third learner: another learner's group is absent, the server's files and other coordinators are closed
                Page absent = third.open("/resource/postgresql/" + secondGroup + "/query-editor");
                assertThat(absent.locator(".server-group-blade")).containsText("There is no server group named " + secondGroup);
                Page editor = third.open("/resource/postgresql/" + thirdGroup + "/query-editor");
                run(editor, "SELECT pg_read_file('/etc/passwd')");
                assertThat(editor.locator("#query-error")).containsText("ERROR:  permission denied for function pg_read_file");
                assertThat(editor.locator("#query-error")).containsText("may not read or write files on the server");
                int secondPort = cluster.group(secondGroup).orElseThrow().coordinator().port();
                run(editor, "SELECT * FROM citus_internal.dblink('host=127.0.0.1 port=" + secondPort
                        + " dbname=citus user=citus password=Second-Passw0rd sslmode=require', 'SELECT 1') AS t(x int)");
                assertThat(editor.locator("#query-error")).containsText("ERROR:  permission denied for function dblink");
                assertThat(editor.locator("#query-error")).containsText("no SQL reaches another server group");
                run(editor, "CREATE TABLE before_reset (a int)");
                assertThat(editor.locator("#query-status")).hasAttribute("state", "succeeded");
                // a statement on their group has the lab check their steps: the group is there and Available
                assertThat(learnerCell(dashboard, "steps-done", thirdLearner)).hasText(Pattern.compile("[1-9][0-9]* of \\d+"), SLOW);
                assertThat(dashboard.locator("#progress-chart [data-step='server-group']")).hasAttribute("data-done", "1",
                        new LocatorAssertions.HasAttributeOptions().setTimeout(30_000));

                // the instructor looks at the second learner's lab, read-only
                learnerActions(dashboard, secondLearner).locator(".open-learner-lab").click();
                assertThat(dashboard.locator("#learner-guide .lab-page-title")).hasText(Pattern.compile("Exercise 3.*"));
                assertThat(dashboard.locator("#learner-steps .step-done")).hasCount(labChecks.doneSteps(secondLearner.id()).size());
                assertThat(dashboard.locator("#learner-groups")).containsText(secondGroup + ": Available, 3 nodes");
                dashboard.locator("#learner-guide .lab-next").click();
                assertThat(dashboard.locator("#learner-guide .lab-page-title")).hasText(Pattern.compile("Exercise 4.*"));
                dashboard.goBack();
                assertThat(learnerCell(dashboard, "learner-page", secondLearner)).hasText(Pattern.compile("4\\. Exercise 3.*"), SLOW);

                // reset the third learner's lab: a fresh, empty group of the same name, and the guide from its start
                Instant beforeReset = cluster.group(thirdGroup).orElseThrow().createdAt();
                learnerActions(dashboard, thirdLearner).locator(".reset-learner-lab").click();
                dashboard.locator("#confirm-reset").click();
                await().atMost(Duration.ofMinutes(3)).until(() -> cluster.group(thirdGroup)
                        .filter(g -> g.createdAt().isAfter(beforeReset)).filter(g -> available(thirdGroup)).isPresent());
                try (Connection c = DriverManager.getConnection(cluster.jdbcUrl(thirdGroup), "citus", "Third-Passw0rd");
                     ResultSet rs = c.createStatement().executeQuery("SELECT to_regclass('before_reset') IS NULL")) {
                    rs.next();
                    assertThat(rs.getBoolean(1)).as("the table made before the reset is gone").isTrue();
                }
                assertThat(learnerCell(dashboard, "learner-page", thirdLearner)).hasText("1. Getting Started", SLOW);
                assertThat(learnerCell(dashboard, "steps-done", thirdLearner)).hasText("0 of " + labSteps.all().size(), SLOW);

                // more time, then the end of the class
                String timeBefore = dashboard.locator("#class-time-value").textContent();
                dashboard.locator("#extend-time").click();
                dashboard.locator("#extend-30").click();
                assertThat(dashboard.locator("#class-time-value")).not().hasText(timeBefore);
                dashboard.locator("#end-class").click();
                dashboard.locator("#end-class-name input").fill(className);
                dashboard.locator("#confirm-end-class").click();
                await().atMost(Duration.ofMinutes(3)).until(() -> cluster.group(secondGroup).isEmpty() && cluster.group(thirdGroup).isEmpty());
                assertThat(dashboard.locator("#class-time-value")).hasText("Ended", SLOW);
                assertThat(dashboard.locator("#end-class")).isDisabled();
            }
        }
    }

    private static String code(Page classes) {
        return classes.locator("#created-class-code").textContent();
    }

    /** Next in the lab guide, {@code pages} times, each time once the page has changed. */
    private static void nextPages(PortalBrowser learner, int pages) {
        Locator guide = learner.page().locator(".lab-guide");
        for (int i = 1; i <= pages; i++) {
            guide.locator(".lab-next").click();
            assertThat(guide.locator(".lab-position")).hasText((i + 1) + " / 6");
        }
    }

    private static Locator learnerActions(Page dashboard, Account learner) {
        return dashboard.locator(".learner-actions", new Page.LocatorOptions().setHas(
                dashboard.locator("a[href$='/learners/" + learner.id() + "']")));
    }

    private static Locator learnerCell(Page dashboard, String className, Account learner) {
        return dashboard.locator("#learners ." + className + "[data-learner='" + learner.id() + "']");
    }

    private boolean available(String group) {
        try {
            return cluster.status(group).values().stream().allMatch(s -> s == io.hyperscalelab.cluster.NodeStatus.AVAILABLE);
        } catch (RuntimeException gone) {
            return false;
        }
    }

    /** The form a learner fills in, with the query editor (Azure services) and their own machine let in. */
    private ServerGroupForm form(String group, String password) {
        FirewallRule machine = new FirewallRule("ClientIPAddress", "127.0.0.1", "127.0.0.1");
        return new ServerGroupForm(LabSubscription.DEFAULT.name(), "citus-" + group + "-" + System.nanoTime(), true, group,
                Locations.DEFAULT, cluster.postgresMajorVersion(), ComputeConfiguration.labDefault(), password, password,
                ConnectivityMethod.PUBLIC_ACCESS, true, List.of(FirewallRuleInput.of(machine)), List.of());
    }

    private static void run(Page page, String sql) {
        Locator box = page.locator("#query-statement textarea");
        box.fill(sql);
        box.press("Control+Enter");
        assertThat(page.locator("#query-status")).not().hasAttribute("state", "running");
        assertThat(page.locator("#query-status")).hasAttribute("state", Pattern.compile("succeeded|failed"));
    }
}
