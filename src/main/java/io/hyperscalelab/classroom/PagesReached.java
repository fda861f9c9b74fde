package io.hyperscalelab.classroom;

import io.hyperscalelab.lab.LabGuide;
import io.hyperscalelab.lab.LabPage;
import io.hyperscalelab.lab.LabProgress;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Steps done, until the lab checks them itself: each guide page but the last is a step, done
 * once the learner has moved on to a later page (the guide asks them to finish a page before
 * selecting Next). It trusts the learner; the self-checks will not.
 */
@Component
class PagesReached implements LabStepsDone {

    private final LabGuide guide;
    private final LabProgress progress;

    PagesReached(LabGuide guide, LabProgress progress) {
        this.guide = guide;
        this.progress = progress;
    }

    @Override
    public List<LabStep> steps() {
        List<LabPage> pages = guide.pages();
        return pages.subList(0, pages.size() - 1).stream().map(page -> new LabStep(page.id(), page.title())).toList();
    }

    @Override
    public Map<Long, Set<String>> doneSteps(Collection<Long> accountIds) {
        List<LabStep> steps = steps();
        Map<Long, Set<String>> done = new HashMap<>();
        progress.pages(accountIds).forEach((account, pageId) -> guide.page(pageId).ifPresent(page -> {
            Set<String> passed = new LinkedHashSet<>();
            steps.subList(0, Math.min(guide.indexOf(page), steps.size())).forEach(step -> passed.add(step.id()));
            done.put(account, passed);
        }));
        return done;
    }

    @Override
    public void forget(long accountId) {
        // the learner's page is their lab progress, which a reset forgets anyway
    }
}
