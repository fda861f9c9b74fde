package io.hyperscalelab.lab;

import com.vaadin.flow.server.VaadinRequest;
import io.hyperscalelab.security.Account;
import io.hyperscalelab.security.SignedInAccount;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Whose lab the panel shows: the signed-in learner's, or before sign-in the lab this browser
 * started (its cookie). When both exist and differ, the signed-in account wins, without the
 * password, which only the browser that started that account's lab can unseal.
 */
@Component
class LabSessions {

    private final LabLaunches launches;
    private final SignedInAccount signedIn;

    LabSessions(LabLaunches launches, SignedInAccount signedIn) {
        this.launches = launches;
        this.signedIn = signedIn;
    }

    Optional<LabSession> current() {
        Optional<LabSession> browsers = LabCookie.read(VaadinRequest.getCurrent()).flatMap(launches::open);
        Optional<Account> account = signedIn.get();
        if (account.isEmpty()) {
            return browsers;
        }
        if (browsers.isPresent() && browsers.get().account().id() == account.get().id()) {
            return browsers;
        }
        return Optional.of(new LabSession(account.get(), Optional.empty(), launches.startedAt(account.get())));
    }
}
