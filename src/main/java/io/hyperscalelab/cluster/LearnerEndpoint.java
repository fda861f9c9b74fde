package io.hyperscalelab.cluster;

/**
 * How a group's learner reaches its coordinator, as the Connection strings blade, the Overview and
 * the query editor name it.
 *
 * @param username the group's learner role: {@code citus} on the embedded cluster, the group's own
 *                 name on a real Citus cluster, where the groups share the coordinator
 * @param sslMode  what clients should ask for: {@code require} where the coordinator insists on TLS
 */
public record LearnerEndpoint(String host, int port, String database, String username, String sslMode) {

    /** {@code host:port}. */
    public String address() {
        return host + ":" + port;
    }
}
