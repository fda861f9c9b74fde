package io.hyperscalelab.lab;

import io.hyperscalelab.security.Account;
import java.time.Instant;
import java.util.Optional;

/**
 * The lab as one browser sees it.
 *
 * @param account   the learner
 * @param password  the generated password, known only in the browser that started the lab
 * @param startedAt when the lab started, for the countdown; empty for accounts without a lab
 */
public record LabSession(Account account, Optional<String> password, Optional<Instant> startedAt) {

    @Override
    public String toString() {
        return "LabSession[" + account.username() + "]";
    }
}
