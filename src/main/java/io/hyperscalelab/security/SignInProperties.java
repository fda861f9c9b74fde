package io.hyperscalelab.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Limits that keep guessing and mass sign-ups slow.
 *
 * @param maxFailuresPerAccount wrong passwords in a row before an account is locked for a while
 * @param accountLockout        the first lock; each further failure while still failing doubles it (to 1 h)
 * @param maxFailuresPerAddress wrong passwords from one client address, over any accounts, within
 *                              {@code addressWindow}, before that address is refused until the window has passed
 * @param addressWindow         see above
 * @param maxLaunchesPerAddress labs one client address may start within {@code launchWindow}
 * @param launchWindow          see above
 * @param rememberMe            how long "Stay signed in? Yes" keeps a browser signed in
 */
@ConfigurationProperties("hyperscale.security")
public record SignInProperties(int maxFailuresPerAccount, Duration accountLockout, int maxFailuresPerAddress,
                               Duration addressWindow, int maxLaunchesPerAddress, Duration launchWindow,
                               Duration rememberMe) {

    public SignInProperties {
        maxFailuresPerAccount = maxFailuresPerAccount == 0 ? 5 : maxFailuresPerAccount;
        accountLockout = accountLockout == null ? Duration.ofMinutes(1) : accountLockout;
        maxFailuresPerAddress = maxFailuresPerAddress == 0 ? 30 : maxFailuresPerAddress;
        addressWindow = addressWindow == null ? Duration.ofMinutes(15) : addressWindow;
        maxLaunchesPerAddress = maxLaunchesPerAddress == 0 ? 30 : maxLaunchesPerAddress;
        launchWindow = launchWindow == null ? Duration.ofHours(1) : launchWindow;
        rememberMe = rememberMe == null ? Duration.ofDays(14) : rememberMe;
        if (maxFailuresPerAccount < 1 || maxFailuresPerAddress < 1 || maxLaunchesPerAddress < 1) {
            throw new IllegalArgumentException("hyperscale.security limits must be at least 1");
        }
    }
}
