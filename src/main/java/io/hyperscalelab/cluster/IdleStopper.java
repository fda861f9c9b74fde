package io.hyperscalelab.cluster;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sweep that stops server groups nobody has used for {@link IdleStopProperties#idleStopAfter()}
 * (see {@link EmbeddedCluster#stopIfIdle}): every {@link IdleStopProperties#checkEvery()} it
 * looks at the running groups whose last activity is old enough. It does nothing when the
 * setting is 0.
 */
public final class IdleStopper implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(IdleStopper.class);

    private final EmbeddedCluster cluster;
    private final Duration idleAfter;
    private final ScheduledExecutorService scheduler;

    public IdleStopper(EmbeddedCluster cluster, IdleStopProperties properties) {
        this.cluster = cluster;
        this.idleAfter = properties.idleStopAfter();
        this.scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "idle-stop");
            thread.setDaemon(true);
            return thread;
        });
        if (properties.enabled()) {
            long period = properties.checkEvery().toMillis();
            scheduler.scheduleWithFixedDelay(this::sweep, period, period, TimeUnit.MILLISECONDS);
        }
    }

    /** One look at every running group; a failure on one group leaves the others to be looked at. */
    void sweep() {
        Instant threshold = Instant.now().minus(idleAfter);
        for (ServerGroup group : cluster.groups()) {
            if (!group.running() || cluster.lastActivity(group.name()).isAfter(threshold)) {
                continue;
            }
            try {
                cluster.stopIfIdle(group.name(), idleAfter);
            } catch (RuntimeException e) {
                log.warn("Server group {} could not be stopped for idleness: {}", group.name(), e.getMessage());
            }
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
