package io.hyperscalelab.classroom;

import io.hyperscalelab.cluster.ClusterException;
import io.hyperscalelab.cluster.EmbeddedCluster;
import io.hyperscalelab.lab.LabGuide;
import io.hyperscalelab.lab.LabPage;
import io.hyperscalelab.lab.LabProgress;
import io.hyperscalelab.portal.ServerGroupOwners;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * Where each learner of a class is, read afresh on each call (the dashboard calls it every few
 * seconds): their lab page, their steps done, their server groups and their last activity.
 */
@Service
public class ClassProgress {

    private final Classrooms classrooms;
    private final LabGuide guide;
    private final LabProgress progress;
    private final LabStepsDone stepsDone;
    private final ServerGroupOwners owners;
    private final EmbeddedCluster cluster;

    ClassProgress(Classrooms classrooms, LabGuide guide, LabProgress progress, LabStepsDone stepsDone, ServerGroupOwners owners,
                  EmbeddedCluster cluster) {
        this.classrooms = classrooms;
        this.guide = guide;
        this.progress = progress;
        this.stepsDone = stepsDone;
        this.owners = owners;
        this.cluster = cluster;
    }

    public List<LabStep> steps() {
        return stepsDone.steps();
    }

    public List<LearnerProgress> of(Classroom classroom) {
        List<ClassMember> members = classrooms.members(classroom);
        List<Long> ids = members.stream().map(m -> m.account().id()).toList();
        Map<Long, String> pages = progress.pages(ids);
        Map<Long, Set<String>> done = stepsDone.doneSteps(ids);
        Map<Long, List<String>> groupsOf = owners.groupsOf(ids);
        int total = stepsDone.steps().size();
        return members.stream().map(member -> {
            long id = member.account().id();
            LabPage page = guide.page(pages.getOrDefault(id, "")).orElse(guide.first());
            List<GroupState> groups = groupsOf.getOrDefault(id, List.of()).stream().map(this::state).toList();
            return new LearnerProgress(member, page.title(), guide.indexOf(page) + 1, done.getOrDefault(id, Set.of()), total,
                    groups, member.lastActiveAt());
        }).toList();
    }

    private GroupState state(String group) {
        try {
            return GroupState.of(group, cluster.status(group));
        } catch (ClusterException gone) {
            // deleted, or not created yet by a deployment that has only just started
            return GroupState.absent(group);
        }
    }
}
