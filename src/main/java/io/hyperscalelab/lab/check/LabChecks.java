package io.hyperscalelab.lab.check;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The steps each learner has done, kept in the state database ({@code lab_step_check}): what the
 * guide's marks show and what an instructor's view reads. A step stays done once a check found it
 * done, even if the learner later drops a table or the portal restarts (and forgets which queries
 * ran); a later passing check only refreshes its detail.
 */
@Repository
public class LabChecks {

    private final JdbcClient jdbc;

    LabChecks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The learner's done steps, the first done first. */
    public List<DoneStep> doneSteps(long accountId) {
        return jdbc.sql("SELECT step, done_at, detail FROM lab_step_check WHERE account_id = ? ORDER BY done_at, step")
                .param(accountId)
                .query((rs, n) -> new DoneStep(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getString(3)))
                .list();
    }

    /** The ids of the steps each of these learners has done; a learner who has done none is missing. */
    public Map<Long, Set<String>> doneSteps(Collection<Long> accountIds) {
        Map<Long, Set<String>> done = new HashMap<>();
        if (!accountIds.isEmpty()) {
            jdbc.sql("SELECT account_id, step FROM lab_step_check WHERE account_id = ANY (?) ORDER BY done_at, step")
                    .param(accountIds.toArray(Long[]::new))
                    .query((rs, n) -> done.computeIfAbsent(rs.getLong(1), id -> new LinkedHashSet<>()).add(rs.getString(2)))
                    .list();
        }
        return done;
    }

    /** Forgets every step the learner has done: their lab starts over. */
    public void forget(long accountId) {
        jdbc.sql("DELETE FROM lab_step_check WHERE account_id = ?").param(accountId).update();
    }

    void recordDone(long accountId, String step, String detail) {
        jdbc.sql("INSERT INTO lab_step_check (account_id, step, detail) VALUES (?, ?, ?) "
                        + "ON CONFLICT (account_id, step) DO UPDATE SET detail = excluded.detail, checked_at = now()")
                .params(accountId, step, detail)
                .update();
    }
}
