package io.hyperscalelab.lab;

import io.hyperscalelab.security.Account;
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

    public void save(Account account, String pageId) {
        jdbc.sql("INSERT INTO lab_progress (account_id, page) VALUES (?, ?) "
                        + "ON CONFLICT (account_id) DO UPDATE SET page = excluded.page, updated_at = now()")
                .params(account.id(), pageId)
                .update();
    }
}
