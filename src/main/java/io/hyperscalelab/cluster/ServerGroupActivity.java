package io.hyperscalelab.cluster;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When each server group was last used through the product (a blade opened, a connection
 * made, a session seen on one of its nodes), so that groups nobody uses can be stopped. A group
 * not seen yet counts as used when this app started, so every group gets a whole idle period
 * after a restart.
 */
final class ServerGroupActivity {

    private final Clock clock;
    private final Instant since;
    private final Map<String, Instant> lastUsed = new ConcurrentHashMap<>();

    ServerGroupActivity(Clock clock) {
        this.clock = clock;
        this.since = clock.instant();
    }

    void record(String group) {
        lastUsed.put(group, clock.instant());
    }

    Instant lastUsed(String group) {
        return lastUsed.getOrDefault(group, since);
    }

    Duration idleFor(String group) {
        return Duration.between(lastUsed(group), clock.instant());
    }

    void forget(String group) {
        lastUsed.remove(group);
    }
}
