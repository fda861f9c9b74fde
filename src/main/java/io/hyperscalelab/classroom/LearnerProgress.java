package io.hyperscalelab.classroom;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * One learner's row of the dashboard.
 *
 * @param pageTitle    the lab guide page they are on (the first one until they move)
 * @param pageNumber   its place in the guide, from 1
 * @param stepsDone    the ids of the {@link LabStep}s they have done
 * @param groups       their server groups, by name
 * @param lastActiveAt when they last used the portal; null when never
 */
public record LearnerProgress(ClassMember member, String pageTitle, int pageNumber, Set<String> stepsDone, int totalSteps,
                              List<GroupState> groups, Instant lastActiveAt) {

    public String username() {
        return member.account().username();
    }

    public long accountId() {
        return member.account().id();
    }

    public boolean finished() {
        return stepsDone.size() >= totalSteps;
    }
}
