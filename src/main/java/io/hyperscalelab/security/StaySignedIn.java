package io.hyperscalelab.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.authentication.rememberme.PersistentTokenBasedRememberMeServices;
import org.springframework.security.web.authentication.rememberme.PersistentTokenRepository;

/**
 * "Stay signed in? Yes": a persistent remember-me login (Spring Security's series/token scheme,
 * tokens in the state database, so they survive app restarts and are revoked at sign-out). Unlike a
 * plain remember-me check box, the question is asked after the password was accepted, so the
 * cookie is issued on request rather than from a form parameter; "No" leaves only the session.
 */
public class StaySignedIn extends PersistentTokenBasedRememberMeServices {

    StaySignedIn(String key, UserDetailsService users, PersistentTokenRepository tokens) {
        super(key, users, tokens);
    }

    /** Issues the remember-me cookie for {@code signedIn} on {@code response}. */
    public void remember(HttpServletRequest request, HttpServletResponse response, Authentication signedIn) {
        onLoginSuccess(request, response, signedIn);
    }
}
