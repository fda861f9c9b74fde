package io.hyperscalelab.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Instructor accounts. The first one comes from configuration ({@link InstructorProperties}),
 * made or brought up to date when the app has started: its password is the configured one, so
 * changing the property and restarting changes it.
 */
@Service
public class InstructorAccounts {

    private static final Logger log = LoggerFactory.getLogger(InstructorAccounts.class);

    private final AccountRepository accounts;
    private final PasswordEncoder passwordEncoder;
    private final InstructorProperties properties;

    InstructorAccounts(AccountRepository accounts, PasswordEncoder passwordEncoder, InstructorProperties properties) {
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void bootstrap() {
        if (properties.configured()) {
            Account instructor = ensure(properties.username(), properties.password());
            log.info("Instructor account {} is ready", instructor.username());
        }
    }

    /**
     * The instructor {@code username} with {@code password}: created, or its password replaced
     * when it differs.
     *
     * @throws IllegalArgumentException when the name or password breaks the rules, or the name is a learner's
     */
    public Account ensure(String username, String password) {
        Usernames.problem(username).ifPresent(problem -> {
            throw new IllegalArgumentException("hyperscale.instructor.username: " + problem + " (got '" + username + "')");
        });
        InstructorPassword.problem(username, password).ifPresent(problem -> {
            throw new IllegalArgumentException("hyperscale.instructor.password: " + problem);
        });
        return accounts.findByUsername(username).map(existing -> {
            if (existing.role() != Role.INSTRUCTOR) {
                throw new IllegalArgumentException("hyperscale.instructor.username: " + existing.username()
                        + " is a learner's account and cannot become an instructor's");
            }
            String hash = accounts.passwordHash(existing.username()).orElse("");
            if (!passwordEncoder.matches(password, hash)) {
                accounts.replacePasswordHash(existing.id(), passwordEncoder.encode(password));
            }
            return existing;
        }).orElseGet(() -> accounts.insert(username, passwordEncoder.encode(password), Role.INSTRUCTOR, null));
    }
}
