package io.hyperscalelab.lab.check;

import io.hyperscalelab.cluster.Firewall;
import io.hyperscalelab.cluster.FirewallRule;

/** Exercise 2: a firewall rule lets the Cloud Shell's address reach the coordinator. */
final class CloudShellAdmitted implements StepCheck {

    private static final LabStep STEP = new LabStep("firewall", "exercise-2", "Cloud Shell allowed through the firewall",
            "A firewall rule of your server group covers the address Cloud Shell connects from.");

    @Override
    public LabStep step() {
        return STEP;
    }

    @Override
    public CheckResult check(CheckSession session) {
        String shell = session.addresses().cloudShell();
        Firewall firewall = session.firewall();
        return firewall.rules().stream().filter(rule -> !rule.standsForAzureServices() && rule.covers(shell)).findFirst()
                .map(rule -> CheckResult.passed("Rule " + rule.name() + " (" + range(rule) + ") lets Cloud Shell (" + shell
                        + ") connect"))
                .orElseGet(() -> CheckResult.notYet("No firewall rule covers Cloud Shell's address " + shell
                        + " yet: add one on Networking and select Save."));
    }

    private static String range(FirewallRule rule) {
        return rule.startIpAddress().equals(rule.endIpAddress()) ? rule.startIpAddress()
                : rule.startIpAddress() + " - " + rule.endIpAddress();
    }
}
