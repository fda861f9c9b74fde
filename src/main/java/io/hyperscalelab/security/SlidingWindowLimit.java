package io.hyperscalelab.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most {@code limit} events per key within a sliding {@code window}, e.g. failed sign-ins or lab
 * launches per client address. Kept in memory: a restart forgives, which is acceptable for a brake
 * (the accounts themselves are in the state database). Keys whose events have all expired are
 * dropped once the map grows, so an attacker cycling addresses cannot grow it without bound.
 */
final class SlidingWindowLimit {

    private static final int PURGE_ABOVE = 10_000;

    private final int limit;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Deque<Instant>> events = new ConcurrentHashMap<>();

    SlidingWindowLimit(int limit, Duration window, Clock clock) {
        this.limit = limit;
        this.window = window;
        this.clock = clock;
    }

    /** When {@code key} may act again, or empty if it may now. */
    Optional<Instant> blockedUntil(String key) {
        Instant now = clock.instant();
        Instant[] until = {null};
        events.computeIfPresent(key, (k, d) -> {
            Deque<Instant> recent = expire(d, now);
            if (recent.size() >= limit) {
                until[0] = recent.peekFirst().plus(window);
            }
            return recent.isEmpty() ? null : recent;
        });
        return Optional.ofNullable(until[0]);
    }

    void record(String key) {
        Instant now = clock.instant();
        events.compute(key, (k, d) -> {
            Deque<Instant> recent = d == null ? new ArrayDeque<>() : expire(d, now);
            recent.addLast(now);
            while (recent.size() > limit) {
                recent.removeFirst();
            }
            return recent;
        });
        purgeIfLarge(now);
    }

    /** Records an event unless the key is already at its limit; true when it was recorded. */
    boolean tryRecord(String key) {
        Instant now = clock.instant();
        boolean[] recorded = {false};
        events.compute(key, (k, d) -> {
            Deque<Instant> recent = d == null ? new ArrayDeque<>() : expire(d, now);
            if (recent.size() < limit) {
                recent.addLast(now);
                recorded[0] = true;
            }
            return recent;
        });
        purgeIfLarge(now);
        return recorded[0];
    }

    private Deque<Instant> expire(Deque<Instant> recent, Instant now) {
        Instant horizon = now.minus(window);
        while (!recent.isEmpty() && !recent.peekFirst().isAfter(horizon)) {
            recent.removeFirst();
        }
        return recent;
    }

    private void purgeIfLarge(Instant now) {
        if (events.size() > PURGE_ABOVE) {
            events.replaceAll((k, d) -> expire(d, now));
            events.values().removeIf(Deque::isEmpty);
        }
    }
}
