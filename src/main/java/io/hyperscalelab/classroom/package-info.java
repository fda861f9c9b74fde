/**
 * Classes: an instructor's learners taking the lab together on this one machine. A
 * {@link io.hyperscalelab.classroom.Classroom} has a name, seats and a lab time; creating one
 * generates learner accounts whose credentials the instructor prints or downloads once
 * ({@link io.hyperscalelab.classroom.CredentialSheet}), and learners may take the other seats by
 * starting the lab with the class code ({@link io.hyperscalelab.classroom.ClassEnrolment}, the
 * lab's {@link io.hyperscalelab.lab.LabClasses}).
 *
 * <p>The instructor's dashboard reads each learner's place through
 * {@link io.hyperscalelab.classroom.ClassProgress}: their lab page, the steps they have done
 * ({@link io.hyperscalelab.classroom.LabStepsDone}, one small interface that the lab's
 * self-checks implement), their server groups' statuses and their last activity. The
 * instructor's actions on a class (reset a learner's lab, extend the time, end the class) are
 * {@link io.hyperscalelab.classroom.ClassActions}; server groups change only through the portal's
 * {@link io.hyperscalelab.portal.ServerGroupProvisioner}.
 *
 * <p>An instructor sees their own classes' learners' server groups and no others
 * ({@link io.hyperscalelab.portal.ServerGroupOwners} holds that rule, over this package's tables).
 */
package io.hyperscalelab.classroom;
