package io.hyperscalelab.shell;

import java.util.Locale;

/**
 * curl's default progress meter (libcurl's progress.c): a two-line header, then one line redrawn
 * with a carriage return at most once a second, and the final line with a newline.
 */
final class ProgressMeter {

    private static final String HEADER = "  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n"
            + "                                 Dload  Upload   Total   Spent    Left  Speed\n";
    private static final long SECOND = 1_000_000_000L;

    private final TerminalOutput out;
    private long total;
    private final long started = System.nanoTime();
    private long lastDrawn;

    ProgressMeter(TerminalOutput out, long total) {
        this.out = out;
        this.total = total;
        // before the response arrives curl knows no size yet
        out.write(HEADER + line(0, 0, 0));
        lastDrawn = started;
    }

    /** The size, once the response says it. */
    void total(long size) {
        total = size;
    }

    /** Redraws the line when a second has passed since the last time. */
    void update(long received) {
        long now = System.nanoTime();
        if (now - lastDrawn >= SECOND) {
            lastDrawn = now;
            out.write(line(received, now - started, total));
        }
    }

    void finish(long received) {
        out.write(line(received, System.nanoTime() - started, total) + "\n");
    }

    private static String line(long received, long elapsedNanos, long total) {
        long percent = total > 0 ? received * 100 / total : 0;
        long speed = elapsedNanos > 0 ? (long) (received / (elapsedNanos / 1e9)) : 0;
        long spent = elapsedNanos / SECOND;
        long expected = speed > 0 && total > 0 ? total / speed : 0;
        long left = Math.max(0, expected - spent);
        return String.format(Locale.ROOT, "\r%3d %s  %3d %s  %3d %s  %s  %s %s %s %s %s", percent, max5(total), percent,
                max5(received), 0, max5(0), max5(speed), max5(0), time(expected), time(spent), time(left), max5(speed));
    }

    /** libcurl's max5data: a size in at most five characters. */
    static String max5(long bytes) {
        long kb = 1024;
        long mb = kb * 1024;
        long gb = mb * 1024;
        if (bytes < 100_000) {
            return String.format(Locale.ROOT, "%5d", bytes);
        }
        if (bytes < 10_000 * kb) {
            return String.format(Locale.ROOT, "%4dk", bytes / kb);
        }
        if (bytes < 100 * mb) {
            return String.format(Locale.ROOT, "%2d.%dM", bytes / mb, (bytes % mb) / (mb / 10));
        }
        if (bytes < 10_000 * mb) {
            return String.format(Locale.ROOT, "%4dM", bytes / mb);
        }
        if (bytes < 100 * gb) {
            return String.format(Locale.ROOT, "%2d.%dG", bytes / gb, (bytes % gb) / (gb / 10));
        }
        return String.format(Locale.ROOT, "%4dG", bytes / gb);
    }

    /** libcurl's time2str: {@code H:MM:SS}, or dashes when unknown. */
    static String time(long seconds) {
        if (seconds <= 0) {
            return "--:--:--";
        }
        long h = seconds / 3600;
        if (h <= 99) {
            long m = (seconds - h * 3600) / 60;
            long s = seconds - h * 3600 - m * 60;
            return String.format(Locale.ROOT, "%2d:%02d:%02d", h, m, s);
        }
        long d = seconds / 86400;
        h = (seconds - d * 86400) / 3600;
        return d <= 999 ? String.format(Locale.ROOT, "%3dd %02dh", d, h) : String.format(Locale.ROOT, "%7dd", d);
    }
}
