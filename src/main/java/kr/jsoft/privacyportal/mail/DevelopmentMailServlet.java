package kr.jsoft.privacyportal.mail;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import kr.jsoft.privacyportal.audit.AuditEvent;
import kr.jsoft.privacyportal.web.DashboardTimes;
import kr.jsoft.privacyportal.staff.Staff;
import kr.jsoft.privacyportal.web.View;

/**
 * {@code /manager/dev/mail}: what the embedded development SMTP server received (development
 * mode without SMTP only; registered only when the mailbox exists), and with
 * {@code ?message=<Message-ID>} one mail's headers and text part. The HTML part is never
 * rendered: everything is shown escaped, as text.
 */
final class DevelopmentMailServlet extends HttpServlet {
    public static final String PATH = "/manager/dev/mail";

    private final DevelopmentMailReader reader;
    private final View view;

    public DevelopmentMailServlet(DevelopmentMailReader reader, View view) {
        this.reader = reader;
        this.view = view;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        AuditEvent by = Staff.event(request, AuditEvent.PERSONAL_DATA_VIEW);
        String messageId = request.getParameter("message");
        if (messageId == null || messageId.isBlank()) {
            view.render(request, response, "mail/pages/dev-mailbox", Map.of("mails", reader.list(by),
                    "times", new DashboardTimes()));
            return;
        }
        Optional<DevelopmentMailbox.ReceivedMail> mail = reader.read(by, messageId);
        if (mail.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        view.render(request, response, "mail/pages/dev-mail", Map.of("mail", mail.get(),
                "times", new DashboardTimes()));
    }
}
