package io.hyperscalelab.classroom;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which steps of the lab each learner has done: what the dashboard's "steps done" column and
 * progress chart count, as the lab's self-checks recorded them ({@link CheckedSteps}).
 */
public interface LabStepsDone {

    /** The lab's steps, in order. */
    List<LabStep> steps();

    /** The ids of the steps each of these learners has done; a learner who has done none may be missing. */
    Map<Long, Set<String>> doneSteps(Collection<Long> accountIds);

    /** Forgets what the learner has done: their lab is being reset. */
    void forget(long accountId);
}
