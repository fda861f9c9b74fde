package io.hyperscalelab.instructor.demo;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import io.hyperscalelab.browser.PortalBrowser;
import io.hyperscalelab.cluster.EmbeddedCluster;
import io.hyperscalelab.data.DatasetSize;
import io.hyperscalelab.security.Account;
import io.hyperscalelab.security.InstructorAccounts;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Demo mode in a real browser: the instructor's presenter screen prepares a demo group, runs the
 * lab guide's steps one by one for real (the data loaded with \copy, the count with its
 * breakdown chart across the screen), goes back without running anything again, and replays
 * the demo on a fresh group.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DemoBrowserTest {

    private static final String PASSWORD = "Present-the-lab-2026";
    private static final LocatorAssertions.ContainsTextOptions SLOW = new LocatorAssertions.ContainsTextOptions().setTimeout(300_000);

    @LocalServerPort
    private int port;
    @Autowired
    private InstructorAccounts instructors;
    @Autowired
    private DemoScript script;
    @Autowired
    private EmbeddedCluster cluster;

    @Test
    void theLabRunsStepByStepOnTheDemoGroupAndReplays() throws Exception {
        String name = "presenter" + System.nanoTime() + "@contoso.com";
        Account instructor = instructors.ensure(name, PASSWORD);
        String group = DemoRun.groupName(instructor);
        List<DemoStep> steps = script.steps();
        int copy = index(steps, "\\copy github_events");
        int count = index(steps, "SELECT count(*) FROM github_events");
        try (PortalBrowser presenter = new PortalBrowser(port)) {
            presenter.signIn(presenter.firstSignInOf(name, PASSWORD));
            Page demo = presenter.open("/demo");
            assertThat(demo.locator("#demo-status")).containsText("Ready", SLOW);
            assertThat(demo.locator("#demo-position")).hasText("Demo: the lab in " + steps.size() + " steps");

            demo.locator("#demo-next").click();
            assertThat(demo.locator("#demo-position")).hasText("Step 1 of " + steps.size());
            assertThat(demo.locator("#demo-code")).hasText(steps.get(0).code());
            assertThat(demo.locator("#demo-output")).containsText(cluster.sourceAddresses().cloudShell(), SLOW);

            while (!demo.locator("#demo-position").textContent().equals("Step " + (count + 1) + " of " + steps.size())) {
                String before = demo.locator("#demo-position").textContent();
                demo.locator("#demo-next").click();
                assertThat(demo.locator("#demo-position")).not().hasText(before, new LocatorAssertions.HasTextOptions().setTimeout(300_000));
                if (demo.locator("#demo-position").textContent().equals("Step " + (copy + 1) + " of " + steps.size())) {
                    assertThat(demo.locator("#demo-output")).containsText("COPY " + DatasetSize.LAB.events(), SLOW);
                }
            }
            assertThat(demo.locator("#demo-output")).containsText(String.valueOf(DatasetSize.LAB.events()));
            assertThat(demo.locator("#demo-chart svg")).containsText("Multi-shard: 32 tasks on 2 workers");
            presenter.screenshot("demo");

            demo.locator("#demo-back").click();
            assertThat(demo.locator("#demo-position")).hasText("Step " + count + " of " + steps.size());
            assertThat(demo.locator("#demo-code")).hasText(steps.get(count - 1).code());
            demo.keyboard().press("ArrowRight");
            assertThat(demo.locator("#demo-position")).hasText("Step " + (count + 1) + " of " + steps.size());
            assertThat(demo.locator("#demo-chart svg")).containsText("Multi-shard");

            demo.locator("#demo-replay").click();
            assertThat(demo.locator("#demo-status")).containsText("Ready", SLOW);
            assertThat(demo.locator("#demo-position")).hasText("Demo: the lab in " + steps.size() + " steps");
            try (Connection c = cluster.learnerConnection(group, cluster.sourceAddresses().cloudShell());
                 ResultSet rs = c.createStatement().executeQuery("SELECT to_regclass('github_events') IS NULL")) {
                rs.next();
                assertThat(rs.getBoolean(1)).as("the replayed demo starts on an empty group").isTrue();
            }
        } finally {
            if (cluster.group(group).isPresent()) {
                cluster.delete(group);
            }
        }
    }

    private static int index(List<DemoStep> steps, String code) {
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).code().contains(code)) {
                return i;
            }
        }
        throw new AssertionError("The lab guide has no step with " + code);
    }
}
