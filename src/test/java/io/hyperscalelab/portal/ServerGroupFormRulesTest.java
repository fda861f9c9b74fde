package io.hyperscalelab.portal;

import static org.assertj.core.api.Assertions.assertThat;

import io.hyperscalelab.cluster.Firewall;
import io.hyperscalelab.cluster.FirewallRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ServerGroupFormRulesTest {

    private final ServerGroupFormRules rules =
            new ServerGroupFormRules(Set.of("postgres131057")::contains, List.of(18), List.of("citus-131057"));

    private ServerGroupForm valid() {
        return new ServerGroupForm(LabSubscription.DEFAULT.name(), "citus-131057", false, "postgres999", "(US) East US", 18,
                ComputeConfiguration.labDefault(), "Password.1!!", "Password.1!!", ConnectivityMethod.NO_ACCESS, false,
                List.of(), List.of());
    }

    private ServerGroupForm with(String name, String password, String confirmation, Integer version) {
        ServerGroupForm v = valid();
        return new ServerGroupForm(v.subscription(), v.resourceGroup(), false, name, v.location(), version, v.compute(),
                password, confirmation, v.connectivity(), false, List.of(), List.of());
    }

    @Test
    void theLabsChoicesPass() {
        assertThat(rules.problems(valid())).isEmpty();
    }

    @Test
    void anEmptyFormReportsEveryRequiredFieldOfBasics() {
        ServerGroupForm empty = new ServerGroupForm("", "", false, "", "", null, null, "", "", null, false, null, null);
        assertThat(rules.problems(empty)).containsOnlyKeys(FormField.SUBSCRIPTION, FormField.RESOURCE_GROUP,
                FormField.SERVER_GROUP_NAME, FormField.LOCATION, FormField.POSTGRES_VERSION, FormField.ADMIN_PASSWORD,
                FormField.CONFIRM_PASSWORD);
        assertThat(rules.problems(empty).values()).containsOnly(ServerGroupFormRules.REQUIRED);
    }

    @Test
    void serverGroupNameUsesTheClusterRuleAndAvailability() {
        assertThat(rules.problem(FormField.SERVER_GROUP_NAME, with("Bad_Name", "Password.1!!", "Password.1!!", 18)))
                .hasValue("The server group name can only contain lowercase letters, numbers, and hyphens.");
        assertThat(rules.problem(FormField.SERVER_GROUP_NAME, with("postgres131057", "Password.1!!", "Password.1!!", 18)))
                .hasValue("The server group name 'postgres131057' is already in use.");
    }

    @Test
    void passwordAndConfirmation() {
        assertThat(rules.problem(FormField.ADMIN_PASSWORD, with("lab", "Short1!", "Short1!", 18))).get().asString()
                .contains("at least 8 characters");
        assertThat(rules.problem(FormField.CONFIRM_PASSWORD, with("lab", "Password.1!!", "Password.1!", 18)))
                .hasValue("Password and confirm password must match.");
        assertThat(rules.problem(FormField.CONFIRM_PASSWORD, with("lab", "Password.1!!", "", 18)))
                .hasValue(ServerGroupFormRules.REQUIRED);
    }

    @Test
    void versionsListAzuresAndTheProductsButOnlyShippedOnesPass() {
        assertThat(rules.versions()).containsExactly(11, 12, 13, 14, 18);
        assertThat(rules.defaultVersion()).isEqualTo(18);
        assertThat(rules.problem(FormField.POSTGRES_VERSION, with("lab", "Password.1!!", "Password.1!!", 11)))
                .hasValue("PostgreSQL 11 is not available in this lab. Available version: 18.");
        ServerGroupFormRules two = new ServerGroupFormRules(n -> false, List.of(18, 17), List.of());
        assertThat(two.versions()).containsExactly(11, 12, 13, 14, 17, 18);
        assertThat(two.problem(FormField.POSTGRES_VERSION, with("lab", "Password.1!!", "Password.1!!", 14)))
                .hasValue("PostgreSQL 14 is not available in this lab. Available versions: 17, 18.");
    }

    @Test
    void newResourceGroupNamesFollowAzure() {
        assertThat(rules.newResourceGroupProblem("myresourcegroup")).isEmpty();
        assertThat(rules.newResourceGroupProblem("My_RG.(test)-1")).isEmpty();
        assertThat(rules.newResourceGroupProblem("a".repeat(90))).isEmpty();
        assertThat(rules.newResourceGroupProblem("a".repeat(91))).get().asString().contains("between 1 and 90");
        assertThat(rules.newResourceGroupProblem("ends.")).get().asString().contains("cannot end in a period");
        assertThat(rules.newResourceGroupProblem("has space")).get().asString().contains("only allow");
        assertThat(rules.newResourceGroupProblem("CITUS-131057")).get().asString().contains("already exists");
        assertThat(rules.newResourceGroupProblem("  ")).hasValue(ServerGroupFormRules.REQUIRED);
    }

    @Test
    void anExistingResourceGroupMustBeOneOfTheLearners() {
        ServerGroupForm v = valid();
        ServerGroupForm unknown = new ServerGroupForm(v.subscription(), "someone-elses", false, v.serverGroupName(),
                v.location(), 18, v.compute(), v.adminPassword(), v.confirmPassword(), v.connectivity(), false, null, null);
        assertThat(rules.problem(FormField.RESOURCE_GROUP, unknown)).isPresent();
        ServerGroupForm created = new ServerGroupForm(v.subscription(), "myresourcegroup", true, v.serverGroupName(),
                v.location(), 18, v.compute(), v.adminPassword(), v.confirmPassword(), v.connectivity(), false, null, null);
        assertThat(rules.problem(FormField.RESOURCE_GROUP, created)).isEmpty();
    }

    @Test
    void firewallRulesCountOnlyWithPublicAccess() {
        List<FirewallRuleInput> typed = List.of(new FirewallRuleInput("CloudShell", "13.71.7.78", "13.71.7.78"),
                new FirewallRuleInput("", "", ""), new FirewallRuleInput("bad name", "1.2.3", "256.0.0.1"),
                new FirewallRuleInput("range", "10.0.0.9", "10.0.0.1"), new FirewallRuleInput("cloudshell", "0.0.0.0", "0.0.0.0"));
        ServerGroupForm v = valid();
        ServerGroupForm closed = new ServerGroupForm(v.subscription(), v.resourceGroup(), false, v.serverGroupName(),
                v.location(), 18, v.compute(), v.adminPassword(), v.confirmPassword(), ConnectivityMethod.NO_ACCESS, false, typed, null);
        assertThat(rules.problems(closed)).isEmpty();
        assertThat(closed.firewallRules()).hasSize(4);

        List<ServerGroupFormRules.RowProblems> rows = ServerGroupFormRules.firewallRuleProblems(closed.firewallRules());
        assertThat(rows.get(0).first()).isEmpty();
        assertThat(rows.get(1).cells().get(0)).get().asString().contains("can only contain letters, numbers, hyphens");
        assertThat(rows.get(1).cells().get(1)).hasValue("'1.2.3' is not a valid IPv4 address: use four numbers from 0 to 255, "
                + "separated by dots.");
        assertThat(rows.get(1).cells().get(2)).hasValue("'256.0.0.1' is not a valid IPv4 address: 256 is greater than 255.");
        assertThat(rows.get(2).cells()).containsExactly(Optional.empty(), Optional.empty(),
                Optional.of("The start IP address 10.0.0.9 must not be greater than the end IP address 10.0.0.1."));
        // names compare as Azure's do, ignoring case; the second use is the one marked
        assertThat(rows.get(3).cells().get(0))
                .hasValue("The firewall rule name cloudshell is used more than once: rule names must be unique.");

        ServerGroupForm open = new ServerGroupForm(v.subscription(), v.resourceGroup(), false, v.serverGroupName(),
                v.location(), 18, v.compute(), v.adminPassword(), v.confirmPassword(), ConnectivityMethod.PUBLIC_ACCESS, true, typed, null);
        assertThat(rules.problems(open)).containsOnlyKeys(FormField.FIREWALL_RULES);
    }

    @Test
    void theGridSpeaksWithTheClustersWords() {
        List<FirewallRuleInput> typed = List.of(new FirewallRuleInput("", "", ""), new FirewallRuleInput("x".repeat(129), "1.2.3.4", "1.2.3.4"));
        List<ServerGroupFormRules.RowProblems> rows = ServerGroupFormRules.firewallRuleProblems(typed);
        assertThat(rows.get(0).cells()).containsExactly(FirewallRule.nameProblem(""), FirewallRule.addressProblem(""),
                FirewallRule.addressProblem(""));
        assertThat(rows.get(1).first()).isEqualTo(FirewallRule.nameProblem("x".repeat(129)));
        // what the grid lets through, the cluster takes
        List<FirewallRuleInput> valid = List.of(new FirewallRuleInput("CloudShell", "127.0.0.3", "127.0.0.3"),
                new FirewallRuleInput("Lab", "10.0.0.1", "10.0.0.6"));
        assertThat(ServerGroupFormRules.firewallRuleProblems(valid)).allSatisfy(row -> assertThat(row.first()).isEmpty());
        assertThat(FirewallRuleInput.firewall(false, valid).rules()).hasSize(2);
    }

    @Test
    void oneRuleTooManyIsMarkedOnItsRow() {
        List<FirewallRuleInput> typed = new ArrayList<>();
        for (int i = 0; i <= Firewall.MAX_RULES; i++) {
            typed.add(new FirewallRuleInput("rule" + i, "10.0.0." + (i % 256), "10.0.0." + (i % 256)));
        }
        List<ServerGroupFormRules.RowProblems> rows = ServerGroupFormRules.firewallRuleProblems(typed);
        assertThat(rows.subList(0, Firewall.MAX_RULES)).allSatisfy(row -> assertThat(row.first()).isEmpty());
        assertThat(rows.get(Firewall.MAX_RULES).first()).hasValue("A server group can have at most 128 firewall rules.");
    }

    @Test
    void theFormsFirewallIsNoAccessUnlessTheLearnerChosePublicAccess() {
        List<FirewallRuleInput> typed = List.of(new FirewallRuleInput("ClientIPAddress", "127.0.0.1", "127.0.0.1"));
        ServerGroupForm v = valid();
        ServerGroupForm closed = new ServerGroupForm(v.subscription(), v.resourceGroup(), false, v.serverGroupName(),
                v.location(), 18, v.compute(), v.adminPassword(), v.confirmPassword(), ConnectivityMethod.NO_ACCESS, true, typed, null);
        assertThat(closed.firewall()).isEqualTo(Firewall.NO_ACCESS);
        ServerGroupForm open = new ServerGroupForm(v.subscription(), v.resourceGroup(), false, v.serverGroupName(),
                v.location(), 18, v.compute(), v.adminPassword(), v.confirmPassword(), ConnectivityMethod.PUBLIC_ACCESS, true, typed, null);
        assertThat(open.firewall()).isEqualTo(new Firewall(true, List.of(new FirewallRule("ClientIPAddress", "127.0.0.1", "127.0.0.1"))));
    }

    @Test
    void privateAccessAndBasicTierAreNotPartOfTheLab() {
        ServerGroupForm v = valid();
        ServerGroupForm privateAccess = new ServerGroupForm(v.subscription(), v.resourceGroup(), false, v.serverGroupName(),
                v.location(), 18, v.compute().inTier(ComputeTier.BASIC), v.adminPassword(), v.confirmPassword(),
                ConnectivityMethod.PRIVATE_ACCESS, false, null, null);
        assertThat(rules.problems(privateAccess)).containsOnlyKeys(FormField.COMPUTE, FormField.CONNECTIVITY);
    }

    @Test
    void tags() {
        List<ServerGroupFormRules.RowProblems> rows = rules.tagProblems(List.of(new ResourceTag("env", "lab"),
                new ResourceTag("", "orphan"), new ResourceTag("a/b", ""), new ResourceTag("ENV", "x"),
                new ResourceTag("long", "v".repeat(257))));
        assertThat(rows.get(0).first()).isEmpty();
        assertThat(rows.get(1).first()).hasValue("The tag name must not be empty.");
        assertThat(rows.get(2).first()).get().asString().contains("can't contain");
        assertThat(rows.get(3).first()).get().asString().contains("must be unique");
        assertThat(rows.get(4).cells().get(1)).get().asString().contains("at most 256");
    }

    @Test
    void passwordsStayOutOfToString() {
        assertThat(valid().toString()).doesNotContain("Password.1!!").contains("postgres999");
    }

    @Test
    void aClusterWithItsOwnWorkerCountSaysSoWhenTheFormAsksForAnother() {
        ServerGroupFormRules citus = new ServerGroupFormRules(name -> false, List.of(16), List.of(), java.util.OptionalInt.of(2));

        assertThat(citus.workerCountNote(2)).isEmpty();
        assertThat(citus.workerCountNote(4)).hasValue("This portal runs on a real Citus cluster with 2 worker nodes: "
                + "the server group will have its 2, not 4.");
        assertThat(rules.workerCountNote(4)).isEmpty();
    }
}
