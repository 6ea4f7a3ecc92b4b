package kr.jsoft.privacyportal.destruction;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import kr.jsoft.privacyportal.web.ClientAddress;
import kr.jsoft.privacyportal.web.Lang;
import kr.jsoft.privacyportal.web.PageTimes;
import kr.jsoft.privacyportal.web.View;

/**
 * The public destruction pages under {@code /{lang}/destruction}: the request form (POST answers
 * with a redirect to the status page, whatever the number), {@code /status/<token>} (the secret
 * status link, refreshing itself without JavaScript) and {@code /verify} (check a certificate).
 */
final class DestructionServlet extends HttpServlet {
    static final String STATUS = "/status/";
    static final String VERIFY = "/verify";
    static final String LOST = "/lost";
    static final String CODE = "/code";
    /** The signed certificate as a file of its own, for keeping and for any JWT tool. */
    static final String CERTIFICATE_FILE = "/certificate.jwt";
    /** Seconds between the status page's own refreshes while the request is open. */
    static final int REFRESH_SECONDS = 5;

    private final DestructionIntake intake;
    private final Certificates certificates;
    private final View view;
    private final ClientAddress clientAddress;

    public DestructionServlet(DestructionIntake intake, Certificates certificates, View view,
                              ClientAddress clientAddress) {
        this.clientAddress = clientAddress;
        this.intake = intake;
        this.certificates = certificates;
        this.view = view;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String rest = rest(request);
        if (rest.isEmpty() || rest.equals("/")) {
            form(request, response, new HashMap<>(), 200);
        } else if (rest.equals(VERIFY)) {
            view.render(request, response, "destruction/verify", new HashMap<>(Map.of("certificate", "",
                    "times", new PageTimes(Lang.of(request)))));
        } else if (rest.equals(LOST)) {
            lostForm(request, response, new HashMap<>(), 200);
        } else if (rest.startsWith(STATUS) && rest.endsWith(CERTIFICATE_FILE)) {
            certificateFile(response, rest.substring(STATUS.length(), rest.length() - CERTIFICATE_FILE.length()));
        } else if (rest.startsWith(STATUS) && !rest.endsWith(CODE)) {
            status(request, response, rest.substring(STATUS.length()), null, 200);
        } else {
            response.sendError(404);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String rest = rest(request);
        Lang lang = Lang.of(request);
        if (rest.isEmpty() || rest.equals("/")) {
            String phone = param(request, "phone");
            String email = param(request, "email");
            Map<String, String> problems = DestructionIntake.problems(phone, email);
            if (!problems.isEmpty()) {
                Map<String, Object> model = new HashMap<>();
                model.put("phone", phone);
                model.put("email", email);
                model.put("errors", problems);
                form(request, response, model, 422);
                return;
            }
            DestructionViews.Submitted submitted = intake.requestOnWebsite(phone, email, lang, clientAddress.of(request));
            response.sendRedirect(DestructionIntake.statusPath(lang, submitted.statusToken()));
        } else if (rest.equals(LOST)) {
            lost(request, response, lang);
        } else if (rest.startsWith(STATUS) && rest.endsWith(CODE)) {
            String token = rest.substring(STATUS.length(), rest.length() - CODE.length());
            DestructionIntake.CodeResult result = intake.confirmCode(token, param(request, "code"));
            if (result == DestructionIntake.CodeResult.WRONG) {
                status(request, response, token, "destruction.code.wrong", 422);
                return;
            }
            response.sendRedirect(DestructionIntake.statusPath(lang, token));
        } else if (rest.equals(VERIFY)) {
            String certificate = param(request, "certificate");
            Certificates.Verification verification = certificates.verify(certificate);
            Map<String, Object> model = new HashMap<>();
            model.put("certificate", certificate);
            model.put("verification", verification);
            model.put("times", new PageTimes(lang));
            response.setStatus(verification.valid() ? 200 : 422);
            view.render(request, response, "destruction/verify", model);
        } else {
            response.sendError(404);
        }
    }

    /** "I no longer have my device": by SMS code to the number, or by the privacy manager's review. */
    private void lost(HttpServletRequest request, HttpServletResponse response, Lang lang) throws IOException {
        String way = param(request, "way");
        String phone = param(request, "phone");
        String email = param(request, "email");
        String explanation = param(request, "explanation");
        boolean review = "review".equals(way);
        Map<String, String> problems = review ? DestructionIntake.reviewProblems(phone, email, explanation)
                : DestructionIntake.problems(phone, email);
        if (!problems.isEmpty()) {
            Map<String, Object> model = new HashMap<>();
            model.put(review ? "reviewPhone" : "phone", phone);
            model.put(review ? "reviewEmail" : "email", email);
            model.put("explanation", explanation);
            model.put(review ? "reviewErrors" : "errors", problems);
            lostForm(request, response, model, 422);
            return;
        }
        DestructionViews.Submitted submitted = review
                ? intake.requestReview(phone, email, explanation, lang, clientAddress.of(request))
                : intake.requestWithSmsCode(phone, email, lang, clientAddress.of(request));
        response.sendRedirect(DestructionIntake.statusPath(lang, submitted.statusToken()));
    }

    private void lostForm(HttpServletRequest request, HttpServletResponse response, Map<String, Object> model,
                          int status) throws IOException {
        model.putIfAbsent("errors", Map.of());
        model.putIfAbsent("reviewErrors", Map.of());
        for (String field : new String[] {"phone", "email", "reviewPhone", "reviewEmail", "explanation"}) {
            model.putIfAbsent(field, "");
        }
        model.put("explanationMax", DestructionIntake.EXPLANATION_MAX);
        response.setStatus(status);
        view.render(request, response, "destruction/lost", model);
    }

    private void form(HttpServletRequest request, HttpServletResponse response, Map<String, Object> model, int status)
            throws IOException {
        model.putIfAbsent("errors", Map.of());
        model.putIfAbsent("phone", "");
        model.putIfAbsent("email", "");
        response.setStatus(status);
        view.render(request, response, "destruction/form", model);
    }

    private void status(HttpServletRequest request, HttpServletResponse response, String token, String codeError,
                        int code) throws IOException {
        // The address holds the secret: never cache the page, never send it on as a Referer.
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Referrer-Policy", "no-referrer");
        Optional<DestructionViews.Status> status = intake.status(token);
        if (status.isEmpty()) {
            response.setStatus(404);
            view.render(request, response, "destruction/status-unknown", Map.of());
            return;
        }
        Map<String, Object> model = new HashMap<>();
        model.put("status", status.get());
        status.get().certificate().map(certificates::verify).flatMap(Certificates.Verification::facts)
                .ifPresent(facts -> model.put("facts", facts));
        model.put("refreshSeconds", REFRESH_SECONDS);
        model.put("times", new PageTimes(Lang.of(request)));
        model.put("token", token);
        if (codeError != null) {
            model.put("codeError", codeError);
        }
        response.setStatus(code);
        view.render(request, response, "destruction/status", model);
    }

    /** The certificate as a download ({@code D-2026-000001.jwt}); 404 until there is one. */
    private void certificateFile(HttpServletResponse response, String token) throws IOException {
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Referrer-Policy", "no-referrer");
        Optional<DestructionViews.Status> status = intake.status(token);
        if (status.isEmpty() || status.get().certificate().isEmpty()) {
            response.sendError(404);
            return;
        }
        response.setContentType("application/jwt");
        response.setHeader("Content-Disposition",
                "attachment; filename=\"" + status.get().reference() + ".jwt\"");
        response.getOutputStream().write(status.get().certificate().get().getBytes(StandardCharsets.US_ASCII));
    }

    private static String param(HttpServletRequest request, String name) {
        return Optional.ofNullable(request.getParameter(name)).orElse("");
    }

    private static String rest(HttpServletRequest request) {
        String path = request.getPathInfo();
        return path == null ? "" : path;
    }
}
