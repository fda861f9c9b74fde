package io.hyperscalelab.lab;

import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinResponse;
import jakarta.servlet.http.Cookie;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/**
 * The cookie that ties a browser to the lab it started: HttpOnly (no script reads it), SameSite=Lax
 * (set for every cookie in SecurityConfiguration), Secure when the app is served over HTTPS.
 */
final class LabCookie {

    static final String NAME = "hl_lab";
    private static final Duration LIFETIME = Duration.ofDays(30);

    private LabCookie() {
    }

    static Optional<LabToken> read(VaadinRequest request) {
        if (request == null || request.getCookies() == null) {
            return Optional.empty();
        }
        return Arrays.stream(request.getCookies())
                .filter(c -> NAME.equals(c.getName()))
                .findFirst()
                .flatMap(c -> LabToken.parse(c.getValue()));
    }

    static void write(VaadinRequest request, VaadinResponse response, LabToken token) {
        Cookie cookie = new Cookie(NAME, token.value());
        cookie.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
        cookie.setMaxAge((int) LIFETIME.toSeconds());
        cookie.setHttpOnly(true);
        cookie.setSecure(request.isSecure());
        response.addCookie(cookie);
    }
}
