package io.hyperscalelab.breakdown;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The last statements that ran on each server group's shards, newest first, from the query
 * editor and the Cloud Shell: what the lab guide's "see how your query ran" opens. A lab's
 * server group is its learner's, so this is each learner's history. Kept in memory only, and
 * only statements with tasks (a catalog query of psql's {@code \d} or a SET has nothing to show).
 *
 * <p>Whoever wants to know when a learner acts on a group (the lab guide's self-checks) listens
 * here: every statement is announced, with tasks or without (a CREATE TABLE too).
 */
@Component
public class BreakdownHistory {

    /** Statements kept per server group. */
    public static final int KEPT = 20;

    private static final Logger log = LoggerFactory.getLogger(BreakdownHistory.class);

    private final Map<String, Deque<RanStatement>> byGroup = new ConcurrentHashMap<>();
    private final Map<String, Set<Consumer<RanStatement>>> listeners = new ConcurrentHashMap<>();

    public void record(String serverGroup, RanStatement statement) {
        if (!statement.breakdown().tasks().isEmpty()) {
            Deque<RanStatement> recent = byGroup.computeIfAbsent(serverGroup, g -> new ArrayDeque<>());
            synchronized (recent) {
                recent.addFirst(statement);
                while (recent.size() > KEPT) {
                    recent.removeLast();
                }
            }
        }
        for (Consumer<RanStatement> listener : listeners.getOrDefault(serverGroup, Set.of())) {
            try {
                listener.accept(statement);
            } catch (RuntimeException e) {
                // a listener's trouble is its own: the learner's statement has run all the same
                log.warn("A listener of {}'s statements failed: {}", serverGroup, e.toString());
            }
        }
    }

    /** Newest first. */
    public List<RanStatement> recent(String serverGroup) {
        Deque<RanStatement> recent = byGroup.get(serverGroup);
        if (recent == null) {
            return List.of();
        }
        synchronized (recent) {
            return List.copyOf(recent);
        }
    }

    public Optional<RanStatement> latest(String serverGroup) {
        return recent(serverGroup).stream().findFirst();
    }

    /**
     * Calls {@code listener} with every statement that runs on the group from now on, on the
     * thread that ran it (so it must be quick); the returned action stops that.
     */
    public Runnable listen(String serverGroup, Consumer<RanStatement> listener) {
        listeners.compute(serverGroup, (g, set) -> {
            Set<Consumer<RanStatement>> group = set == null ? new CopyOnWriteArraySet<>() : set;
            group.add(listener);
            return group;
        });
        return () -> listeners.computeIfPresent(serverGroup, (g, set) -> {
            set.remove(listener);
            return set.isEmpty() ? null : set;
        });
    }
}
