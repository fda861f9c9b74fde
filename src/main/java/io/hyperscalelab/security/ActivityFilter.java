package io.hyperscalelab.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Counts what a signed-in user does as activity: a page loaded, a click or a keystroke that
 * reached the server (Vaadin's UIDL requests). Not the browser's own heartbeats and push
 * traffic, which go on while nobody is there. Runs after Spring Security's filters, so the
 * request's user is known.
 */
@Component
class ActivityFilter extends OncePerRequestFilter {

    private final LastActivity activity;

    ActivityFilter(LastActivity activity) {
        this.activity = activity;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } finally {
            Authentication user = SecurityContextHolder.getContext().getAuthentication();
            if (user != null && user.isAuthenticated() && !(user instanceof AnonymousAuthenticationToken) && byTheUser(request)) {
                activity.touch(user.getName());
            }
        }
    }

    private static boolean byTheUser(HttpServletRequest request) {
        String vaadinRequest = request.getParameter("v-r");
        return vaadinRequest == null ? "GET".equals(request.getMethod()) && acceptsHtml(request) : "uidl".equals(vaadinRequest);
    }

    private static boolean acceptsHtml(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return accept != null && accept.contains("text/html");
    }
}
