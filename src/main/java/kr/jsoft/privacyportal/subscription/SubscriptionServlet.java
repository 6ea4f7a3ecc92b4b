package kr.jsoft.privacyportal.subscription;

import kr.jsoft.privacyportal.mail.EmailAddresses;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import kr.jsoft.privacyportal.web.ClientAddress;
import kr.jsoft.privacyportal.web.Lang;
import kr.jsoft.privacyportal.web.View;

/**
 * {@code /{lang}/notices/subscribe}: the form (email, language), the "check your inbox" page,
 * and the confirmation link's page, whose button confirms (a GET alone never does: mail
 * scanners follow links).
 */
final class SubscriptionServlet extends HttpServlet {
    private final NoticeSubscriptions subscriptions;
    private final View view;
    private final ClientAddress clientAddress;

    public SubscriptionServlet(NoticeSubscriptions subscriptions, View view, ClientAddress clientAddress) {
        this.subscriptions = subscriptions;
        this.view = view;
        this.clientAddress = clientAddress;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String rest = rest(request);
        switch (rest) {
            case "" -> form(request, response, Map.of("language", Lang.of(request).code()), 200);
            case "/sent" -> view.render(request, response, "subscription/sent", Map.of());
            case "/confirmed" -> view.render(request, response, "subscription/confirmed", Map.of());
            default -> {
                Optional<String> token = confirmToken(rest);
                if (token.isPresent() && subscriptions.pendingConfirmation(token.get()).isPresent()) {
                    view.render(request, response, "subscription/confirm", Map.of());
                } else {
                    invalid(request, response, token.isPresent());
                }
            }
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String rest = rest(request);
        Lang lang = Lang.of(request);
        if (rest.isEmpty()) {
            String email = Optional.ofNullable(request.getParameter("email")).orElse("").strip();
            String language = Optional.ofNullable(request.getParameter("language")).orElse("");
            Map<String, Object> model = new HashMap<>();
            model.put("email", email);
            model.put("language", language);
            if (!EmailAddresses.isValid(email)) {
                model.put("emailError", "subscription.error.email");
            }
            Optional<Lang> chosen = Lang.parse(language);
            if (chosen.isEmpty()) {
                model.put("languageError", "subscription.error.language");
            }
            if (model.containsKey("emailError") || model.containsKey("languageError")) {
                form(request, response, model, 422);
                return;
            }
            subscriptions.subscribe(email, chosen.get(), clientAddress.of(request));
            response.sendRedirect("/" + lang.code() + "/notices/subscribe/sent");
            return;
        }
        Optional<String> token = confirmToken(rest);
        if (token.isPresent() && subscriptions.confirm(token.get()).isPresent()) {
            response.sendRedirect("/" + lang.code() + "/notices/subscribe/confirmed");
        } else {
            invalid(request, response, token.isPresent());
        }
    }

    private void form(HttpServletRequest request, HttpServletResponse response, Map<String, Object> model, int status)
            throws IOException {
        response.setStatus(status);
        view.render(request, response, "subscription/form", model);
    }

    private void invalid(HttpServletRequest request, HttpServletResponse response, boolean wasLink) throws IOException {
        if (!wasLink) {
            response.sendError(404);
            return;
        }
        response.setStatus(410);
        view.render(request, response, "subscription/invalid", Map.of());
    }

    private static String rest(HttpServletRequest request) {
        String path = request.getPathInfo();
        return path == null || "/".equals(path) ? "" : path;
    }

    private static Optional<String> confirmToken(String rest) {
        String prefix = "/confirm/";
        if (rest.startsWith(prefix) && rest.length() > prefix.length() && rest.indexOf('/', prefix.length()) < 0) {
            return Optional.of(rest.substring(prefix.length()));
        }
        return Optional.empty();
    }
}
