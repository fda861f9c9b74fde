package io.hyperscalelab.security;

import java.time.Instant;
import java.util.Optional;

/**
 * Someone who can sign in to the portal.
 *
 * @param username     lower case, e-mail style ({@code odl_user_NNNNNN@hyperscalelab.onmicrosoft.com})
 * @param deploymentId the learner's deployment; null for accounts that have none (instructors)
 * @param staySignedIn the standing answer to "Stay signed in?" ("Don't show this again"); null: ask
 * @param welcomeSeen  whether "Welcome to Microsoft Azure" has been answered once
 */
public record Account(long id, String username, Role role, DeploymentId deploymentId, Boolean staySignedIn,
                      boolean welcomeSeen, Instant createdAt) {

    public Optional<DeploymentId> deployment() {
        return Optional.ofNullable(deploymentId);
    }
}
