package io.hyperscalelab.classroom;

import io.hyperscalelab.lab.LabProgress;
import io.hyperscalelab.portal.Deployment;
import io.hyperscalelab.portal.ServerGroupOwners;
import io.hyperscalelab.portal.ServerGroupProvisioner;
import io.hyperscalelab.security.Account;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.springframework.stereotype.Service;

/**
 * What an instructor does to their class from the dashboard. Each action checks that the class is
 * the instructor's and the learner in it; server groups change only through the portal's
 * provisioner, off the caller's thread.
 */
@Service
public class ClassActions {

    public static final Duration MAX_EXTENSION = Duration.ofHours(24);

    private final Classrooms classrooms;
    private final ServerGroupOwners owners;
    private final ServerGroupProvisioner provisioner;
    private final LabProgress progress;
    private final LabStepsDone stepsDone;

    ClassActions(Classrooms classrooms, ServerGroupOwners owners, ServerGroupProvisioner provisioner, LabProgress progress,
                 LabStepsDone stepsDone) {
        this.classrooms = classrooms;
        this.owners = owners;
        this.provisioner = provisioner;
        this.progress = progress;
        this.stepsDone = stepsDone;
    }

    /**
     * Reset a learner's lab: their place in the guide and their steps are forgotten, and each of
     * their server groups is deleted and created again as it was asked for (same name, workers,
     * firewall and password; no tables, no data). Completes when every new deployment has started.
     */
    public CompletableFuture<List<Deployment>> resetLab(Account instructor, Classroom classroom, long learnerId) {
        ClassMember member = memberOf(instructor, classroom, learnerId);
        progress.forget(learnerId);
        stepsDone.forget(learnerId);
        List<CompletableFuture<Deployment>> recreated = new ArrayList<>();
        for (String group : owners.groupsOf(learnerId)) {
            recreated.add(provisioner.recreate(group, member.account()));
        }
        return CompletableFuture.allOf(recreated.toArray(CompletableFuture[]::new))
                .thenApply(all -> recreated.stream().map(CompletableFuture::join).toList());
    }

    /** More lab time for the whole class, from its current end (or from now, once its time is up). */
    public Classroom extend(Account instructor, Classroom classroom, Duration extra) {
        requireOwn(instructor, classroom);
        if (extra.isNegative() || extra.isZero() || extra.compareTo(MAX_EXTENSION) > 0 || extra.toSecondsPart() != 0) {
            throw new IllegalArgumentException("Extend the time by 1 minute to 24 hours, in whole minutes.");
        }
        return classrooms.extend(classroom, extra);
    }

    /**
     * Ends the class: its time is up now, and every server group of its learners is stopped and
     * deleted. Completes when the last one is gone; the class stays listed, as ended.
     */
    public CompletableFuture<Classroom> end(Account instructor, Classroom classroom) {
        requireOwn(instructor, classroom);
        Classroom ended = classrooms.markEnded(classroom);
        List<CompletableFuture<Void>> deletions = new ArrayList<>();
        for (ClassMember member : classrooms.members(classroom)) {
            for (String group : owners.groupsOf(member.account().id())) {
                deletions.add(provisioner.delete(group));
            }
        }
        return CompletableFuture.allOf(deletions.toArray(CompletableFuture[]::new)).thenApply(done -> ended);
    }

    /** A new password for a learner who lost theirs, to hand to them; the old one stops working. */
    public Credential newPassword(Account instructor, Classroom classroom, long learnerId) {
        return classrooms.newPassword(memberOf(instructor, classroom, learnerId));
    }

    private ClassMember memberOf(Account instructor, Classroom classroom, long learnerId) {
        requireOwn(instructor, classroom);
        return classrooms.member(classroom, learnerId).orElseThrow(() -> new IllegalArgumentException(
                "Account " + learnerId + " is not a learner of class " + classroom.name()));
    }

    private static void requireOwn(Account instructor, Classroom classroom) {
        Classrooms.requireInstructor(instructor);
        if (classroom.instructorId() != instructor.id()) {
            throw new IllegalArgumentException("Class " + classroom.name() + " is another instructor's");
        }
    }
}
