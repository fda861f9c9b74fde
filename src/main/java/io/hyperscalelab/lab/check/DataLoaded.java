package io.hyperscalelab.lab.check;

import io.hyperscalelab.breakdown.Measures;
import io.hyperscalelab.data.DatasetSize;
import io.hyperscalelab.data.LabDataFiles;
import java.sql.SQLException;

/**
 * Exercise 3: each table holds exactly the rows of its file, as the Cloud Shell serves them
 * ({@link DatasetSize#LAB}): not part of it, not twice.
 */
final class DataLoaded implements StepCheck {

    private static final LabStep STEP = new LabStep("loaded", "exercise-3", "Data loaded",
            "github_events holds the rows of events.csv and github_users those of users.csv, each once.");

    private final DatasetSize files;

    DataLoaded(DatasetSize files) {
        this.files = files;
    }

    @Override
    public LabStep step() {
        return STEP;
    }

    @Override
    public CheckResult check(CheckSession session) throws SQLException {
        String problem = LabTables.problem(LabTables.existing(session));
        if (problem != null) {
            return CheckResult.notYet(problem);
        }
        long events = count(session, LabTables.EVENTS);
        long users = count(session, LabTables.USERS);
        String eventsProblem = problem(LabTables.EVENTS, LabDataFiles.EVENTS_FILE, events, files.events());
        if (eventsProblem != null) {
            return CheckResult.notYet(eventsProblem);
        }
        String usersProblem = problem(LabTables.USERS, LabDataFiles.USERS_FILE, users, files.users());
        if (usersProblem != null) {
            return CheckResult.notYet(usersProblem);
        }
        return CheckResult.passed("github_events: " + Measures.rows(events) + ", github_users: " + Measures.rows(users));
    }

    // the name is one of the two fixed table names, checked above to be a table, never a view
    static long count(CheckSession session, String table) throws SQLException {
        return Long.parseLong(session.rows("SELECT count(*) FROM public." + table).get(0).get(0));
    }

    private static String problem(String table, String file, long rows, long expected) {
        if (rows == expected) {
            return null;
        }
        if (rows == 0) {
            return table + " is empty: load " + file + " with \\copy " + table + " from '" + file + "' WITH CSV";
        }
        if (rows > expected && rows % expected == 0) {
            return table + " has " + Measures.rows(rows) + ", " + file + " " + (rows / expected) + " times over: "
                    + "TRUNCATE " + table + "; and load it once.";
        }
        return table + " has " + Measures.rows(rows) + "; " + file + " has " + Measures.count(expected)
                + ": TRUNCATE " + table + "; and load the whole file.";
    }
}
