package io.hyperscalelab.psql;

import java.util.Locale;

/** psql's {@code \timing} line. */
final class Timing {

    private Timing() {
    }

    static String format(double ms) {
        if (ms < 1000.0) {
            return String.format(Locale.ROOT, "Time: %.3f ms", ms);
        }
        double seconds = ms / 1000.0;
        double minutes = Math.floor(seconds / 60.0);
        seconds -= 60.0 * minutes;
        if (minutes < 60.0) {
            return String.format(Locale.ROOT, "Time: %.3f ms (%02d:%06.3f)", ms, (int) minutes, seconds);
        }
        double hours = Math.floor(minutes / 60.0);
        minutes -= 60.0 * hours;
        if (hours < 24.0) {
            return String.format(Locale.ROOT, "Time: %.3f ms (%02d:%02d:%06.3f)", ms, (int) hours, (int) minutes, seconds);
        }
        double days = Math.floor(hours / 24.0);
        hours -= 24.0 * days;
        return String.format(Locale.ROOT, "Time: %.3f ms (%.0f d %02d:%02d:%06.3f)", ms, days, (int) hours, (int) minutes, seconds);
    }
}
