package io.hyperscalelab.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The throttle's rules, on a clock the test moves. */
class SignInThrottleTest {

    /** A clock that stands still until the test moves it. */
    private static final class TestClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T10:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    private final TestClock clock = new TestClock();
    private final SignInThrottle throttle = new SignInThrottle(
            new SignInProperties(3, Duration.ofMinutes(1), 10, Duration.ofMinutes(15), 0, null, null), clock);

    @Test
    void anAccountIsLockedAfterRepeatedFailuresAndLongerForEachFurtherOne() {
        for (int i = 0; i < 2; i++) {
            throttle.failed("a@x.io", "10.0.0.1");
        }
        assertThat(throttle.lockedUntil("a@x.io", "10.0.0.1")).isEmpty();
        throttle.failed("a@x.io", "10.0.0.1");
        assertThat(throttle.lockedUntil("a@x.io", "10.0.0.2")).hasValue(clock.instant().plus(Duration.ofMinutes(1)));

        clock.advance(Duration.ofMinutes(1));
        assertThat(throttle.lockedUntil("a@x.io", "10.0.0.1")).isEmpty();
        throttle.failed("a@x.io", "10.0.0.1");
        assertThat(throttle.lockedUntil("a@x.io", "10.0.0.1")).hasValue(clock.instant().plus(Duration.ofMinutes(2)));
    }

    @Test
    void aSuccessClearsTheAccountsCount() {
        throttle.failed("a@x.io", "10.0.0.1");
        throttle.failed("a@x.io", "10.0.0.1");
        throttle.succeeded("a@x.io");
        throttle.failed("a@x.io", "10.0.0.1");

        assertThat(throttle.lockedUntil("a@x.io", "10.0.0.1")).isEmpty();
    }

    @Test
    void oneAddressTryingManyAccountsIsRefusedUntilItsWindowHasPassed() {
        for (int i = 0; i < 10; i++) {
            throttle.failed("user" + i + "@x.io", "10.0.0.9");
            clock.advance(Duration.ofSeconds(10));
        }

        assertThat(throttle.lockedUntil("fresh@x.io", "10.0.0.9")).isPresent();
        assertThat(throttle.lockedUntil("fresh@x.io", "10.0.0.8")).isEmpty();
        clock.advance(Duration.ofMinutes(15));
        assertThat(throttle.lockedUntil("fresh@x.io", "10.0.0.9")).isEmpty();
    }

    @Test
    void launchesAreCappedPerAddressWithinTheirWindow() {
        SlidingWindowLimit launches = new SlidingWindowLimit(2, Duration.ofHours(1), clock);

        assertThat(launches.tryRecord("10.0.0.1")).isTrue();
        assertThat(launches.tryRecord("10.0.0.1")).isTrue();
        assertThat(launches.tryRecord("10.0.0.1")).isFalse();
        assertThat(launches.tryRecord("10.0.0.2")).isTrue();
        clock.advance(Duration.ofHours(1));
        assertThat(launches.tryRecord("10.0.0.1")).isTrue();
    }
}
