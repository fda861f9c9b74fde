package io.hyperscalelab.security;

import com.vaadin.flow.spring.security.AuthenticationContext;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The account of whoever is signed in, for views: {@code signedIn.get()} in a view or a click
 * listener. Portal views require sign-in, so there {@link #require()} never fails.
 */
@Component
public class SignedInAccount {

    private final AuthenticationContext authentication;
    private final AccountRepository accounts;

    SignedInAccount(AuthenticationContext authentication, AccountRepository accounts) {
        this.authentication = authentication;
        this.accounts = accounts;
    }

    public Optional<Account> get() {
        return authentication.getPrincipalName().flatMap(accounts::findByUsername);
    }

    public Account require() {
        return get().orElseThrow(() -> new IllegalStateException("No one is signed in"));
    }

    /** The learner's deployment (server group postgresNNNNNN, resource group citus-NNNNNN), if any. */
    public Optional<DeploymentId> deployment() {
        return get().flatMap(Account::deployment);
    }

    /** Signs out: ends the session, revokes "Stay signed in" and returns to the sign-in page. */
    public void signOut() {
        authentication.logout();
    }
}
