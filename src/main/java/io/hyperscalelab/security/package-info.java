/**
 * Who may use the portal: accounts (learners with generated lab credentials), the Microsoft-style
 * sign-in pages (Pick an account, e-mail, password, Stay signed in?), remember-me logins, failure
 * throttling, the Spring Security rules every request passes, and the signed-in account for views.
 * Two roles: LEARNER and INSTRUCTOR (instructor pages are {@code @RolesAllowed("INSTRUCTOR")}); the
 * first instructor comes from configuration ({@link io.hyperscalelab.security.InstructorAccounts}).
 * It also records when each account was last active ({@link io.hyperscalelab.security.LastActivity}).
 */
package io.hyperscalelab.security;
