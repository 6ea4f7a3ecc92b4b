package kr.jsoft.privacyportal.subscription;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import kr.jsoft.privacyportal.web.Lang;
import kr.jsoft.privacyportal.web.View;

/**
 * {@code /unsubscribe/{token}}: GET shows a button; POST deletes the address. The POST needs
 * no CSRF token (see {@code CsrfTokens.EXEMPT_PREFIXES}): RFC 8058 one-click unsubscribe is
 * posted by mail clients with the body {@code List-Unsubscribe=One-Click}. Unsubscribing is
 * idempotent, so the POST answers with the page itself (200) rather than a redirect, which
 * one-click clients need not follow.
 */
final class UnsubscribeServlet extends HttpServlet {
    private final NoticeSubscriptions subscriptions;
    private final View view;

    public UnsubscribeServlet(NoticeSubscriptions subscriptions, View view) {
        this.subscriptions = subscriptions;
        this.view = view;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<String> token = token(request);
        if (token.isEmpty()) {
            response.sendError(404);
            return;
        }
        // The page speaks the visitor's language (the path has no /ko/ or /en/: RFC 8058 fixes it).
        Optional<Lang> subscribed = subscriptions.subscriberLanguage(token.get());
        view.render(request, response, subscribed.isPresent() ? "subscription/unsubscribe" : "subscription/unsubscribed",
                Map.of("token", token.get()));
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // The one-click body (RFC 8058: List-Unsubscribe=One-Click) is read, within the form limits,
        // though the token in the path decides: a body left unread made Jetty close the connection
        // after the answer, and a client reusing it saw its next request dropped.
        request.getParameter("List-Unsubscribe");
        Optional<String> token = token(request);
        if (token.isEmpty()) {
            response.sendError(404);
            return;
        }
        subscriptions.unsubscribe(token.get());
        view.render(request, response, "subscription/unsubscribed", Map.of());
    }

    private static Optional<String> token(HttpServletRequest request) {
        String path = request.getPathInfo();
        if (path == null || path.length() < 2 || path.indexOf('/', 1) >= 0) {
            return Optional.empty();
        }
        return Optional.of(path.substring(1));
    }
}
