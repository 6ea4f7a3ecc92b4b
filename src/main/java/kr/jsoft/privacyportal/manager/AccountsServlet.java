package kr.jsoft.privacyportal.manager;

import kr.jsoft.privacyportal.staff.Role;
import kr.jsoft.privacyportal.staff.Staff;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import kr.jsoft.privacyportal.audit.AuditEvent;
import kr.jsoft.privacyportal.web.BadRequestException;
import kr.jsoft.privacyportal.web.View;

/**
 * {@code /manager/accounts} (list, invite) and {@code /manager/accounts/<id>} (change role,
 * disable, enable, reset). A new one-time link is shown once on the next page, to hand over
 * in person (mail comes with the mail feature); it is never logged.
 */
final class AccountsServlet extends HttpServlet {
    private static final String ISSUED = "manager.accounts.issuedLink";
    private final AccountService accounts;
    private final View view;
    private final SessionSecrets secrets;

    AccountsServlet(AccountService accounts, View view, SessionSecrets secrets) {
        this.accounts = accounts;
        this.view = view;
        this.secrets = secrets;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<UUID> id = accountId(request);
        if (id.isEmpty()) {
            renderList(request, response, Map.of(), Map.of());
            return;
        }
        renderAccount(request, response, id.get(), null);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<UUID> id = accountId(request);
        AuditEvent by = Staff.event(request, "staff.account");
        if (id.isEmpty()) {
            Role role = Role.parse(request.getParameter("role")).orElse(null);
            try {
                if (role == null) {
                    throw new AccountException("manager.account.role-invalid", "role");
                }
                AccountService.IssuedLink issued = accounts.create(request.getParameter("email"),
                        request.getParameter("displayName"), role, by);
                secrets.put(request.getSession(), ISSUED, issued.link().toString());
                response.sendRedirect("/manager/accounts/" + issued.accountId());
            } catch (AccountException e) {
                response.setStatus(422);
                Map<String, String> input = new HashMap<>();
                input.put("email", value(request, "email"));
                input.put("displayName", value(request, "displayName"));
                input.put("role", value(request, "role"));
                renderList(request, response, Map.of(e.field() == null ? "form" : e.field(), e.messageKey()), input);
            }
            return;
        }
        try {
            switch (value(request, "action")) {
                case "role" -> accounts.changeRole(id.get(), Role.parse(request.getParameter("role"))
                        .orElseThrow(() -> new BadRequestException("Parameter 'role': not a role.")), by);
                case "disable" -> accounts.setDisabled(id.get(), true, by);
                case "enable" -> accounts.setDisabled(id.get(), false, by);
                case "reset" -> secrets.put(request.getSession(), ISSUED,
                        accounts.reset(id.get(), by).link().toString());
                default -> throw new BadRequestException("Parameter 'action': must be role, disable, enable or reset.");
            }
        } catch (AccountException e) {
            if ("manager.account.unknown".equals(e.messageKey())) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            renderAccount(request, response, id.get(), e.messageKey());
            return;
        }
        response.sendRedirect("/manager/accounts/" + id.get());
    }

    private void renderList(HttpServletRequest request, HttpServletResponse response, Map<String, String> errors,
                            Map<String, String> input) throws IOException {
        Map<String, Object> model = new HashMap<>();
        model.put("accounts", accounts.list());
        model.put("roles", Role.values());
        model.put("errors", errors);
        model.put("input", input);
        view.render(request, response, "manager/accounts", model);
    }

    private void renderAccount(HttpServletRequest request, HttpServletResponse response, UUID id, String error)
            throws IOException {
        Optional<AccountService.AccountView> account = accounts.account(id);
        if (account.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        Map<String, Object> model = new HashMap<>();
        model.put("account", account.get());
        model.put("roles", Role.values());
        model.put("self", Staff.current(request).accountId().equals(id));
        var session = request.getSession(false);
        secrets.get(session, ISSUED, String.class).ifPresent(link -> {
            session.removeAttribute(ISSUED);
            model.put("issuedLink", link);
        });
        if (error != null) {
            model.put("error", error);
        }
        view.render(request, response, "manager/account", model);
    }

    private static Optional<UUID> accountId(HttpServletRequest request) {
        String path = request.getRequestURI();
        if (path.equals("/manager/accounts") || path.equals("/manager/accounts/")) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(path.substring("/manager/accounts/".length())));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(404, "No such account.");
        }
    }

    private static String value(HttpServletRequest request, String name) {
        String value = request.getParameter(name);
        return value == null ? "" : value;
    }
}
