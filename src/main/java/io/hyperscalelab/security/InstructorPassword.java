package io.hyperscalelab.security;

import java.util.Locale;
import java.util.Optional;

/**
 * The rule for instructors' passwords: an instructor's account reaches every learner of their
 * classes, so it needs more than a learner's generated one: 12 to 128 characters, and not the
 * sign-in name (before the @, when it has three characters or more).
 */
public final class InstructorPassword {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 128;

    private InstructorPassword() {
    }

    /** Why {@code password} cannot be the password of instructor {@code username}, or empty when it can. */
    public static Optional<String> problem(String username, String password) {
        if (password == null || password.length() < MIN_LENGTH || password.length() > MAX_LENGTH) {
            return Optional.of("An instructor's password has " + MIN_LENGTH + " to " + MAX_LENGTH + " characters.");
        }
        String name = Usernames.normalize(username).split("@")[0];
        if (name.length() >= 3 && password.toLowerCase(Locale.ROOT).contains(name)) {
            return Optional.of("An instructor's password must not contain the sign-in name.");
        }
        return Optional.empty();
    }
}
