package io.hyperscalelab.lab;

import io.hyperscalelab.security.Account;
import io.hyperscalelab.security.AccountRepository;
import io.hyperscalelab.security.LearnerAccounts;
import io.hyperscalelab.security.NewLearner;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Starting the lab, the step before sign-in: a new learner account with generated credentials,
 * tied to the browser that asked by a {@link LabToken} in a long-lived cookie. Later visits from
 * that browser find the lab again, password included.
 */
@Service
public class LabLaunches {

    /** A lab just started: the token goes into the browser's cookie, the rest onto the page. */
    public record Started(LabToken token, LabSession session) {
    }

    private record Launch(long accountId, byte[] sealedPassword, Instant startedAt) {
    }

    private final LearnerAccounts learners;
    private final LabClasses classes;
    private final AccountRepository accounts;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final SecureRandom random = new SecureRandom();

    LabLaunches(LearnerAccounts learners, LabClasses classes, AccountRepository accounts, JdbcClient jdbc,
                TransactionTemplate transaction) {
        this.learners = learners;
        this.classes = classes;
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    /**
     * A new learner for someone at {@code clientAddress}; with a class code, a learner of that
     * class, or nobody at all when the code cannot be used.
     *
     * @throws io.hyperscalelab.security.TooManyLaunchesException when this address started too many labs lately
     * @throws LabClasses.ClassCodeException when the code names no class that has a free seat
     */
    public Started launch(String clientAddress, Optional<String> classCode) {
        LabToken token = LabToken.generate(random);
        return transaction.execute(status -> {
            NewLearner learner = learners.create(clientAddress);
            classCode.ifPresent(code -> classes.enrol(learner.account(), code));
            Instant startedAt = jdbc.sql("INSERT INTO lab_launch (account_id, token_hash, sealed_password) VALUES (?, ?, ?) "
                            + "RETURNING started_at")
                    .params(learner.account().id(), token.lookupHash(), token.seal(learner.password(), random))
                    .query(Timestamp.class).single().toInstant();
            return new Started(token, new LabSession(learner.account(), Optional.of(learner.password()), Optional.of(startedAt)));
        });
    }

    /** The lab a browser's token belongs to, with the password it unseals. */
    public Optional<LabSession> open(LabToken token) {
        return jdbc.sql("SELECT account_id, sealed_password, started_at FROM lab_launch WHERE token_hash = ?")
                .param(token.lookupHash())
                .query((rs, row) -> new Launch(rs.getLong(1), rs.getBytes(2), rs.getTimestamp(3).toInstant()))
                .optional()
                .flatMap(launch -> accounts.findById(launch.accountId()).map(account ->
                        new LabSession(account, token.unseal(launch.sealedPassword()), Optional.of(launch.startedAt()))));
    }

    /** When the learner's lab started, wherever it was started from. */
    public Optional<Instant> startedAt(Account account) {
        return jdbc.sql("SELECT started_at FROM lab_launch WHERE account_id = ?").param(account.id())
                .query(Timestamp.class).optional().map(Timestamp::toInstant);
    }
}
