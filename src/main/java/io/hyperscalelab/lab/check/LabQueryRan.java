package io.hyperscalelab.lab.check;

import io.hyperscalelab.breakdown.Measures;
import io.hyperscalelab.breakdown.RanStatement;
import io.hyperscalelab.execution.Breakdown;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * Exercise 4: one of the lab's queries ran through the portal (Cloud Shell's psql or the query
 * editor), as the group's breakdown history shows. A real psql of the learner's own talks to the
 * coordinator directly, and the portal cannot see its statements.
 */
final class LabQueryRan implements StepCheck {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    private final LabQuery query;
    private final LabStep step;

    LabQueryRan(LabQuery query) {
        this.query = query;
        this.step = new LabStep(query.stepId(), "exercise-4", query.title(),
                "The query ran in Cloud Shell's psql or in the query editor, through the distributed executor.");
    }

    @Override
    public LabStep step() {
        return step;
    }

    @Override
    public CheckResult check(CheckSession session) {
        return latest(session).map(ran -> CheckResult.passed("Ran in " + ran.source() + " at " + TIME.format(ran.at()) + ": "
                        + describe(ran.breakdown())))
                .orElseGet(() -> CheckResult.notYet("Not run yet: run it in Cloud Shell's psql or in the query editor."));
    }

    Optional<RanStatement> latest(CheckSession session) {
        return session.recent().stream().filter(ran -> query.matches(ran.sql())).findFirst();
    }

    /** {@code multi-shard, 32 tasks on 2 workers, 41 ms}. */
    static String describe(Breakdown breakdown) {
        int workers = breakdown.workers().size();
        return breakdown.path().label() + ", " + Measures.tasks(breakdown.tasks().size()) + " on " + workers
                + (workers == 1 ? " worker, " : " workers, ") + Measures.millis(breakdown.wallMillis());
    }
}
