package io.hyperscalelab.cluster;

/**
 * One server of a group.
 *
 * @param name the Azure-style node name shown in the portal: {@code <group>-c}, {@code <group>-w0}, ...
 * @param host where it listens: the loopback address for the embedded cluster's own servers, the
 *             host a real Citus cluster names
 * @param port the port it listens on
 */
public record ServerGroupNode(String name, NodeRole role, String host, int port) {

    /** Where the embedded cluster's servers listen. */
    public static final String LOOPBACK = "127.0.0.1";

    public ServerGroupNode {
        if (host == null) {
            host = LOOPBACK;    // group.json from before nodes had a host
        }
    }

    /** A server of this machine, on the loopback address. */
    public ServerGroupNode(String name, NodeRole role, int port) {
        this(name, role, LOOPBACK, port);
    }
}
