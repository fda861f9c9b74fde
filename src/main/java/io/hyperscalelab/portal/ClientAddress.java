package io.hyperscalelab.portal;

import com.vaadin.flow.component.UI;
import java.util.Locale;

/**
 * The learner's address as this server sees it, as "+ Add current client IP address" offers it
 * (the create form's Networking tab and the Networking blade).
 */
final class ClientAddress {

    private static final String LOOPBACK = "127.0.0.1";

    private ClientAddress() {
    }

    /** The address of the browser behind the current UI, as a firewall rule takes it. */
    static String current() {
        UI ui = UI.getCurrent();
        return asFirewallAddress(ui == null ? null : ui.getSession().getBrowser().getAddress());
    }

    /**
     * Firewall rules are IPv4, so a browser on this machine that came over IPv6 loopback is
     * 127.0.0.1, and an IPv4-mapped address its IPv4. A real IPv6 client stays what it is; the
     * rule then says it needs IPv4.
     */
    static String asFirewallAddress(String remoteAddress) {
        if (remoteAddress == null || remoteAddress.isBlank()) {
            return LOOPBACK;
        }
        String address = remoteAddress.strip();
        if (address.equals("::1") || address.equals("0:0:0:0:0:0:0:1")) {
            return LOOPBACK;
        }
        String lower = address.toLowerCase(Locale.ROOT);
        for (String mapped : new String[] {"::ffff:", "0:0:0:0:0:ffff:"}) {
            if (lower.startsWith(mapped) && lower.indexOf('.') > 0) {
                return address.substring(mapped.length());
            }
        }
        return address;
    }
}
