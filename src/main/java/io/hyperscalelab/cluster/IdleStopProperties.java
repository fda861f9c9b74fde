package io.hyperscalelab.cluster;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * When server groups nobody uses are stopped: {@code hyperscale.cluster.idle-stop-after}, 30
 * minutes unless set; 0 never stops them. A stopped group starts again on the learner's next
 * action, so the setting trades the first action's wait (a couple of seconds) for the memory
 * and processes of groups left alone.
 */
@ConfigurationProperties("hyperscale.cluster")
public record IdleStopProperties(Duration idleStopAfter) {

    public static final Duration DEFAULT = Duration.ofMinutes(30);

    public IdleStopProperties {
        if (idleStopAfter == null) {
            idleStopAfter = DEFAULT;
        }
        if (idleStopAfter.isNegative()) {
            throw new IllegalArgumentException("hyperscale.cluster.idle-stop-after cannot be negative: " + idleStopAfter);
        }
    }

    public boolean enabled() {
        return !idleStopAfter.isZero();
    }

    /** How often groups are looked at: a quarter of the idle time, between 200 ms and a minute. */
    public Duration checkEvery() {
        Duration quarter = idleStopAfter.dividedBy(4);
        Duration floor = Duration.ofMillis(200);
        Duration ceiling = Duration.ofMinutes(1);
        return quarter.compareTo(floor) < 0 ? floor : quarter.compareTo(ceiling) > 0 ? ceiling : quarter;
    }
}
