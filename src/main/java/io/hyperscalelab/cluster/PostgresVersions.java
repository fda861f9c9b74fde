package io.hyperscalelab.cluster;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The PostgreSQL major versions a server group can run, and for each its binaries and node
 * templates, installed on first use: a machine whose groups all run 18 never unpacks 17.
 */
final class PostgresVersions {

    private final ClusterProperties properties;
    private final ServerUser user;
    // read without a lock: a status poll must not wait while another version is being unpacked
    private final Map<Integer, PostgresBinaries> binaries = new ConcurrentHashMap<>();
    private final Map<Integer, NodeTemplates> templates = new ConcurrentHashMap<>();

    PostgresVersions(ClusterProperties properties, ServerUser user) {
        this.properties = properties;
        this.user = user;
    }

    List<Integer> available() {
        return List.copyOf(PostgresBinaries.shipped().keySet());
    }

    int defaultVersion() {
        return PostgresBinaries.defaultMajorVersion();
    }

    /** The binaries of a major version, unpacked now if need be; a clear error naming the others if it is not shipped. */
    PostgresBinaries binaries(int majorVersion) {
        PostgresBinaries installed = binaries.get(majorVersion);
        if (installed != null) {
            return installed;
        }
        synchronized (this) {
            return binaries.computeIfAbsent(majorVersion, major -> PostgresBinaries.install(properties.dataDirectory(), major));
        }
    }

    NodeTemplates templates(int majorVersion) {
        PostgresBinaries forVersion = binaries(majorVersion);
        return templates.computeIfAbsent(majorVersion, major -> new NodeTemplates(forVersion, user, properties));
    }
}
