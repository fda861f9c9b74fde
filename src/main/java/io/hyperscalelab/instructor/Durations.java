package io.hyperscalelab.instructor;

import java.time.Duration;
import java.time.Instant;

/** Times in the words the dashboard uses: "2 h 15 min", "3 min ago", "just now". */
final class Durations {

    private Durations() {
    }

    static String length(Duration duration) {
        long minutes = Math.max(0, duration.toMinutes());
        if (minutes < 60) {
            return minutes + " min";
        }
        if (minutes % 60 == 0) {
            return minutes / 60 + " h";
        }
        return minutes / 60 + " h " + minutes % 60 + " min";
    }

    /** How long ago {@code then} was; "never" when it was not at all. */
    static String ago(Instant then, Instant now) {
        if (then == null) {
            return "never";
        }
        Duration since = Duration.between(then, now);
        if (since.compareTo(Duration.ofMinutes(1)) < 0) {
            return "just now";
        }
        return length(since) + " ago";
    }

    /** The time left until {@code end}, or that it is up. */
    static String left(Instant end, Instant now) {
        Duration left = Duration.between(now, end);
        return left.isNegative() || left.isZero() ? "Lab time is up" : length(left) + " left";
    }
}
