package io.hyperscalelab.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The instructor account the app makes sure exists at start, so that the first instructor can
 * sign in and create classes. Nothing is created when the username is not set; there is no
 * default password. Set the password through the environment
 * ({@code HYPERSCALE_INSTRUCTOR_PASSWORD}) rather than a file others can read.
 *
 * @param username a sign-in name, e.g. {@code instructor@hyperscalelab.onmicrosoft.com}
 * @param password its password ({@link InstructorPassword}); changing it here changes it at the next start
 */
@ConfigurationProperties("hyperscale.instructor")
public record InstructorProperties(String username, String password) {

    public boolean configured() {
        return username != null && !username.isBlank();
    }

    @Override
    public String toString() {
        return "InstructorProperties[" + username + "]";
    }
}
