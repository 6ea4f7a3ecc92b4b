package kr.jsoft.privacyportal.device;

import kr.jsoft.privacyportal.web.DashboardTimes;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kr.jsoft.privacyportal.staff.Staff;
import kr.jsoft.privacyportal.sms.PhoneNumbers;
import kr.jsoft.privacyportal.web.BadRequestException;
import kr.jsoft.privacyportal.web.View;

/**
 * {@code /manager/devices} (counts by platform and state, latest check-ins, the lookup form),
 * {@code /manager/devices/lookup} (POST: the devices under one phone number) and
 * {@code /manager/devices/<id>} (a device's history from the audit log).
 *
 * <p>The lookup is a read, but it is a POST: the number never appears in an address (so not in
 * access logs, browser history or Referer headers) and the form carries the CSRF token. Its
 * result is rendered in the POST's response rather than redirected, since a redirect would need
 * the number in the address or in the session. {@link DeviceReports} records the lookup.
 */
final class DevicesServlet extends HttpServlet {
    /** How many devices "latest check-ins" lists. */
    static final int LATEST = 20;
    private static final String BASE = "/manager/devices";
    private static final String LOOKUP = BASE + "/lookup";

    private final DeviceReports reports;
    private final View view;

    public DevicesServlet(DeviceReports reports, View view) {
        this.reports = reports;
        this.view = view;
    }

    /** The paths to register: the pages (view only) and the lookup (a read done by POST). */
    public static String pagesPath() {
        return BASE + "/*";
    }

    public static String lookupPath() {
        return LOOKUP;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getRequestURI();
        if (path.equals(BASE) || path.equals(BASE + "/") || path.equals(LOOKUP)) {
            renderOverview(request, response, new HashMap<>());
            return;
        }
        UUID id = deviceId(path);
        DeviceReports.DeviceHistory history = reports.history(id, Staff.current(request).accountId().toString(),
                Staff.clientAddress(request));
        boolean neverKnown = history.current().isEmpty() && history.entries().stream()
                .allMatch(e -> "device.history-viewed".equals(e.action()));
        if (neverKnown) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        view.render(request, response, "device/history", Map.of("history", history, "times", new DashboardTimes()));
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!request.getRequestURI().equals(LOOKUP)) {
            response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
            return;
        }
        String number = request.getParameter("phoneNumber");
        Map<String, Object> model = new HashMap<>();
        if (number == null || number.isBlank() || !PhoneNumbers.isKoreanMobile(number)) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.put("input", number == null ? "" : number);
            model.put("error", number == null || number.isBlank() ? "device.lookup.required" : "device.lookup.invalid");
            renderOverview(request, response, model);
            return;
        }
        List<DeviceSummary> found = reports.lookUpByPhoneNumber(number, Staff.current(request).accountId().toString(),
                Staff.clientAddress(request));
        model.put("found", found);
        model.put("lookedUp", MaskedNumber.of(number));
        renderOverview(request, response, model);
    }

    private void renderOverview(HttpServletRequest request, HttpServletResponse response, Map<String, Object> model)
            throws IOException {
        List<DeviceReports.DeviceCount> counts = reports.counts();
        model.put("counts", counts);
        model.put("total", counts.stream().mapToLong(DeviceReports.DeviceCount::count).sum());
        model.put("latest", reports.latestCheckIns(LATEST));
        model.putIfAbsent("input", "");
        model.put("times", new DashboardTimes());
        view.render(request, response, "device/devices", model);
    }

    private static UUID deviceId(String path) {
        try {
            return UUID.fromString(path.substring((BASE + "/").length()));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(404, "No such device.");
        }
    }
}
