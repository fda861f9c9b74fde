package io.hyperscalelab.portal;

import io.hyperscalelab.cluster.NodeRole;
import io.hyperscalelab.cluster.ServerGroupNode;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names the portal shows for a group's nodes, in the style of the Spektra lab's screenshots
 * (one era, used throughout): workers are {@code <group>-w0}, {@code <group>-w1}, ... and the
 * coordinator of a group named like the lab's, {@code postgresNNNNNN}, is {@code srvNNNNNN}.
 * Any other group's coordinator is {@code <group>-c}, the pattern Microsoft's quickstart used in
 * the same years; unlike a made-up number it can never collide with another group's name.
 * Each name is also a host under {@code postgres.database.azure.com}, its fully qualified domain name.
 */
public final class AzureNames {

    public static final String DOMAIN = "postgres.database.azure.com";
    private static final Pattern LAB_GROUP = Pattern.compile("postgres(\\d+)");
    // Also the 2021-22 docs' form c.<group>, which learners may type from Microsoft's pages.
    private static final Pattern COORDINATOR_FQDN = Pattern.compile(
            "(?:srv(\\d+)|c\\.([a-z0-9-]+)|([a-z0-9-]+)-c)\\.postgres\\.database\\.azure\\.com");

    private AzureNames() {
    }

    public static String coordinator(String group) {
        Matcher lab = LAB_GROUP.matcher(group);
        return lab.matches() ? "srv" + lab.group(1) : group + "-c";
    }

    public static String worker(String group, int index) {
        return group + "-w" + index;
    }

    /** The portal name of one of the group's nodes; workers keep the cluster's own {@code <group>-wN}. */
    public static String node(String group, ServerGroupNode node) {
        return node.role() == NodeRole.COORDINATOR ? coordinator(group) : node.name();
    }

    public static String fqdn(String nodeName) {
        return nodeName + "." + DOMAIN;
    }

    /** The group whose coordinator a fully qualified host name names, if it names one. */
    public static Optional<String> groupOfCoordinator(String host) {
        Matcher m = COORDINATOR_FQDN.matcher(host.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return Optional.empty();
        }
        if (m.group(1) != null) {
            return Optional.of("postgres" + m.group(1));
        }
        return Optional.of(m.group(2) != null ? m.group(2) : m.group(3));
    }
}
