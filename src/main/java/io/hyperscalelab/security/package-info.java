/**
 * Who may use the portal: accounts (learners with generated lab credentials), the Microsoft-style
 * sign-in pages (Pick an account, e-mail, password, Stay signed in?), remember-me logins, failure
 * throttling, the Spring Security rules every request passes, and the signed-in account for views.
 */
package io.hyperscalelab.security;
