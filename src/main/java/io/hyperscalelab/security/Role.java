package io.hyperscalelab.security;

/** What an account may do in the portal. */
public enum Role {
    /** Takes the lab: owns one deployment (server group postgresNNNNNN in resource group citus-NNNNNN). */
    LEARNER,
    /** Runs a class of learners. */
    INSTRUCTOR;

    /** The Spring Security authority, e.g. {@code ROLE_LEARNER}, as {@code @RolesAllowed("LEARNER")} expects. */
    public String authority() {
        return "ROLE_" + name();
    }
}
