package io.hyperscalelab.portal;

import io.hyperscalelab.cluster.Firewall;
import io.hyperscalelab.cluster.FirewallRule;
import java.util.List;

/**
 * One row of a firewall rules grid (the form's Networking tab, the Networking blade), as typed:
 * checked by {@link ServerGroupFormRules#firewallRuleProblems}.
 */
public record FirewallRuleInput(String name, String startIp, String endIp) {

    public FirewallRuleInput {
        name = name == null ? "" : name.strip();
        startIp = startIp == null ? "" : startIp.strip();
        endIp = endIp == null ? "" : endIp.strip();
    }

    /** The row a rule in force is shown as. */
    public static FirewallRuleInput of(FirewallRule rule) {
        return new FirewallRuleInput(rule.name(), rule.startIpAddress(), rule.endIpAddress());
    }

    /** The firewall that rows without problems make, with the "Allow Azure services" switch. */
    public static Firewall firewall(boolean allowAzureServices, List<FirewallRuleInput> rows) {
        return new Firewall(allowAzureServices, rows.stream().map(FirewallRuleInput::toRule).toList());
    }

    /** The grid's empty input row, which the form ignores. */
    public boolean isBlank() {
        return name.isEmpty() && startIp.isEmpty() && endIp.isEmpty();
    }

    /** The cluster's rule; a row with problems is refused with the first of them. */
    public FirewallRule toRule() {
        return new FirewallRule(name, startIp, endIp);
    }
}
