package io.hyperscalelab.classroom;

import io.hyperscalelab.security.Account;
import java.time.Instant;

/**
 * A learner of a class.
 *
 * @param seat         1, 2, ... in the order the seats were taken
 * @param lastActiveAt when they last used the portal; null when they never signed in
 */
public record ClassMember(Account account, int seat, Instant joinedAt, Instant lastActiveAt) {
}
