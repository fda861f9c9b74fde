package io.hyperscalelab.classroom;

import io.hyperscalelab.lab.LabClasses;
import io.hyperscalelab.security.Account;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The lab's view of classes: starting the lab with a class code takes a seat, and a class learner's lab ends with the class's time. */
@Component
class ClassEnrolment implements LabClasses {

    private final Classrooms classrooms;

    ClassEnrolment(Classrooms classrooms) {
        this.classrooms = classrooms;
    }

    @Override
    public void enrol(Account learner, String code) {
        classrooms.enrol(learner, code);
    }

    @Override
    public Optional<Instant> labEndsAt(Account learner) {
        return classrooms.classOf(learner.id()).map(Classroom::endsAt);
    }
}
