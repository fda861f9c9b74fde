package io.hyperscalelab.lab.check;

import java.time.Instant;

/**
 * A lab step a learner has done.
 *
 * @param doneAt when a check first found it done
 * @param detail what the latest passing check found
 */
public record DoneStep(String step, Instant doneAt, String detail) {
}
