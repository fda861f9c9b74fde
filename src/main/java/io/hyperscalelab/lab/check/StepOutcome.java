package io.hyperscalelab.lab.check;

import java.util.Optional;

/**
 * A step after a check: what the check found now, and whether the step is done (now, or by an
 * earlier check).
 */
public record StepOutcome(LabStep step, CheckResult result, Optional<DoneStep> done) {
}
