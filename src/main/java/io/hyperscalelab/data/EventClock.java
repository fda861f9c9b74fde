package io.hyperscalelab.data;

/**
 * When each event happened. Events are spread over the lab's four hours in the proportions of
 * the lab's commits-per-hour answer (quiet at 05:00, busiest at 06:00, then tailing off), with
 * a seeded wobble per minute so the per-minute query doesn't draw steps. Times never decrease
 * with the event's position, so event ids grow with created_at as GitHub's do.
 */
final class EventClock {

    /** The lab's {@code num_commits} per hour, 05:00 to 08:00; only their ratios matter. */
    private static final double[] HOUR_WEIGHTS = {22_160, 53_562, 46_540, 35_002};

    private static final int MINUTES = LabTime.WINDOW_SECONDS / 60;

    private final long seed;
    /** minuteEnds[m] = how many events happen before the end of minute m. */
    private final long[] minuteEnds = new long[MINUTES];

    EventClock(long seed, long events) {
        this.seed = seed;
        double[] cumulative = new double[MINUTES];
        double total = 0;
        for (int m = 0; m < MINUTES; m++) {
            double wobble = 0.8 + 0.4 * Mix.unit(Mix.hash(seed, 50, m));
            total += HOUR_WEIGHTS[m / 60] * wobble;
            cumulative[m] = total;
        }
        for (int m = 0; m < MINUTES; m++) {
            minuteEnds[m] = Math.round(events * cumulative[m] / total);
        }
        minuteEnds[MINUTES - 1] = events;
    }

    /** Seconds since 05:00 of event {@code index}, 0 <= index < events. */
    int second(long index) {
        int minute = firstMinuteEndingAfter(index);
        long first = minute == 0 ? 0 : minuteEnds[minute - 1];
        long inMinute = minuteEnds[minute] - first;
        double jitter = Mix.unit(Mix.hash(seed, 51, index));
        int offset = (int) ((index - first + jitter) * 60 / inMinute);
        return minute * 60 + Math.min(59, offset);
    }

    private int firstMinuteEndingAfter(long index) {
        int low = 0;
        int high = MINUTES - 1;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (minuteEnds[middle] > index) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        return low;
    }
}
