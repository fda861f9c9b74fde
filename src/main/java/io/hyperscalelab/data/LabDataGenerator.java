package io.hyperscalelab.data;

import java.io.IOException;
import java.io.OutputStream;

/**
 * The lab's {@code users.csv} and {@code events.csv}, made up from a seed instead of downloaded
 * from examples.citusdata.com, which an offline machine cannot reach. Rows have the lab's
 * columns, counts, time window and query shapes (commits per hour, top repository creators,
 * the 2022 quickstart's user 3861633); the same seed and size always give the same bytes.
 */
public final class LabDataGenerator {

    /** What to tell a learner who wonders where the data came from. */
    public static final String SYNTHETIC_NOTICE = "Hyperscale Lab generated this data offline; "
            + "it imitates the lab's GitHub Archive files (2016-12-01) but is synthetic.";

    /** The seed the product uses, so every learner sees the same answers. */
    public static final long DEFAULT_SEED = 20_161_201L;

    /**
     * Changes whenever the same seed and size would give different bytes, so caches of files
     * written by an older generator are not mistaken for current ones.
     */
    public static final int FORMAT_VERSION = 1;

    private final long seed;

    public LabDataGenerator(long seed) {
        this.seed = seed;
    }

    public long seed() {
        return seed;
    }

    /** Writes the github_users rows; flushes but does not close {@code out}. */
    public void writeUsers(DatasetSize size, OutputStream out) throws IOException {
        new UserRows(seed).writeTo(size, out);
    }

    /** Writes the github_events rows; flushes but does not close {@code out}. */
    public void writeEvents(DatasetSize size, OutputStream out) throws IOException {
        new EventStream(seed, size).writeTo(out);
    }
}
