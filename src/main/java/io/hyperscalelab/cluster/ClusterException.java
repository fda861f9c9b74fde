package io.hyperscalelab.cluster;

/** A server group operation failed; the message is written for the person who asked for it. */
public class ClusterException extends RuntimeException {

    public ClusterException(String message) {
        super(message);
    }

    public ClusterException(String message, Throwable cause) {
        super(message, cause);
    }
}
