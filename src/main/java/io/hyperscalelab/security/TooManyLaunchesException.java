package io.hyperscalelab.security;

import java.time.Instant;

/** This client address has started as many labs as it may for now. */
public class TooManyLaunchesException extends RuntimeException {

    private final Instant retryAt;

    TooManyLaunchesException(Instant retryAt) {
        super("Too many labs were started from this address. Try again after " + retryAt + ".");
        this.retryAt = retryAt;
    }

    public Instant retryAt() {
        return retryAt;
    }
}
