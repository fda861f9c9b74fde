package io.hyperscalelab.lab;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The lab as the side panel presents it.
 *
 * @param name     the title at the top of the panel
 * @param duration how long a lab runs from its start, for the countdown
 */
@ConfigurationProperties("hyperscale.lab")
public record LabProperties(String name, Duration duration) {

    public LabProperties {
        if (name == null || name.isBlank()) {
            name = "Introduction to Hyperscale (Citus) on Azure Database for PostgreSQL";
        }
        if (duration == null) {
            duration = Duration.ofHours(6);
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("hyperscale.lab.duration must be positive, not " + duration);
        }
    }
}
