package io.hyperscalelab.instructor;

import io.hyperscalelab.classroom.LearnerProgress;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BiPredicate;

/** The dashboard's status filter: which learners a choice keeps. */
enum LearnerFilter {
    ALL("All learners", (l, now) -> true),
    NOT_STARTED("Not started", (l, now) -> l.stepsDone().isEmpty() && l.lastActiveAt() == null),
    IN_PROGRESS("In progress", (l, now) -> !l.finished() && (l.lastActiveAt() != null || !l.stepsDone().isEmpty())),
    FINISHED("Finished", (l, now) -> l.finished()),
    GROUP_NOT_AVAILABLE("Server group not available", (l, now) -> l.groups().stream().anyMatch(g -> !g.available())),
    IDLE("Idle for 10 minutes or more", (l, now) -> l.lastActiveAt() == null
            || Duration.between(l.lastActiveAt(), now).compareTo(Duration.ofMinutes(10)) >= 0);

    private final String label;
    private final BiPredicate<LearnerProgress, Instant> keeps;

    LearnerFilter(String label, BiPredicate<LearnerProgress, Instant> keeps) {
        this.label = label;
        this.keeps = keeps;
    }

    boolean keeps(LearnerProgress learner, Instant now) {
        return keeps.test(learner, now);
    }

    @Override
    public String toString() {
        return label;
    }
}
