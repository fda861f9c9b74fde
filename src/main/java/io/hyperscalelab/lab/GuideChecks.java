package io.hyperscalelab.lab;

import com.vaadin.flow.component.UI;
import io.hyperscalelab.breakdown.BreakdownHistory;
import io.hyperscalelab.lab.check.DoneStep;
import io.hyperscalelab.lab.check.LabCheckRunner;
import io.hyperscalelab.lab.check.LabStep;
import io.hyperscalelab.lab.check.LabSteps;
import io.hyperscalelab.lab.check.StepOutcome;
import io.hyperscalelab.security.Account;
import io.hyperscalelab.security.DeploymentId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The guide's self-checks for one learner in one browser tab: what each step's latest check
 * found and which steps are done. Checks run when the learner asks ("Check my work"), when a page
 * with steps is shown, and after each statement the learner runs on their group from the Cloud
 * Shell or the query editor (then only the steps not yet done). Rounds never overlap: what is
 * asked during one runs right after it, once. Everything here runs on the UI thread, under its
 * session lock; the checks themselves run on the {@link LabCheckRunner}'s threads.
 */
final class GuideChecks {

    private final LabCheckRunner runner;
    private final LabSteps steps;
    private final BreakdownHistory history;
    private final Account account;
    private final Map<String, DoneStep> done;
    private final Map<String, StepOutcome> latest = new HashMap<>();
    private final List<Runnable> changeListeners = new ArrayList<>();
    private final Set<String> checking = new LinkedHashSet<>();
    private final Set<String> asked = new LinkedHashSet<>();
    private Runnable stopListening;

    GuideChecks(LabCheckRunner runner, LabSteps steps, BreakdownHistory history, Account account) {
        this.runner = runner;
        this.steps = steps;
        this.history = history;
        this.account = account;
        this.done = new HashMap<>(runner.doneSteps(account));
    }

    LabCheckRunner runner() {
        return runner;
    }

    Account account() {
        return account;
    }

    Optional<LabStep> step(String id) {
        return steps.step(id);
    }

    boolean isDone(String stepId) {
        return done.containsKey(stepId);
    }

    /** A page is done when it has steps and all of them are. */
    boolean isPageDone(String pageId) {
        List<LabStep> onPage = steps.onPage(pageId);
        return !onPage.isEmpty() && onPage.stream().allMatch(s -> isDone(s.id()));
    }

    Optional<DoneStep> done(String stepId) {
        return Optional.ofNullable(done.get(stepId));
    }

    Optional<StepOutcome> latest(String stepId) {
        return Optional.ofNullable(latest.get(stepId));
    }

    boolean isChecking(String stepId) {
        return checking.contains(stepId) || asked.contains(stepId);
    }

    /** Called on the UI thread after every change of outcomes. */
    Runnable onChange(Runnable listener) {
        changeListeners.add(listener);
        return () -> changeListeners.remove(listener);
    }

    void checkPage(String pageId) {
        check(steps.onPage(pageId).stream().map(LabStep::id).toList());
    }

    /** Checks the steps now, or as soon as the round under way is over. */
    void check(Collection<String> stepIds) {
        if (stepIds.isEmpty()) {
            return;
        }
        asked.addAll(stepIds);
        changed();
        if (checking.isEmpty()) {
            startRound();
        }
    }

    /** Starts following the learner's statements on their group, for the UI in which the guide is. */
    void follow(UI ui) {
        unfollow();
        Optional<String> group = account.deployment().map(DeploymentId::serverGroupName);
        group.ifPresent(name -> stopListening = history.listen(name, statement -> ui.access(
                () -> check(steps.all().stream().map(LabStep::id).filter(id -> !isDone(id)).toList()))));
    }

    void unfollow() {
        if (stopListening != null) {
            stopListening.run();
            stopListening = null;
        }
    }

    private void startRound() {
        UI ui = UI.getCurrent();
        List<String> round = List.copyOf(asked);
        asked.clear();
        checking.addAll(round);
        runner.check(account, round).whenComplete((outcomes, error) -> ui.access(() -> {
            checking.clear();
            if (outcomes != null) {
                for (StepOutcome outcome : outcomes) {
                    latest.put(outcome.step().id(), outcome);
                    outcome.done().ifPresent(d -> done.put(d.step(), d));
                }
            }
            if (!asked.isEmpty()) {
                startRound();
            }
            changed();
        }));
    }

    private void changed() {
        List.copyOf(changeListeners).forEach(Runnable::run);
    }
}
