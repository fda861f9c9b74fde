package io.hyperscalelab.data;

/**
 * The lab's time window: GitHub Archive's 2016-12-01, 05:00:00 to 08:59:59. Times are seconds
 * since 05:00, formatted by hand because this runs once or twice per row.
 */
final class LabTime {

    static final int WINDOW_SECONDS = 4 * 3600;
    static final int FIRST_HOUR = 5;

    private LabTime() {
    }

    /** {@code 2016-12-01 05:00:00}, the text COPY reads into a timestamp column. */
    static void appendTimestamp(int second, StringBuilder out) {
        out.append("2016-12-01 ");
        appendClock(second, out);
    }

    /** {@code 2016-12-01T05:00:00Z}, how GitHub's API writes times inside payloads. */
    static void appendIso(int second, StringBuilder out) {
        out.append("2016-12-01T");
        appendClock(second, out);
        out.append('Z');
    }

    static int hourIndex(int second) {
        return second / 3600;
    }

    private static void appendClock(int second, StringBuilder out) {
        if (second < 0 || second >= WINDOW_SECONDS) {
            throw new IllegalArgumentException("Second " + second + " is outside the lab's four hours");
        }
        int hour = FIRST_HOUR + second / 3600;
        int minute = second / 60 % 60;
        int sec = second % 60;
        twoDigits(hour, out).append(':');
        twoDigits(minute, out).append(':');
        twoDigits(sec, out);
    }

    private static StringBuilder twoDigits(int value, StringBuilder out) {
        return out.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }
}
