package io.hyperscalelab.cluster;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cluster the portal uses: the real Citus cluster {@code hyperscale.citus.url} names, when it
 * is configured and usable, else the embedded cluster. A configured cluster that cannot be used
 * (a wrong URL, a refused connection, no citus extension, a Citus too old, ...) is reported in
 * the log and on the settings page, and the embedded cluster keeps serving the portal;
 * {@link #check()} looks again, e.g. once the Citus cluster has started.
 */
public final class ActiveCluster implements ServerGroups, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ActiveCluster.class);

    private final EmbeddedCluster embedded;
    private final CitusProperties citus;
    private final ClusterProperties properties;
    private volatile ServerGroups current;
    private volatile RealCitusCluster real;
    private volatile CitusHealth health;

    public ActiveCluster(EmbeddedCluster embedded, CitusProperties citus, ClusterProperties properties) {
        this.embedded = embedded;
        this.citus = citus;
        this.properties = properties;
        this.current = embedded;
        check();
    }

    /**
     * Checks the configured Citus cluster again and uses it if it is usable, the embedded cluster
     * if not; nothing changes when no Citus cluster is configured.
     */
    public synchronized void check() {
        if (!citus.configured()) {
            return;
        }
        CitusUrl url;
        try {
            url = CitusUrl.parse(citus.url(), citus.username(), citus.password());
        } catch (ClusterException e) {
            use(null, CitusHealth.failed(CitusUrl.redacted(citus.url()), e.getMessage()));
            return;
        }
        CitusHealth found = CitusProbe.check(url, citus.connectTimeoutSeconds());
        if (!found.healthy()) {
            use(null, found);
            return;
        }
        try {
            use(real != null && real.url().equals(url) ? real : new RealCitusCluster(url, citus.connectTimeoutSeconds(), properties),
                    found);
        } catch (ClusterException e) {
            use(null, CitusHealth.failed(url.endpoint(), e.getMessage()));
        }
    }

    /** The configured Citus cluster as last checked; empty when none is configured. */
    public Optional<CitusHealth> citusHealth() {
        return Optional.ofNullable(health);
    }

    private void use(RealCitusCluster cluster, CitusHealth found) {
        if (real != null && real != cluster) {
            real.close();
        }
        real = cluster;
        health = found;
        current = cluster != null ? cluster : embedded;
        if (cluster != null) {
            log.info("Server groups live on the real Citus cluster {}: Citus {}, PostgreSQL {}, {} worker(s)", found.endpoint(),
                    found.citusVersion(), found.postgresVersion(), found.workers().size());
        } else {
            log.error("The Citus cluster set by hyperscale.citus.url cannot be used: {} The embedded cluster serves the "
                    + "portal instead; the portal's settings page shows this too.", found.problem());
        }
    }

    @Override
    public ClusterKind kind() {
        return current.kind();
    }

    @Override
    public LearnerEndpoint learnerEndpoint(String name) {
        return current.learnerEndpoint(name);
    }

    @Override
    public OptionalInt fixedWorkerCount() {
        return current.fixedWorkerCount();
    }

    @Override
    public List<ServerGroup> groups() {
        return current.groups();
    }

    @Override
    public Optional<ServerGroup> group(String name) {
        return current.group(name);
    }

    @Override
    public Map<ServerGroupNode, NodeStatus> status(String name) {
        return current.status(name);
    }

    @Override
    public List<Integer> availablePostgresVersions() {
        return current.availablePostgresVersions();
    }

    @Override
    public SourceAddresses sourceAddresses() {
        return current.sourceAddresses();
    }

    @Override
    public ServerGroup create(ServerGroupSpec spec) {
        return current.create(spec);
    }

    @Override
    public void delete(String name) {
        current.delete(name);
    }

    @Override
    public ServerGroup replaceFirewall(String name, Firewall firewall) {
        return current.replaceFirewall(name, firewall);
    }

    @Override
    public void resetAdminPassword(String name, String newPassword) {
        current.resetAdminPassword(name, newPassword);
    }

    @Override
    public LearnerCredentials learnerCredentials(String name) {
        return current.learnerCredentials(name);
    }

    @Override
    public Connection learnerConnection(String name, String sourceAddress, Properties options) throws SQLException {
        return current.learnerConnection(name, sourceAddress, options);
    }

    @Override
    public void touch(String name) {
        current.touch(name);
    }

    @Override
    public void wake(String name) {
        current.wake(name);
    }

    @Override
    public Optional<ServerGroup> groupOfLearner(int serverPort, String database, String user) {
        return current.groupOfLearner(serverPort, database, user);
    }

    /** Closes the Citus cluster's connections; the embedded cluster is closed on its own. */
    @Override
    public synchronized void close() {
        if (real != null) {
            real.close();
        }
    }
}
