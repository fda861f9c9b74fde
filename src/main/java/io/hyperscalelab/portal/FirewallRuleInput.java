package io.hyperscalelab.portal;

/** One row of the Networking tab's firewall rules, as typed: checked by {@link ServerGroupFormRules}. */
public record FirewallRuleInput(String name, String startIp, String endIp) {

    public FirewallRuleInput {
        name = name == null ? "" : name.strip();
        startIp = startIp == null ? "" : startIp.strip();
        endIp = endIp == null ? "" : endIp.strip();
    }

    /** The grid's empty input row, which the form ignores. */
    public boolean isBlank() {
        return name.isEmpty() && startIp.isEmpty() && endIp.isEmpty();
    }
}
