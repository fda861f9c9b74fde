package io.hyperscalelab.lab.check;

import java.sql.SQLException;

/** A lab step and how it verifies itself against the learner's server group. */
public interface StepCheck {

    LabStep step();

    CheckResult check(CheckSession session) throws SQLException;
}
