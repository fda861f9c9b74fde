package io.hyperscalelab.lab;

import io.hyperscalelab.security.Account;
import java.time.Instant;
import java.util.Optional;

/**
 * The classes learners take the lab in, as the lab needs them: a lab started with a class code
 * joins that class, and a class learner's lab time is their class's. Implemented by the
 * classroom package, which owns classes; the lab only asks.
 */
public interface LabClasses {

    /**
     * Adds {@code learner}, whose lab has just been started with {@code code}, to that class,
     * within the caller's transaction.
     *
     * @throws ClassCodeException with the reason, in words for the learner, when it cannot
     */
    void enrol(Account learner, String code);

    /** When the learner's class lab time ends, if they take the lab in a class. */
    Optional<Instant> labEndsAt(Account learner);

    /** A class code that cannot be used, and why. */
    final class ClassCodeException extends RuntimeException {

        public ClassCodeException(String message) {
            super(message);
        }
    }
}
