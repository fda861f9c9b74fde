package io.hyperscalelab.cluster;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The PostgreSQL major versions a server group can run, and for each its binaries and node
 * templates, installed on first use: a machine whose groups all run 18 never unpacks 17.
 */
final class PostgresVersions {

    private final ClusterProperties properties;
    private final ServerUser user;
    private final Map<Integer, PostgresBinaries> binaries = new HashMap<>();
    private final Map<Integer, NodeTemplates> templates = new HashMap<>();

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
    synchronized PostgresBinaries binaries(int majorVersion) {
        return binaries.computeIfAbsent(majorVersion, major -> PostgresBinaries.install(properties.dataDirectory(), major));
    }

    synchronized NodeTemplates templates(int majorVersion) {
        PostgresBinaries forVersion = binaries(majorVersion);
        return templates.computeIfAbsent(majorVersion, major -> new NodeTemplates(forVersion, user, properties));
    }
}
