package io.hyperscalelab.security;

import com.vaadin.flow.spring.security.VaadinSavedRequestAwareAuthenticationSuccessHandler;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * After the password was accepted: the browser remembers the account for "Pick an account", then
 * "Stay signed in?" is asked, unless the account answered it for good ("Don't show this again"),
 * in which case that answer applies and the learner goes straight to the page they wanted.
 */
@Component
class SignInSuccessHandler extends VaadinSavedRequestAwareAuthenticationSuccessHandler {

    private final KnownAccounts knownAccounts;
    private final AccountRepository accounts;
    private final StaySignedIn staySignedIn;

    SignInSuccessHandler(KnownAccounts knownAccounts, AccountRepository accounts, StaySignedIn staySignedIn) {
        this.knownAccounts = knownAccounts;
        this.accounts = accounts;
        this.staySignedIn = staySignedIn;
        setDefaultTargetUrl("/");
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                                        Authentication authentication) throws ServletException, IOException {
        knownAccounts.add(request, response, authentication.getName());
        Boolean standingAnswer = accounts.findByUsername(authentication.getName()).map(Account::staySignedIn).orElse(null);
        if (standingAnswer == null) {
            // the page they wanted stays in the request cache; the question sends them there
            clearAuthenticationAttributes(request);
            getRedirectStrategy().sendRedirect(request, response, "/" + StaySignedInView.ROUTE);
            return;
        }
        if (standingAnswer) {
            staySignedIn.remember(request, response, authentication);
        }
        super.onAuthenticationSuccess(request, response, authentication);
    }
}
