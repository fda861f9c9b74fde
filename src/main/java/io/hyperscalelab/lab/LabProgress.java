package io.hyperscalelab.lab;

import io.hyperscalelab.security.Account;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The guide page each learner is on, kept in the state database so it outlives sessions and restarts. */
@Repository
public class LabProgress {

    private final JdbcClient jdbc;

    LabProgress(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<String> page(Account account) {
        return jdbc.sql("SELECT page FROM lab_progress WHERE account_id = ?").param(account.id()).query(String.class).optional();
    }

    /** The page of each of these accounts that has one. */
    public Map<Long, String> pages(Collection<Long> accountIds) {
        Map<Long, String> pages = new HashMap<>();
        if (!accountIds.isEmpty()) {
            jdbc.sql("SELECT account_id, page FROM lab_progress WHERE account_id = ANY (?)")
                    .param(accountIds.toArray(Long[]::new))
                    .query((rs, row) -> pages.put(rs.getLong(1), rs.getString(2))).list();
        }
        return pages;
    }

    /** The learner starts again from the first page. */
    public void forget(long accountId) {
        jdbc.sql("DELETE FROM lab_progress WHERE account_id = ?").param(accountId).update();
    }

    public void save(Account account, String pageId) {
        jdbc.sql("INSERT INTO lab_progress (account_id, page) VALUES (?, ?) "
                        + "ON CONFLICT (account_id) DO UPDATE SET page = excluded.page, updated_at = now()")
                .params(account.id(), pageId)
                .update();
    }
}
