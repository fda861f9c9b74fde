package io.hyperscalelab.classroom;

import io.hyperscalelab.lab.check.LabChecks;
import io.hyperscalelab.lab.check.LabSteps;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Steps done as the lab's self-checks found them: a step counts once the learner's own server
 * group passed its check, whatever page the learner is on.
 */
@Component
class CheckedSteps implements LabStepsDone {

    private final LabSteps steps;
    private final LabChecks checks;

    CheckedSteps(LabSteps steps, LabChecks checks) {
        this.steps = steps;
        this.checks = checks;
    }

    @Override
    public List<LabStep> steps() {
        return steps.all().stream().map(step -> new LabStep(step.id(), step.title())).toList();
    }

    @Override
    public Map<Long, Set<String>> doneSteps(Collection<Long> accountIds) {
        return checks.doneSteps(accountIds);
    }

    @Override
    public void forget(long accountId) {
        checks.forget(accountId);
    }
}
