package kr.jsoft.privacyportal.mail;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import kr.jsoft.privacyportal.web.DashboardTimes;
import kr.jsoft.privacyportal.staff.Role;
import kr.jsoft.privacyportal.staff.Staff;
import kr.jsoft.privacyportal.staff.StaffMember;
import kr.jsoft.privacyportal.web.BadRequestException;
import kr.jsoft.privacyportal.web.View;

/**
 * {@code /manager/outbox} (the newest mails with state, attempts and last error, filtered by
 * {@code ?state=}), {@code /manager/outbox/<id>} (a preview of the mail as sent) and POST
 * {@code /manager/outbox/<id>} (retry a {@code FAILED} mail, or with {@code action=resend} queue a
 * copy to its recipient: privacy manager only). Addresses are masked for everyone but the privacy
 * manager, secret links redacted for everyone; {@link OutboxDashboard} records every view.
 */
final class OutboxServlet extends HttpServlet {
    public static final String PATH = "/manager/outbox/*";
    static final String BASE = "/manager/outbox";
    static final int LIMIT = 200;

    private final OutboxDashboard dashboard;
    private final View view;

    public OutboxServlet(OutboxDashboard dashboard, View view) {
        this.dashboard = dashboard;
        this.view = view;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getRequestURI();
        if (path.equals(BASE) || path.equals(BASE + "/")) {
            Optional<MailState> state = state(request.getParameter("state"));
            Map<String, Object> model = new HashMap<>();
            model.put("mails", dashboard.list(viewer(request), state, LIMIT));
            model.put("states", MailState.values());
            model.put("selected", state.map(Enum::name).orElse(""));
            model.put("times", new DashboardTimes());
            view.render(request, response, "mail/pages/outbox", model);
            return;
        }
        UUID id = mailId(path);
        Optional<OutboxDashboard.Preview> preview = dashboard.preview(viewer(request), id);
        if (preview.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        Map<String, Object> model = new HashMap<>();
        model.put("preview", preview.get());
        model.put("canResend", viewer(request).privacyManager());
        for (String outcome : new String[] {"retried", "resent"}) {
            String value = request.getParameter(outcome);
            if (value != null && value.matches("[A-Za-z]{1,20}")) {
                model.put(outcome, value);
            }
        }
        view.render(request, response, "mail/pages/preview", model);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        UUID id = mailId(request.getRequestURI());
        if ("resend".equals(request.getParameter("action"))) {
            OutboxDashboard.Resend resent = dashboard.resend(viewer(request), id);
            if (resent == OutboxDashboard.Resend.NOT_ALLOWED) {
                response.sendError(HttpServletResponse.SC_FORBIDDEN);
                return;
            }
            response.sendRedirect(BASE + "/" + id + "?resent=" + (resent == OutboxDashboard.Resend.QUEUED ? "yes" : "no"));
            return;
        }
        boolean retried = dashboard.retry(viewer(request), id);
        response.sendRedirect(BASE + "/" + id + "?retried=" + (retried ? "yes" : "no"));
    }

    private static OutboxDashboard.Viewer viewer(HttpServletRequest request) {
        StaffMember staff = Staff.current(request);
        return new OutboxDashboard.Viewer(staff.accountId().toString(), Staff.clientAddress(request),
                staff.role() == Role.PRIVACY_MANAGER);
    }

    private static Optional<MailState> state(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        return Arrays.stream(MailState.values()).filter(s -> s.name().equals(text)).findFirst()
                .or(() -> {
                    throw new BadRequestException("Unknown mail state.");
                });
    }

    private static UUID mailId(String path) {
        if (!path.startsWith(BASE + "/")) {
            throw new BadRequestException(404, "No such mail.");
        }
        try {
            return UUID.fromString(path.substring((BASE + "/").length()));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(404, "No such mail.");
        }
    }
}
