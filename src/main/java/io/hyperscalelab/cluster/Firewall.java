package io.hyperscalelab.cluster;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Who may connect to a server group's coordinator, with Azure's semantics: nobody, unless a rule
 * admits the address the connection comes from. {@link SourceAddresses} says which addresses the
 * learner's machine, the portal's Cloud Shell and the portal's own services connect from.
 *
 * @param allowAzureServices the switch "Allow Azure services and resources to access this server
 *                           group": admits the portal's own services (its query editor); Azure
 *                           stores it as the rule {@value #AZURE_SERVICES_RULE_NAME}, 0.0.0.0 to 0.0.0.0
 * @param rules              the grid's rows, in the order the learner entered them
 */
public record Firewall(boolean allowAzureServices, List<FirewallRule> rules) {

    public static final String AZURE_SERVICES_RULE_NAME = "AllowAllAzureServicesAndResourcesWithinAzureIps";
    /** What Azure allows per server group; it also keeps pg_hba.conf a readable size. */
    public static final int MAX_RULES = 128;
    /** Azure's default: no rule, no access. */
    public static final Firewall NO_ACCESS = new Firewall(false, List.of());

    public Firewall {
        rules = List.copyOf(rules);
        problem(rules).ifPresent(message -> {
            throw new ClusterException(message);
        });
    }

    /** Admits the learner's own machine: what groups get that were created without saying. */
    public static Firewall thisMachine() {
        String address = SourceAddresses.LEARNER_MACHINE;
        return new Firewall(false, List.of(new FirewallRule("ClientIPAddress", address, address)));
    }

    /** Why these rules cannot make one firewall (each rule being valid on its own), or empty when they can. */
    public static Optional<String> problem(List<FirewallRule> rules) {
        if (rules.size() > MAX_RULES) {
            return Optional.of("A server group can have at most " + MAX_RULES + " firewall rules.");
        }
        Set<String> names = new HashSet<>();
        for (FirewallRule rule : rules) {
            if (!names.add(rule.name().toLowerCase(Locale.ROOT))) {
                return Optional.of("The firewall rule name " + rule.name() + " is used more than once: rule names must be unique.");
            }
        }
        return Optional.empty();
    }

    /** Whether the portal's own services are admitted: the switch, or a 0.0.0.0 rule of the learner's own. */
    public boolean admitsAzureServices() {
        return allowAzureServices || rules.stream().anyMatch(FirewallRule::standsForAzureServices);
    }

    /** Whether a connection from {@code address} is admitted, {@code azureServicesAddress} being where the portal's services connect from. */
    public boolean admits(String address, String azureServicesAddress) {
        return address.equals(azureServicesAddress) && admitsAzureServices()
                || rules.stream().filter(r -> !r.standsForAzureServices()).anyMatch(r -> r.covers(address));
    }

    /** The same firewall with one more rule; a clear error if its name is taken. */
    public Firewall with(FirewallRule rule) {
        List<FirewallRule> more = new ArrayList<>(rules);
        more.add(rule);
        return new Firewall(allowAzureServices, more);
    }

    /** The same firewall without the rule of that name (names compare as Azure's do, ignoring case). */
    public Firewall without(String ruleName) {
        return new Firewall(allowAzureServices, rules.stream().filter(r -> !r.name().equalsIgnoreCase(ruleName)).toList());
    }

    public Firewall withAzureServices(boolean allow) {
        return new Firewall(allow, rules);
    }
}
