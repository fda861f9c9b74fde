package io.hyperscalelab.cluster;

/**
 * Where connections to a coordinator come from. Everything runs on one machine, so the "networks"
 * of Azure are addresses of the loopback network 127.0.0.0/8, every one of which this machine
 * answers on and a client can bind its end of a connection to:
 * <ul>
 *   <li>{@code product} (127.0.0.1): the product's own management connections, as the superuser
 *       {@code postgres}. Always admitted, for that role only, whatever the firewall says.</li>
 *   <li>{@code learnerMachine} (127.0.0.1): the learner's own computer, e.g. their real psql. The
 *       portal's "Add current client IP address" adds the browser's address, which is this one
 *       when the browser runs on the same machine.</li>
 *   <li>{@code azureServices} (default 127.0.0.2, {@code hyperscale.cluster.azure-services-address}):
 *       the portal's own services, such as its query editor. Admitted when "Allow Azure services
 *       and resources to access this server group" is on, or when a rule covers the address.</li>
 *   <li>{@code cloudShell} (default 127.0.0.3, {@code hyperscale.cluster.cloud-shell-address}): the
 *       portal's Cloud Shell; the address {@code curl ifconfig.co} prints there, which the learner
 *       adds as a firewall rule, as in the lab.</li>
 * </ul>
 * Workers are not behind the firewall: they admit loopback connections (from the coordinator and
 * the product) with a password, as before.
 */
public record SourceAddresses(String product, String learnerMachine, String azureServices, String cloudShell) {

    public static final String LEARNER_MACHINE = "127.0.0.1";
    public static final String DEFAULT_AZURE_SERVICES = "127.0.0.2";
    public static final String DEFAULT_CLOUD_SHELL = "127.0.0.3";

    public SourceAddresses {
        for (String address : new String[] {azureServices, cloudShell}) {
            if (!Ipv4.isLoopback(address) || address.equals(LEARNER_MACHINE)) {
                throw new IllegalArgumentException("The Azure services and Cloud Shell addresses must be loopback addresses "
                        + "(127.0.0.0/8) other than " + LEARNER_MACHINE + ", not " + address);
            }
        }
        if (azureServices.equals(cloudShell)) {
            throw new IllegalArgumentException("The Azure services and Cloud Shell addresses must differ: both are " + cloudShell);
        }
    }

    SourceAddresses(String azureServices, String cloudShell) {
        this(LEARNER_MACHINE, LEARNER_MACHINE, azureServices, cloudShell);
    }
}
