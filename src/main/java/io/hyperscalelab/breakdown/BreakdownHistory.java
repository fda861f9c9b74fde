package io.hyperscalelab.breakdown;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The last statements that ran on each server group's shards, newest first, from the query
 * editor and the Cloud Shell: what the lab guide's "see how your query ran" opens. A lab's
 * server group is its learner's, so this is each learner's history. Kept in memory only, and
 * only statements with tasks (a catalog query of psql's {@code \d} or a SET has nothing to show).
 */
@Component
public class BreakdownHistory {

    /** Statements kept per server group. */
    public static final int KEPT = 20;

    private final Map<String, Deque<RanStatement>> byGroup = new ConcurrentHashMap<>();

    public void record(String serverGroup, RanStatement statement) {
        if (statement.breakdown().tasks().isEmpty()) {
            return;
        }
        Deque<RanStatement> recent = byGroup.computeIfAbsent(serverGroup, g -> new ArrayDeque<>());
        synchronized (recent) {
            recent.addFirst(statement);
            while (recent.size() > KEPT) {
                recent.removeLast();
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
}
