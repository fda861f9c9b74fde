package io.hyperscalelab.load;

import java.util.ArrayList;
import java.util.List;

/**
 * Where one load's time went, phase by phase (logged at DEBUG by the loader): the fixed costs
 * of a small file (metadata, connections, two-phase commit) against the streaming itself.
 */
final class LoadTimings {

    private final long start = System.nanoTime();
    private long last = start;
    private final List<String> phases = new ArrayList<>();

    /** Ends the current phase under {@code name}. */
    void phase(String name) {
        long now = System.nanoTime();
        phases.add(name + " " + millis(now - last));
        last = now;
    }

    @Override
    public String toString() {
        return millis(System.nanoTime() - start) + " ms (" + String.join(", ", phases) + ")";
    }

    private static String millis(long nanos) {
        return String.format("%.1f", nanos / 1e6);
    }
}
