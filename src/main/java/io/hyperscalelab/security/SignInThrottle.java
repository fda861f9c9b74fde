package io.hyperscalelab.security;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing: per account (a lock after repeated wrong passwords) and per client
 * address (a cap on wrong passwords over all accounts, against trying one password everywhere).
 */
@Component
public class SignInThrottle {

    private final AccountLockout accounts;
    private final SlidingWindowLimit addresses;

    @Autowired
    SignInThrottle(SignInProperties properties) {
        this(properties, Clock.systemUTC());
    }

    SignInThrottle(SignInProperties properties, Clock clock) {
        this.accounts = new AccountLockout(properties.maxFailuresPerAccount(), properties.accountLockout(), clock);
        this.addresses = new SlidingWindowLimit(properties.maxFailuresPerAddress(), properties.addressWindow(), clock);
    }

    /** Until when sign-ins to this account from this address are refused, or empty when they are not. */
    Optional<Instant> lockedUntil(String username, String address) {
        Optional<Instant> account = accounts.lockedUntil(username);
        return account.isPresent() ? account : addresses.blockedUntil(address);
    }

    void failed(String username, String address) {
        accounts.failed(username);
        addresses.record(address);
    }

    void succeeded(String username) {
        accounts.succeeded(username);
    }
}
