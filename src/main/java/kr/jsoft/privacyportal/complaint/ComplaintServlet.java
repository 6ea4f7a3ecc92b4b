package kr.jsoft.privacyportal.complaint;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kr.jsoft.privacyportal.web.ClientAddress;
import kr.jsoft.privacyportal.web.Lang;
import kr.jsoft.privacyportal.web.View;

/**
 * The public complaint pages under {@code /{lang}/complaints}: {@code /new} (the form),
 * {@code /status/<token>} (the case behind the secret link; POST adds a message),
 * {@code /status-link} (re-send the link) with its {@code /status-link/sent} answer, and
 * {@code /received} (what a filled honeypot gets).
 */
final class ComplaintServlet extends HttpServlet {
    /** A field people never see (hidden by the stylesheet) and bots fill in. */
    static final String HONEYPOT = "website";
    private static final String STATUS = "/status/";

    private final ComplaintIntake intake;
    private final View view;
    private final java.util.function.Supplier<java.net.URI> baseUrl;
    private final ClientAddress clientAddress;

    public ComplaintServlet(ComplaintIntake intake, View view, ClientAddress clientAddress,
                            java.util.function.Supplier<java.net.URI> baseUrl) {
        this.intake = intake;
        this.view = view;
        this.clientAddress = clientAddress;
        this.baseUrl = baseUrl;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String rest = rest(request);
        Lang lang = Lang.of(request);
        switch (rest) {
            case "/new" -> form(request, response, new HashMap<>(Map.of("language", lang.code())), 200);
            case "/status-link" -> view.render(request, response, "complaint/status-link", new HashMap<>());
            case "/status-link/sent" -> view.render(request, response, "complaint/status-link-sent", Map.of());
            case "/received" -> view.render(request, response, "complaint/received", Map.of());
            default -> {
                if (!rest.startsWith(STATUS)) {
                    response.sendError(404);
                    return;
                }
                status(request, response, rest.substring(STATUS.length()), null, 200);
            }
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String rest = rest(request);
        Lang lang = Lang.of(request);
        if ("/new".equals(rest)) {
            submit(request, response, lang);
        } else if ("/status-link".equals(rest)) {
            intake.resendLink(request.getParameter("reference"), request.getParameter("email"), clientAddress.of(request));
            response.sendRedirect("/" + lang.code() + "/complaints/status-link/sent");
        } else if (rest.startsWith(STATUS)) {
            String token = rest.substring(STATUS.length());
            String message = Optional.ofNullable(request.getParameter("message")).orElse("");
            if (ComplaintIntake.blank(message) || message.strip().length() > ComplaintIntake.DESCRIPTION_MAX) {
                status(request, response, token, message, 422);
                return;
            }
            if (!intake.addMessage(token, message)) {
                status(request, response, token, message, 409);
                return;
            }
            response.sendRedirect("/" + lang.code() + "/complaints/status/" + token + "#conversation");
        } else {
            response.sendError(404);
        }
    }

    private void submit(HttpServletRequest request, HttpServletResponse response, Lang lang) throws IOException {
        if (!ComplaintIntake.blank(request.getParameter(HONEYPOT))) {
            // A bot: answer like a success, store and send nothing.
            response.sendRedirect("/" + lang.code() + "/complaints/received");
            return;
        }
        ComplaintViews.Submission submission = new ComplaintViews.Submission(param(request, "category"),
                param(request, "description"), param(request, "name"), param(request, "email"),
                param(request, "phone"), param(request, "language"));
        Map<String, String> problems = ComplaintIntake.problems(submission);
        if (!problems.isEmpty()) {
            Map<String, Object> model = new HashMap<>();
            model.put("category", submission.category());
            model.put("description", submission.description());
            model.put("name", submission.name());
            model.put("email", submission.email());
            model.put("phone", submission.phone());
            model.put("language", submission.language());
            model.put("errors", problems);
            form(request, response, model, 422);
            return;
        }
        ComplaintViews.Receipt receipt = intake.submit(submission, clientAddress.of(request));
        // The receipt is the status page itself, opened once with the "received" banner.
        response.sendRedirect(ComplaintIntake.statusPath(lang, receipt.statusToken()) + "?received");
    }

    private void form(HttpServletRequest request, HttpServletResponse response, Map<String, Object> model, int status)
            throws IOException {
        model.putIfAbsent("errors", Map.of());
        model.put("categories", List.of(Category.values()));
        model.put("descriptionMax", ComplaintIntake.DESCRIPTION_MAX);
        response.setStatus(status);
        view.render(request, response, "complaint/form", model);
    }

    private void status(HttpServletRequest request, HttpServletResponse response, String token, String message,
                        int code) throws IOException {
        Optional<ComplaintViews.Status> status = intake.status(token, Lang.of(request));
        if (status.isEmpty()) {
            response.setStatus(404);
            view.render(request, response, "complaint/status-unknown", Map.of());
            return;
        }
        // The address holds the secret: never cache the page, never send it on as a Referer.
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Referrer-Policy", "no-referrer");
        Map<String, Object> model = new HashMap<>();
        model.put("status", status.get());
        model.put("received", request.getParameter("received") != null);
        // The public address (PORTAL_BASE_URL), not whatever Host header reached this instance behind a proxy.
        model.put("statusUrl", baseUrl.get().resolve(request.getRequestURI()).toString());
        model.put("message", message == null ? "" : message);
        model.put("times", new ComplaintDeskServlet.Times());
        model.put("token", token);
        if (code == 422 || code == 409) {
            model.put("messageError", code == 422 ? "complaint.error.message" : "complaint.error.closed");
        }
        response.setStatus(code);
        view.render(request, response, "complaint/status", model);
    }

    private static String param(HttpServletRequest request, String name) {
        return Optional.ofNullable(request.getParameter(name)).orElse("");
    }

    private static String rest(HttpServletRequest request) {
        String path = request.getPathInfo();
        return path == null ? "" : path;
    }
}
