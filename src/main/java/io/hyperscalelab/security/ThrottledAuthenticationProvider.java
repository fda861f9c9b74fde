package io.hyperscalelab.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * The password check, behind the {@link SignInThrottle}: a locked account or address is refused
 * before the password is even compared, a wrong password counts against both, a right one clears
 * the account's count.
 */
final class ThrottledAuthenticationProvider implements AuthenticationProvider {

    private final AuthenticationProvider passwordCheck;
    private final SignInThrottle throttle;

    ThrottledAuthenticationProvider(AuthenticationProvider passwordCheck, SignInThrottle throttle) {
        this.passwordCheck = passwordCheck;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        String username = Usernames.normalize(attempt.getName());
        String address = attempt.getDetails() instanceof WebAuthenticationDetails web && web.getRemoteAddress() != null
                ? web.getRemoteAddress() : "unknown";
        throttle.lockedUntil(username, address).ifPresent(until -> {
            throw new SignInLockedException(until);
        });
        try {
            Authentication result = passwordCheck.authenticate(attempt);
            throttle.succeeded(username);
            return result;
        } catch (BadCredentialsException wrong) {
            throttle.failed(username, address);
            throw wrong;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
