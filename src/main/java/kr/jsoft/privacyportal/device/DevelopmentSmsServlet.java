package kr.jsoft.privacyportal.device;

import kr.jsoft.privacyportal.web.DashboardTimes;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import kr.jsoft.privacyportal.audit.AuditEvent;
import kr.jsoft.privacyportal.staff.Staff;
import kr.jsoft.privacyportal.web.View;

/**
 * {@code /manager/dev/sms}: the development SMS inbox (development mode only; registered only
 * when the inbox exists). Codes are shown in full: in development no SMS leaves the machine and
 * this page is how the person testing the app gets the code. Numbers are masked.
 */
final class DevelopmentSmsServlet extends HttpServlet {
    public static final String PATH = "/manager/dev/sms";

    private final DevelopmentSmsReader reader;
    private final View view;

    public DevelopmentSmsServlet(DevelopmentSmsReader reader, View view) {
        this.reader = reader;
        this.view = view;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        view.render(request, response, "device/sms", Map.of(
                "messages", reader.read(Staff.event(request, AuditEvent.PERSONAL_DATA_VIEW)),
                "times", new DashboardTimes()));
    }
}
