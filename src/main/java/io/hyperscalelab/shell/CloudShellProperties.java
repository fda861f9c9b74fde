package io.hyperscalelab.shell;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param address the Cloud Shell's address as the coordinators see it (connections come from it)
 *                and as {@code curl https://ifconfig.co} prints it: the address a learner's
 *                firewall rule must allow
 */
@ConfigurationProperties("hyperscale.cloudshell")
public record CloudShellProperties(String address) {

    public CloudShellProperties {
        if (address == null || address.isBlank()) {
            address = "127.0.0.3";
        }
        if (!address.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}")) {
            throw new IllegalArgumentException("hyperscale.cloudshell.address must be a loopback address (127.x.y.z), not " + address);
        }
    }
}
