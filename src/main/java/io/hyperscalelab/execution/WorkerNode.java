package io.hyperscalelab.execution;

/**
 * A worker as the breakdown names it.
 *
 * @param nodeId its id in pg_dist_node
 * @param name   the portal's name for it (e.g. {@code lab-w0}), or {@code node <id>} when unknown
 */
public record WorkerNode(int nodeId, String name, String host, int port) {

    /** {@code host:port}, as error messages and the breakdown show it. */
    public String endpoint() {
        return host + ":" + port;
    }

    @Override
    public String toString() {
        return name + " (" + endpoint() + ")";
    }
}
