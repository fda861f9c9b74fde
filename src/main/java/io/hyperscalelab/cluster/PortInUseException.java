package io.hyperscalelab.cluster;

/**
 * A server could not listen on its port because another process holds it: the port was free
 * when it was chosen and taken before the server bound it. Worth another port, not a failure.
 */
class PortInUseException extends ClusterException {

    PortInUseException(String message, Throwable cause) {
        super(message, cause);
    }
}
