package io.hyperscalelab.security;

import java.time.Instant;
import org.springframework.security.core.AuthenticationException;

/** Refused without looking at the password: too many wrong ones lately, for this account or address. */
class SignInLockedException extends AuthenticationException {

    SignInLockedException(Instant until) {
        super("Sign-ins are refused until " + until);
    }
}
