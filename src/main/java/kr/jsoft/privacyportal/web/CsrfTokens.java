package kr.jsoft.privacyportal.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;
import kr.jsoft.privacyportal.crypto.KeyedHash;

/**
 * CSRF protection for every state-changing request, without storing anything for anonymous
 * visitors. A form's token ({@code ${csrf}} in templates, field {@code _csrf}) is an HMAC under
 * a key outside the database, with a purpose of its own, over one of two things:
 * <ul>
 * <li><b>With a session</b> (only staff signing in or signed in, and account set-up, have one):
 *     the session id. The id changes at sign-in ({@code changeSessionId}), so every token
 *     issued before sign-in, the visitor's and the half-signed-in session's, stops working
 *     then: a token planted before sign-in cannot act for the signed-in manager.</li>
 * <li><b>Without one</b> (every public visitor): a random nonce in the {@code portal_csrf}
 *     cookie ({@code __Host-portal_csrf} over https: {@code Secure}, {@code Path=/}, no domain,
 *     so no sibling host can plant it), {@code HttpOnly}, {@code SameSite=Strict}: a signed double
 *     submit. Another site can neither read the cookie nor compute the token from it.</li>
 * </ul>
 * A POST (or any unsafe method) whose field does not match gets the 403 page and changes
 * nothing. The cookie is set only when a page actually renders a form, so public pages stay
 * cookie-free and cacheable, and no public request touches the session store.
 * Exemptions are listed in {@link #EXEMPT_PREFIXES} and in README's Security section; they are
 * matched against the normalised path ({@link RequestPath}).
 */
public final class CsrfTokens extends HttpFilter {
    public static final String FIELD = "_csrf";
    static final String REQUEST_ATTRIBUTE = "csrfToken";
    /** The visitor cookie's name over plain http (development); the {@code __Host-} form needs {@code Secure}. */
    public static final String COOKIE = "portal_csrf";
    public static final String SECURE_COOKIE = "__Host-portal_csrf";
    private static final String SESSION_PURPOSE = "csrf-session";
    private static final String VISITOR_PURPOSE = "csrf-visitor";
    private static final String NONCE_ATTRIBUTE = "portal.csrf.nonce";
    private static final Pattern NONCE = Pattern.compile("[A-Za-z0-9_-]{43}");
    /**
     * Not protected by a CSRF token, each for a reason: the device API authenticates every
     * call with a device signature and carries no cookies; RFC 8058 one-click unsubscribe is
     * posted by mail clients that cannot know a token.
     */
    public static final List<String> EXEMPT_PREFIXES = List.of("/api/", "/unsubscribe/");

    private final KeyedHash mac;
    private final SecureRandom random;
    private final boolean https;

    /**
     * @param mac   HMAC under a key kept outside the database (each token names its purpose)
     * @param https whether the portal is reached over https: the cookie is then {@code __Host-…; Secure}
     */
    public CsrfTokens(KeyedHash mac, SecureRandom random, boolean https) {
        this.mac = mac;
        this.random = random;
        this.https = https;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = RequestPath.of(request);
        if (EXEMPT_PREFIXES.stream().anyMatch(prefix -> path.startsWith(prefix))) {
            chain.doFilter(request, response);
            return;
        }
        boolean safe = switch (request.getMethod()) {
            case "GET", "HEAD", "OPTIONS" -> true;
            default -> false;
        };
        if (!safe && !KeyedHash.same(expected(request), request.getParameter(FIELD))) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN,
                    "The form was out of date or did not come from this site. Please go back, reload it and try again.");
            return;
        }
        request.setAttribute(REQUEST_ATTRIBUTE, new LazyToken(request, response));
        chain.doFilter(request, response);
    }

    /** The token this request must carry, or null when it can have none (no session, no cookie). */
    private String expected(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            return mac.hash(SESSION_PURPOSE, session.getId());
        }
        String nonce = nonce(request);
        return nonce == null ? null : mac.hash(VISITOR_PURPOSE, nonce);
    }

    private String nonce(HttpServletRequest request) {
        if (request.getAttribute(NONCE_ATTRIBUTE) instanceof String issued) {
            return issued;
        }
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            String name = https ? SECURE_COOKIE : COOKIE;
            for (Cookie cookie : cookies) {
                if (name.equals(cookie.getName()) && NONCE.matcher(cookie.getValue()).matches()) {
                    return cookie.getValue();
                }
            }
        }
        return null;
    }

    /** The token for a form this request renders; a visitor without a cookie gets one now. */
    private String issue(HttpServletRequest request, HttpServletResponse response) {
        String expected = expected(request);
        if (expected != null) {
            return expected;
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String nonce = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Cookie cookie = new Cookie(https ? SECURE_COOKIE : COOKIE, nonce);
        cookie.setPath("/");
        cookie.setHttpOnly(true);
        cookie.setSecure(https);
        cookie.setAttribute("SameSite", "Strict");
        response.addCookie(cookie);
        request.setAttribute(NONCE_ATTRIBUTE, nonce);
        return mac.hash(VISITOR_PURPOSE, nonce);
    }

    /**
     * Computed only when a template renders a form ({@code View} renders to a string before
     * writing, so the cookie still fits in the headers); pages without a form set no cookie.
     */
    final class LazyToken {
        private final HttpServletRequest request;
        private final HttpServletResponse response;

        LazyToken(HttpServletRequest request, HttpServletResponse response) {
            this.request = request;
            this.response = response;
        }

        @Override
        public String toString() {
            return issue(request, response);
        }
    }
}
