package io.hyperscalelab.security;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The accounts this browser has signed in with, newest first, for "Pick an account". Kept in the
 * browser (a cookie with names only, nothing secret), as Microsoft's account picker does.
 */
@Component
public class KnownAccounts {

    static final String COOKIE = "hl_accounts";
    private static final int MAX = 5;
    private static final Duration LIFETIME = Duration.ofDays(365);

    /** The names in the cookie that still look like sign-in names; the browser may send anything. */
    public List<String> read(Cookie[] cookies) {
        if (cookies == null) {
            return List.of();
        }
        return Arrays.stream(cookies)
                .filter(c -> COOKIE.equals(c.getName()))
                .findFirst()
                .map(c -> Arrays.stream(URLDecoder.decode(c.getValue(), StandardCharsets.UTF_8).split("\\|"))
                        .map(Usernames::normalize)
                        .filter(name -> Usernames.problem(name).isEmpty())
                        .distinct()
                        .limit(MAX)
                        .toList())
                .orElse(List.of());
    }

    /** Puts {@code username} first in the browser's list. */
    void add(HttpServletRequest request, HttpServletResponse response, String username) {
        Set<String> names = new LinkedHashSet<>();
        names.add(Usernames.normalize(username));
        names.addAll(read(request.getCookies()));
        List<String> kept = new ArrayList<>(names).subList(0, Math.min(MAX, names.size()));
        Cookie cookie = new Cookie(COOKIE, URLEncoder.encode(String.join("|", kept), StandardCharsets.UTF_8));
        cookie.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
        cookie.setMaxAge((int) LIFETIME.toSeconds());
        cookie.setHttpOnly(true);
        cookie.setSecure(request.isSecure());
        response.addCookie(cookie);
    }
}
