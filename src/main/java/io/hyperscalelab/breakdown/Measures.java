package io.hyperscalelab.breakdown;

import java.util.Locale;

/** Times, counts and sizes as the breakdown shows them, the same in the chart, the task table and the editor. */
public final class Measures {

    private Measures() {
    }

    /** {@code 0.42 ms}, {@code 3.1 ms}, {@code 45 ms}, {@code 1,204 ms}: two significant digits at least, none invented. */
    public static String millis(double ms) {
        if (ms < 1) {
            return String.format(Locale.ROOT, "%.2f ms", ms);
        }
        if (ms < 10) {
            return String.format(Locale.ROOT, "%.1f ms", ms);
        }
        return count(Math.round(ms)) + " ms";
    }

    /** {@code 1,234}. */
    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** {@code 1 row}, {@code 1,234 rows}. */
    public static String rows(long n) {
        return count(n) + (n == 1 ? " row" : " rows");
    }

    /** {@code 1 task}, {@code 32 tasks}. */
    public static String tasks(long n) {
        return count(n) + (n == 1 ? " task" : " tasks");
    }

    /** {@code 980 B}, {@code 12.3 kB}, {@code 4.5 MB}. */
    public static String bytes(long n) {
        if (n < 1000) {
            return n + " B";
        }
        if (n < 1_000_000) {
            return String.format(Locale.ROOT, "%.1f kB", n / 1000.0);
        }
        return String.format(Locale.ROOT, "%.1f MB", n / 1_000_000.0);
    }
}
