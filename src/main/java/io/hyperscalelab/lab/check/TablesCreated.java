package io.hyperscalelab.lab.check;

import java.sql.SQLException;
import java.util.Map;

/** Exercise 3: github_events and github_users exist with the lab's columns. */
final class TablesCreated implements StepCheck {

    private static final LabStep STEP = new LabStep("tables", "exercise-3", "Tables created",
            "github_events and github_users exist in schema public with the lab's columns and types.");

    @Override
    public LabStep step() {
        return STEP;
    }

    @Override
    public CheckResult check(CheckSession session) throws SQLException {
        Map<String, Map<String, String>> tables = LabTables.existing(session);
        String problem = LabTables.problem(tables);
        if (problem != null) {
            return CheckResult.notYet(problem);
        }
        return CheckResult.passed(LabTables.EVENTS + " (" + tables.get(LabTables.EVENTS).size() + " columns) and "
                + LabTables.USERS + " (" + tables.get(LabTables.USERS).size() + " columns)");
    }
}
