package io.hyperscalelab.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Locks an account after too many wrong passwords in a row, for a time that doubles with each
 * further failure (capped at an hour), the way Entra ID's smart lockout slows down guessing.
 * Attempts while locked are refused before the password is checked and do not extend the lock.
 */
final class AccountLockout {

    private static final Duration LONGEST = Duration.ofHours(1);

    private record Failures(int count, Instant lockedUntil) {
    }

    private final int maxFailures;
    private final Duration firstLock;
    private final Clock clock;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    AccountLockout(int maxFailures, Duration firstLock, Clock clock) {
        this.maxFailures = maxFailures;
        this.firstLock = firstLock;
        this.clock = clock;
    }

    Optional<Instant> lockedUntil(String username) {
        Failures f = failures.get(username);
        return f != null && f.lockedUntil() != null && f.lockedUntil().isAfter(clock.instant())
                ? Optional.of(f.lockedUntil()) : Optional.empty();
    }

    void failed(String username) {
        Instant now = clock.instant();
        failures.compute(username, (k, f) -> {
            int count = f == null ? 1 : f.count() + 1;
            if (count < maxFailures) {
                return new Failures(count, null);
            }
            Duration lock = firstLock.multipliedBy(1L << Math.min(count - maxFailures, 12));
            return new Failures(count, now.plus(lock.compareTo(LONGEST) > 0 ? LONGEST : lock));
        });
    }

    void succeeded(String username) {
        failures.remove(username);
    }
}
