package io.hyperscalelab.execution;

import java.text.NumberFormat;
import java.time.Duration;
import java.util.Locale;

/**
 * What one learner's statement may take from the machine all learners share: how long it may
 * run, whatever the learner's own {@code statement_timeout} says, and how many rows it may return.
 * A statement stopped by either gets an error that names the limit, its value and its property.
 */
record StatementLimits(Duration timeout, int maxRows) {

    static final String TIMEOUT_PROPERTY = "hyperscale.executor.statement-timeout";
    static final String ROWS_PROPERTY = "hyperscale.executor.max-result-rows";

    StatementException timedOut() {
        return new StatementException("canceling statement: it ran longer than the portal's limit of " + words(timeout)
                + " per statement", "57014",
                "Every learner's statements share this machine, so the portal stops any statement after " + words(timeout)
                        + " (" + TIMEOUT_PROPERTY + "). An open transaction was rolled back.",
                "Narrow the statement down (WHERE, LIMIT, an index), or ask your instructor to raise the limit.", 0, null, null);
    }

    StatementException tooManyRows(int rows) {
        return new StatementException("the statement returned " + count(rows) + " rows, more than the portal's limit of "
                + count(maxRows) + " rows per statement", "54000",
                "No rows are shown. The limit is " + ROWS_PROPERTY + "; whatever the statement changed stays changed.",
                "Narrow the query down with WHERE or LIMIT, or aggregate it.", 0, null, null);
    }

    static String words(Duration duration) {
        if (duration.toMillis() % 60_000 == 0) {
            long minutes = duration.toMinutes();
            return minutes + (minutes == 1 ? " minute" : " minutes");
        }
        if (duration.toMillis() % 1000 == 0) {
            long seconds = duration.toSeconds();
            return seconds + (seconds == 1 ? " second" : " seconds");
        }
        return duration.toMillis() + " ms";
    }

    private static String count(int n) {
        return NumberFormat.getIntegerInstance(Locale.ENGLISH).format(n);
    }
}
