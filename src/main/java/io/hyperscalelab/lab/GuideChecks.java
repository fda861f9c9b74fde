package io.hyperscalelab.lab;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.server.Command;
import io.hyperscalelab.breakdown.BreakdownHistory;
import io.hyperscalelab.lab.check.DoneStep;
import io.hyperscalelab.lab.check.LabCheckRunner;
import io.hyperscalelab.lab.check.LabStep;
import io.hyperscalelab.lab.check.LabSteps;
import io.hyperscalelab.lab.check.StepOutcome;
import io.hyperscalelab.security.Account;
import io.hyperscalelab.security.DeploymentId;
import java.time.Duration;
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
 * Shell or the query editor (then only the steps not yet done), and for the page on screen when
 * the learner moves in the portal and every few seconds while some of its steps are not done. Rounds never overlap: what is
 * asked during one runs right after it, once. Everything here runs on the UI thread, under its
 * session lock; the checks themselves run on the {@link LabCheckRunner}'s threads.
 */
final class GuideChecks {

    /** How often the page on screen is looked at again while some of its steps are not done. */
    static final Duration LOOK_AGAIN = Duration.ofSeconds(5);

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
    private Runnable stopLooking;
    private String currentPage;

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

    /** The page on screen: its steps are checked now, and looked at again while any is not done. */
    void checkPage(String pageId) {
        currentPage = pageId;
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

    /**
     * Starts following the learner, for the UI in which the guide is: each statement they run on
     * their group, and every {@link #LOOK_AGAIN} the steps of the page on screen that are not done
     * (a deployment or a firewall rule runs no statement).
     */
    void follow(UI ui) {
        unfollow();
        Optional<String> group = account.deployment().map(DeploymentId::serverGroupName);
        group.ifPresent(name -> stopListening = history.listen(name, statement -> access(ui,
                () -> check(steps.all().stream().map(LabStep::id).filter(id -> !isDone(id)).toList()))));
        stopLooking = runner.every(LOOK_AGAIN, () -> access(ui, this::lookAgainAtPage));
    }

    void unfollow() {
        if (stopListening != null) {
            stopListening.run();
            stopListening = null;
        }
        if (stopLooking != null) {
            stopLooking.run();
            stopLooking = null;
        }
    }

    /** Checks again the steps of the page on screen that are not done, unless a round is under way. */
    void lookAgainAtPage() {
        if (currentPage != null && checking.isEmpty() && asked.isEmpty()) {
            check(steps.onPage(currentPage).stream().map(LabStep::id).filter(id -> !isDone(id)).toList());
        }
    }

    // a UI that has gone (a closed tab) just stops being told
    private static void access(UI ui, Command command) {
        try {
            ui.access(command);
        } catch (UIDetachedException gone) {
            // nothing to show it to
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
