package io.hyperscalelab.cluster;

import java.util.Locale;
import java.util.Optional;

/**
 * Azure's rules for the administrator password of a server group, held once for the API
 * ({@link EmbeddedCluster#create}) and the portal's form, which shows {@link #problem} beside
 * the field.
 */
public final class AdminPassword {

    /** The admin login of every server group; Hyperscale (Citus) does not let you choose it. */
    public static final String LOGIN = NodeTemplates.ADMIN_USER;
    public static final int MIN_LENGTH = 8;
    public static final int MAX_LENGTH = 128;
    private static final int CATEGORIES_REQUIRED = 3;

    private AdminPassword() {
    }

    /** Why {@code password} may not be the password of {@code login}, or empty when it may. */
    public static Optional<String> problem(String password, String login) {
        if (password == null || password.isEmpty()) {
            return Optional.of("The administrator password must not be empty.");
        }
        // PostgreSQL cannot store a NUL in a password; say so rather than fail deep inside pgjdbc.
        if (password.indexOf('\0') >= 0) {
            return Optional.of("Your password cannot contain the NUL character.");
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            return Optional.of("Your password must be at least " + MIN_LENGTH + " characters in length.");
        }
        if (length > MAX_LENGTH) {
            return Optional.of("Your password must be at most " + MAX_LENGTH + " characters in length.");
        }
        if (categories(password) < CATEGORIES_REQUIRED) {
            return Optional.of("Your password must contain characters from three of the following categories: "
                    + "English uppercase letters, English lowercase letters, numbers (0-9), and non-alphanumeric "
                    + "characters (!, $, #, %, etc.).");
        }
        if (login != null && !login.isEmpty()
                && password.toLowerCase(Locale.ROOT).contains(login.toLowerCase(Locale.ROOT))) {
            return Optional.of("Your password cannot contain the login name '" + login + "'.");
        }
        return Optional.empty();
    }

    private static int categories(String password) {
        boolean upper = false;
        boolean lower = false;
        boolean digit = false;
        boolean other = false;
        for (int i = 0; i < password.length(); i++) {
            char c = password.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                upper = true;
            } else if (c >= 'a' && c <= 'z') {
                lower = true;
            } else if (c >= '0' && c <= '9') {
                digit = true;
            } else {
                other = true;
            }
        }
        return (upper ? 1 : 0) + (lower ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
    }
}
