package kr.jsoft.privacyportal.manager;

import kr.jsoft.privacyportal.staff.Staff;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import kr.jsoft.privacyportal.web.View;

/**
 * {@code /manager/sign-in} (email and password) and {@code /manager/sign-in/code} (TOTP or
 * recovery code). The session id changes when the second step passes (session fixation).
 */
final class SignInServlet extends HttpServlet {
    /** The second step must follow the first within this time. */
    static final Duration SECOND_STEP_WINDOW = Duration.ofMinutes(5);
    private final SignInService signIn;
    private final View view;
    private final Clock clock;

    SignInServlet(SignInService signIn, View view, Clock clock) {
        this.signIn = signIn;
        this.view = view;
        this.clock = clock;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HttpSession session = request.getSession(false);
        if (SignedIn.of(session) != null) {
            response.sendRedirect("/manager");
            return;
        }
        if (isCodeStep(request)) {
            if (pending(session) == null) {
                response.sendRedirect("/manager/sign-in");
                return;
            }
            render(request, response, "manager/sign-in-code", Map.of());
            return;
        }
        Map<String, Object> model = new HashMap<>();
        if (request.getParameter("signed-out") != null) {
            model.put("notice", "manager.sign-in.signed-out");
        }
        render(request, response, "manager/sign-in", model);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String address = Staff.clientAddress(request);
        if (isCodeStep(request)) {
            HttpSession session = request.getSession(false);
            SignedIn.PendingSignIn pending = pending(session);
            if (pending == null) {
                response.sendRedirect("/manager/sign-in");
                return;
            }
            SignInService.Result result = signIn.checkSecondFactor(pending.accountId(), request.getParameter("code"),
                    address);
            if (result.outcome() != SignInService.Outcome.PASSED) {
                refuse(request, response, "manager/sign-in-code", result, Map.of(), "manager.sign-in.wrong-code");
                return;
            }
            session.removeAttribute(SignedIn.PENDING_ATTRIBUTE);
            request.changeSessionId();
            Instant now = clock.instant();
            session.setAttribute(SignedIn.ATTRIBUTE, new SignedIn(result.accountId(), now, now));
            response.sendRedirect("/manager");
            return;
        }
        String email = request.getParameter("email");
        SignInService.Result result = signIn.checkPassword(email, request.getParameter("password"), address);
        if (result.outcome() != SignInService.Outcome.PASSED) {
            refuse(request, response, "manager/sign-in", result, Map.of("email", email == null ? "" : email),
                    "manager.sign-in.wrong-password");
            return;
        }
        request.getSession(true).setAttribute(SignedIn.PENDING_ATTRIBUTE,
                new SignedIn.PendingSignIn(result.accountId(), clock.instant()));
        response.sendRedirect("/manager/sign-in/code");
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, String template,
                        SignInService.Result result, Map<String, Object> input, String wrongKey) throws IOException {
        Map<String, Object> model = new HashMap<>(input);
        if (result.outcome() == SignInService.Outcome.THROTTLED) {
            response.setStatus(429);
            response.setHeader("Retry-After", Long.toString(Math.max(1, result.waitFor().toSeconds())));
            model.put("error", "manager.sign-in.throttled");
            model.put("waitSeconds", Math.max(1, result.waitFor().toSeconds()));
        } else {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            model.put("error", wrongKey);
        }
        render(request, response, template, model);
    }

    private SignedIn.PendingSignIn pending(HttpSession session) {
        if (session == null || !(session.getAttribute(SignedIn.PENDING_ATTRIBUTE) instanceof SignedIn.PendingSignIn p)) {
            return null;
        }
        return clock.instant().isBefore(p.at().plus(SECOND_STEP_WINDOW)) ? p : null;
    }

    private static boolean isCodeStep(HttpServletRequest request) {
        return request.getRequestURI().equals("/manager/sign-in/code");
    }

    private void render(HttpServletRequest request, HttpServletResponse response, String template,
                        Map<String, Object> model) throws IOException {
        response.setHeader("Cache-Control", "no-store");
        view.render(request, response, template, model);
    }
}
