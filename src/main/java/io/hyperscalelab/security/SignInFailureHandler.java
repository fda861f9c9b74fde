package io.hyperscalelab.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.RedirectStrategy;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.stereotype.Component;

/** A refused sign-in goes back to the password page of the same account, with the reason. */
@Component
class SignInFailureHandler implements AuthenticationFailureHandler {

    private final RedirectStrategy redirect = new DefaultRedirectStrategy();

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                                        AuthenticationException exception) throws IOException {
        SignInError error = exception instanceof SignInLockedException ? SignInError.LOCKED : SignInError.PASSWORD;
        String username = Usernames.normalize(request.getParameter("username"));
        redirect.sendRedirect(request, response, "/" + SignInView.ROUTE + "?error=" + error.code()
                + "&login_hint=" + URLEncoder.encode(username, StandardCharsets.UTF_8));
    }
}
