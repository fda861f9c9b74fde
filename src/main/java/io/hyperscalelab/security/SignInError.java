package io.hyperscalelab.security;

import java.util.Arrays;
import java.util.Optional;

/** Why the password page is shown again, as carried in its {@code error} query parameter. */
enum SignInError {
    PASSWORD("password", SignInMessages.WRONG_PASSWORD),
    LOCKED("locked", SignInMessages.LOCKED);

    private final String code;
    private final String message;

    SignInError(String code, String message) {
        this.code = code;
        this.message = message;
    }

    String code() {
        return code;
    }

    String message() {
        return message;
    }

    static Optional<SignInError> of(String code) {
        return Arrays.stream(values()).filter(e -> e.code.equals(code)).findFirst();
    }
}
