package io.hyperscalelab.data;

/**
 * How many rows each file gets. {@link #LAB} is the quickstart's own download; {@link #ofEvents}
 * scales the users with the events so that the share of users who appear in events stays the
 * lab's.
 */
public record DatasetSize(int users, int events) {

    /** The row counts COPY reports in the lab: {@code COPY 264308} and {@code COPY 126245}. */
    public static final DatasetSize LAB = new DatasetSize(264_308, 126_245);

    /** Below this the bots would crowd the ids and there would be no long tail of users. */
    public static final int MIN_USERS = 1_000;

    public DatasetSize {
        if (users < MIN_USERS) {
            throw new IllegalArgumentException("A dataset needs at least " + MIN_USERS + " users, not " + users);
        }
        if (events < 0) {
            throw new IllegalArgumentException("The number of events cannot be negative: " + events);
        }
    }

    /** {@code events} events and users in the lab's proportion; exactly {@link #LAB} at the lab's count. */
    public static DatasetSize ofEvents(int events) {
        long users = ((long) events * LAB.users() + LAB.events() / 2) / LAB.events();
        if (users > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("Too many events for one dataset: " + events);
        }
        return new DatasetSize((int) Math.max(MIN_USERS, users), events);
    }
}
