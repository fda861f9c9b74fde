package io.hyperscalelab.cluster;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One row of a server group's firewall: connections to the coordinator from {@code startIpAddress}
 * to {@code endIpAddress} (inclusive) are admitted. The rules live here, once: the Networking
 * blade's grid asks {@link #nameProblem}, {@link #addressProblem} and {@link #problem} for the
 * messages it shows, and the API refuses the same input with the same words.
 *
 * <p>The range 0.0.0.0 to 0.0.0.0 is Azure's way of saying "Allow Azure services and resources
 * to access this server group" (see {@link Firewall#AZURE_SERVICES_RULE_NAME}).
 */
public record FirewallRule(String name, String startIpAddress, String endIpAddress) {

    public static final int MAX_NAME_LENGTH = 128;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]+");

    public FirewallRule {
        problem(name, startIpAddress, endIpAddress).ifPresent(message -> {
            throw new ClusterException(message);
        });
    }

    /** Why {@code name} cannot name a firewall rule, or empty when it can. */
    public static Optional<String> nameProblem(String name) {
        if (name == null || name.isEmpty()) {
            return Optional.of("The firewall rule name must not be empty.");
        }
        if (name.length() > MAX_NAME_LENGTH) {
            return Optional.of("The firewall rule name must be at most " + MAX_NAME_LENGTH + " characters long.");
        }
        if (!NAME.matcher(name).matches()) {
            return Optional.of("The firewall rule name can only contain letters, numbers, hyphens (-), underscores (_) and periods (.).");
        }
        return Optional.empty();
    }

    /** Why {@code address} cannot be a start or end IP address, or empty when it can. */
    public static Optional<String> addressProblem(String address) {
        return Ipv4.problem(address);
    }

    /** Why these three values do not make a firewall rule, or empty when they do. */
    public static Optional<String> problem(String name, String startIpAddress, String endIpAddress) {
        Optional<String> problem = nameProblem(name)
                .or(() -> addressProblem(startIpAddress).map(m -> "Start IP: " + m))
                .or(() -> addressProblem(endIpAddress).map(m -> "End IP: " + m));
        return problem.isPresent() ? problem : rangeProblem(startIpAddress, endIpAddress);
    }

    /** Why two valid addresses do not make a range (the grid shows it beside the end address), or empty when they do. */
    public static Optional<String> rangeProblem(String startIpAddress, String endIpAddress) {
        if (Ipv4.parse(startIpAddress) > Ipv4.parse(endIpAddress)) {
            return Optional.of("The start IP address " + startIpAddress + " must not be greater than the end IP address "
                    + endIpAddress + ".");
        }
        return Optional.empty();
    }

    /** Whether this is the 0.0.0.0 rule, which admits Azure's own services rather than an address. */
    public boolean standsForAzureServices() {
        return startIpAddress.equals("0.0.0.0") && endIpAddress.equals("0.0.0.0");
    }

    /** Whether {@code address} falls within this rule's range. */
    public boolean covers(String address) {
        long value = Ipv4.parse(address);
        return Ipv4.parse(startIpAddress) <= value && value <= Ipv4.parse(endIpAddress);
    }
}
