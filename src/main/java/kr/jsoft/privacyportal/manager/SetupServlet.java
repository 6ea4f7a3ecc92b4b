package kr.jsoft.privacyportal.manager;

import kr.jsoft.privacyportal.staff.Staff;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The one-time setup link: {@code /manager/setup/<token>} moves the token into the session
 * (so it leaves the address bar and history), then {@code /manager/setup} asks for a password
 * (and, on first run, the privacy manager's email and name), shows the TOTP secret as a QR
 * code and text, confirms a code, and finally shows the recovery codes once.
 */
final class SetupServlet extends HttpServlet {
    static final String STATE = "manager.setup";
    static final String CODES = "manager.setup.codes";
    private final AccountService accounts;
    private final Passwords passwords;
    private final Totp totp;
    private final kr.jsoft.privacyportal.web.View view;
    private final SessionSecrets secrets;

    /**
     * Progress through setup, kept in the HTTP session until the account is saved (sealed by
     * {@link SessionSecrets}: it holds the TOTP secret).
     */
    record State(String tokenHash, String email, String displayName, String passwordHash, String secret)
            implements Serializable {
    }

    SetupServlet(AccountService accounts, Passwords passwords, Totp totp, kr.jsoft.privacyportal.web.View view,
                 SessionSecrets secrets) {
        this.secrets = secrets;
        this.accounts = accounts;
        this.passwords = passwords;
        this.totp = totp;
        this.view = view;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Cache-Control", "no-store");
        String path = request.getRequestURI();
        if (path.startsWith("/manager/setup/")) {
            Optional<AccountService.LinkView> link = accounts.openLink(path.substring("/manager/setup/".length()));
            if (link.isEmpty()) {
                invalid(request, response);
                return;
            }
            secrets.put(request.getSession(true), STATE, new State(link.get().tokenHash(), null, null, null, null));
            response.sendRedirect("/manager/setup");
            return;
        }
        HttpSession session = request.getSession(false);
        List<?> codes = secrets.get(session, CODES, List.class).orElse(null);
        if (codes != null) {
            session.removeAttribute(CODES);
            view.render(request, response, "manager/setup-codes", Map.of("codes", codes));
            return;
        }
        State state = secrets.get(session, STATE, State.class).orElse(null);
        Optional<AccountService.LinkView> link = state == null ? Optional.empty()
                : accounts.openLinkByHash(state.tokenHash());
        if (link.isEmpty()) {
            invalid(request, response);
            return;
        }
        if (state.passwordHash() == null) {
            renderPasswordForm(request, response, link.get(), Map.of(), Map.of());
        } else {
            renderEnrolment(request, response, link.get(), state, null);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Cache-Control", "no-store");
        HttpSession session = request.getSession(false);
        State state = secrets.get(session, STATE, State.class).orElse(null);
        Optional<AccountService.LinkView> link = state == null ? Optional.empty()
                : accounts.openLinkByHash(state.tokenHash());
        if (link.isEmpty()) {
            invalid(request, response);
            return;
        }
        if ("password".equals(request.getParameter("step"))) {
            choosePassword(request, response, session, state, link.get());
        } else {
            confirmCode(request, response, session, state, link.get());
        }
    }

    private void choosePassword(HttpServletRequest request, HttpServletResponse response, HttpSession session,
                                State state, AccountService.LinkView link) throws IOException {
        String email = request.getParameter("email");
        String name = request.getParameter("displayName");
        String password = request.getParameter("password");
        Map<String, String> errors = new HashMap<>();
        if (link.asksForIdentity()) {
            try {
                email = AccountService.normaliseEmail(email);
            } catch (AccountException e) {
                errors.put("email", e.messageKey());
            }
            if (name != null && name.strip().length() > 100) {
                errors.put("displayName", "manager.account.name-too-long");
            }
        }
        passwords.problem(password).ifPresent(problem -> errors.put("password", problem));
        if (!errors.containsKey("password") && !password.equals(request.getParameter("confirm"))) {
            errors.put("confirm", "manager.password.mismatch");
        }
        if (!errors.isEmpty()) {
            response.setStatus(422);
            Map<String, String> input = new HashMap<>();
            input.put("email", email == null ? "" : email);
            input.put("displayName", name == null ? "" : name);
            renderPasswordForm(request, response, link, errors, input);
            return;
        }
        secrets.put(session, STATE, new State(state.tokenHash(), link.asksForIdentity() ? email : null,
                name, passwords.hash(password), totp.newSecret()));
        response.sendRedirect("/manager/setup");
    }

    private void confirmCode(HttpServletRequest request, HttpServletResponse response, HttpSession session,
                             State state, AccountService.LinkView link) throws IOException {
        if (state.passwordHash() == null) {
            response.sendRedirect("/manager/setup");
            return;
        }
        OptionalLong step = totp.verify(state.secret(), request.getParameter("code"), 0);
        if (step.isEmpty()) {
            response.setStatus(422);
            renderEnrolment(request, response, link, state, "manager.setup.wrong-code");
            return;
        }
        List<String> codes;
        try {
            codes = accounts.completeSetup(state.tokenHash(), state.email(), state.displayName(), state.passwordHash(),
                    state.secret(), step.getAsLong(), Staff.clientAddress(request));
        } catch (AccountException e) {
            invalid(request, response);
            return;
        }
        session.removeAttribute(STATE);
        secrets.put(session, CODES, List.copyOf(codes));
        response.sendRedirect("/manager/setup");
    }

    private void renderPasswordForm(HttpServletRequest request, HttpServletResponse response,
                                    AccountService.LinkView link, Map<String, String> errors,
                                    Map<String, String> input) throws IOException {
        Map<String, Object> model = new HashMap<>();
        model.put("asksForIdentity", link.asksForIdentity());
        model.put("errors", errors);
        model.put("input", input);
        model.put("minLength", Passwords.MIN_LENGTH);
        view.render(request, response, "manager/setup-password", model);
    }

    private void renderEnrolment(HttpServletRequest request, HttpServletResponse response, AccountService.LinkView link,
                                 State state, String error) throws IOException {
        String label = link.accountLabel() != null ? link.accountLabel() : state.email();
        Map<String, Object> model = new HashMap<>();
        model.put("secret", state.secret().replaceAll("(.{4})(?!$)", "$1 "));
        model.put("qrCode", Totp.qrCodeDataUri(Totp.uri(state.secret(), label)));
        if (error != null) {
            model.put("error", error);
        }
        view.render(request, response, "manager/setup-totp", model);
    }

    private void invalid(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        view.render(request, response, "manager/setup-invalid", Map.of());
    }
}
