package io.hyperscalelab.psql;

import java.net.InetSocketAddress;
import java.util.Optional;

/**
 * Name resolution for the Cloud Shell: which address and port answer for a host name
 * and port a learner typed. A name it does not know fails like an unknown DNS name.
 */
@FunctionalInterface
public interface HostDirectory {

    Optional<InetSocketAddress> resolve(String host, int port);

    /** Loopback addresses (127.0.0.0/8, ::1) and {@code localhost} only, at the port given. */
    static HostDirectory loopbackOnly() {
        return (host, port) -> {
            if (isLoopback(host)) {
                return Optional.of(InetSocketAddress.createUnresolved(host.equals("localhost") ? "127.0.0.1" : host, port));
            }
            return Optional.empty();
        };
    }

    /** 127.0.0.0/8, ::1 or {@code localhost}. */
    static boolean isLoopback(String host) {
        return host.equals("localhost") || host.equals("::1") || host.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    }
}
