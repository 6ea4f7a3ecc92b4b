package kr.jsoft.privacyportal.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

/**
 * Synchronizer-token CSRF protection for every state-changing request of the portal.
 * GET pages that show a form get a token ({@code ${csrf}} in templates, field {@code _csrf});
 * a POST without the session's token gets the 403 page and changes nothing.
 * Exemptions are listed in {@link #EXEMPT_PREFIXES} and in README's Security section.
 */
public final class CsrfTokens extends HttpFilter {
    public static final String FIELD = "_csrf";
    static final String REQUEST_ATTRIBUTE = "csrfToken";
    private static final String SESSION_ATTRIBUTE = "portal.csrf";
    /**
     * Not protected by a CSRF token, each for a reason: the device API authenticates every
     * call with a device signature and carries no cookies; RFC 8058 one-click unsubscribe is
     * posted by mail clients that cannot know a token.
     */
    public static final List<String> EXEMPT_PREFIXES = List.of("/api/", "/unsubscribe/");

    private final SecureRandom random;

    public CsrfTokens(SecureRandom random) {
        this.random = random;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI();
        if (EXEMPT_PREFIXES.stream().anyMatch(path::startsWith)) {
            chain.doFilter(request, response);
            return;
        }
        boolean safe = switch (request.getMethod()) {
            case "GET", "HEAD", "OPTIONS" -> true;
            default -> false;
        };
        if (safe) {
            request.setAttribute(REQUEST_ATTRIBUTE, new LazyToken(request, random));
            chain.doFilter(request, response);
            return;
        }
        HttpSession session = request.getSession(false);
        String expected = session == null ? null : (String) session.getAttribute(SESSION_ATTRIBUTE);
        String given = request.getParameter(FIELD);
        if (expected == null || given == null || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                given.getBytes(StandardCharsets.UTF_8))) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN,
                    "The form was out of date or did not come from this site. Please go back, reload it and try again.");
            return;
        }
        request.setAttribute(REQUEST_ATTRIBUTE, new LazyToken(request, random));
        chain.doFilter(request, response);
    }

    /** Creates the session's token only when a template actually renders a form. */
    static final class LazyToken {
        private final HttpServletRequest request;
        private final SecureRandom random;

        LazyToken(HttpServletRequest request, SecureRandom random) {
            this.request = request;
            this.random = random;
        }

        @Override
        public String toString() {
            HttpSession session = request.getSession(true);
            synchronized (session) {
                String token = (String) session.getAttribute(SESSION_ATTRIBUTE);
                if (token == null) {
                    byte[] bytes = new byte[32];
                    random.nextBytes(bytes);
                    token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
                    session.setAttribute(SESSION_ATTRIBUTE, token);
                }
                return token;
            }
        }
    }
}
