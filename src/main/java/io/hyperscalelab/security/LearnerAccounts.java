package io.hyperscalelab.security;

import java.security.SecureRandom;
import java.time.Clock;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Creates learner accounts with generated lab credentials: a fresh six-digit deployment id (which
 * also makes the sign-in name) and a random password, stored only as a hash. At most
 * {@code hyperscale.security.max-launches-per-address} per client address per launch window, except
 * for the learners an instructor generates for a class.
 */
@Service
public class LearnerAccounts {

    private static final int ATTEMPTS = 50;

    private final AccountRepository accounts;
    private final PasswordEncoder passwordEncoder;
    private final SlidingWindowLimit launches;
    private final SecureRandom random = new SecureRandom();

    LearnerAccounts(AccountRepository accounts, PasswordEncoder passwordEncoder, SignInProperties properties) {
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.launches = new SlidingWindowLimit(properties.maxLaunchesPerAddress(), properties.launchWindow(), Clock.systemUTC());
    }

    /**
     * A new learner for someone at {@code clientAddress}.
     *
     * @throws TooManyLaunchesException when that address has started too many labs lately
     */
    public NewLearner create(String clientAddress) {
        if (!launches.tryRecord(clientAddress)) {
            throw new TooManyLaunchesException(launches.blockedUntil(clientAddress).orElseThrow());
        }
        return generate();
    }

    /**
     * A new generated password for a learner who lost theirs (their instructor asks); the old one
     * stops working at once.
     */
    public String replacePassword(Account learner) {
        if (learner.role() != Role.LEARNER) {
            throw new IllegalArgumentException(learner.username() + " is not a learner");
        }
        String password = GeneratedPassword.generate(random);
        accounts.replacePasswordHash(learner.id(), passwordEncoder.encode(password));
        return password;
    }

    /**
     * A new learner that an instructor adds to a class: no client address starts it, so the
     * per-address launch limit does not apply; the caller has checked that an instructor asks.
     */
    public NewLearner generate() {
        String password = GeneratedPassword.generate(random);
        String hash = passwordEncoder.encode(password);
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            DeploymentId deployment = DeploymentId.random(random);
            try {
                return new NewLearner(accounts.insert(deployment.learnerUsername(), hash, Role.LEARNER, deployment), password);
            } catch (DuplicateKeyException taken) {
                // another learner has this deployment id: draw again
            }
        }
        throw new IllegalStateException("No free deployment id after " + ATTEMPTS + " draws: the 900,000 ids are nearly used up.");
    }
}
