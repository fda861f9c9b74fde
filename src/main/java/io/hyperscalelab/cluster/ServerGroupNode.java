package io.hyperscalelab.cluster;

/**
 * One server of a group.
 *
 * @param name the Azure-style node name shown in the portal: {@code <group>-c}, {@code <group>-w0}, ...
 * @param port the loopback port it listens on
 */
public record ServerGroupNode(String name, NodeRole role, int port) {

    public String host() {
        return "127.0.0.1";
    }
}
