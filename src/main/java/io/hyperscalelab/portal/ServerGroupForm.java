package io.hyperscalelab.portal;

import io.hyperscalelab.cluster.Firewall;
import java.util.List;

/**
 * Everything the Hyperscale (Citus) server group form asks, as one value: the tabs read their
 * fields into it, {@link ServerGroupFormRules} checks it, Review + create shows it and
 * {@link ServerGroupProvisioner} creates the group from it.
 *
 * @param resourceGroup      the chosen resource group, or the name typed under "Create new"
 * @param newResourceGroup   whether {@code resourceGroup} is to be created with the server group
 * @param postgresVersion    the PostgreSQL major version, or null when none is chosen
 * @param firewallRules      the firewall rules typed on the Networking tab, without blank rows
 * @param tags               the Tags tab's pairs, without blank rows
 */
public record ServerGroupForm(String subscription, String resourceGroup, boolean newResourceGroup,
                              String serverGroupName, String location, Integer postgresVersion,
                              ComputeConfiguration compute, String adminPassword, String confirmPassword,
                              ConnectivityMethod connectivity, boolean allowAzureServices,
                              List<FirewallRuleInput> firewallRules, List<ResourceTag> tags) {

    public ServerGroupForm {
        subscription = orEmpty(subscription);
        resourceGroup = orEmpty(resourceGroup).strip();
        serverGroupName = orEmpty(serverGroupName);
        location = orEmpty(location);
        compute = compute == null ? ComputeConfiguration.labDefault() : compute;
        adminPassword = orEmpty(adminPassword);
        confirmPassword = orEmpty(confirmPassword);
        connectivity = connectivity == null ? ConnectivityMethod.NO_ACCESS : connectivity;
        firewallRules = firewallRules == null ? List.of()
                : firewallRules.stream().filter(r -> !r.isBlank()).toList();
        tags = tags == null ? List.of() : tags.stream().filter(t -> !t.isBlank()).toList();
    }

    /** The form as it opens: Azure's defaults and the lab's. */
    public static ServerGroupForm initial(int postgresVersion) {
        return new ServerGroupForm(LabSubscription.DEFAULT.name(), "", false, "", Locations.DEFAULT, postgresVersion,
                ComputeConfiguration.labDefault(), "", "", ConnectivityMethod.NO_ACCESS, false, List.of(), List.of());
    }

    /** What is kept once the group exists: no passwords, and its resource group is no longer new. */
    public ServerGroupForm asCreated() {
        return new ServerGroupForm(subscription, resourceGroup, false, serverGroupName, location,
                postgresVersion, compute, "", "", connectivity, allowAzureServices, firewallRules, tags);
    }

    /** The firewall rules only count when the learner chose public access. */
    public List<FirewallRuleInput> effectiveFirewallRules() {
        return connectivity == ConnectivityMethod.PUBLIC_ACCESS ? firewallRules : List.of();
    }

    /**
     * The firewall the group starts with: Azure's No access, unless the learner chose public
     * access; then the rules and the "Allow Azure services" switch. For a form without problems.
     */
    public Firewall firewall() {
        return connectivity == ConnectivityMethod.PUBLIC_ACCESS
                ? FirewallRuleInput.firewall(allowAzureServices, firewallRules) : Firewall.NO_ACCESS;
    }

    // Keeps the passwords out of logs and error messages.
    @Override
    public String toString() {
        return "ServerGroupForm[" + serverGroupName + " in " + resourceGroup + ", " + location + ", PostgreSQL "
                + postgresVersion + ", " + compute + ", " + connectivity + ", " + firewallRules.size()
                + " firewall rules, " + tags.size() + " tags]";
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
