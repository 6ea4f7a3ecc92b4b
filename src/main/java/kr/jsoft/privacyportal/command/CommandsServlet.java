package kr.jsoft.privacyportal.command;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import kr.jsoft.privacyportal.web.DashboardTimes;
import kr.jsoft.privacyportal.staff.Staff;
import kr.jsoft.privacyportal.web.BadRequestException;
import kr.jsoft.privacyportal.web.View;

/**
 * {@code /manager/commands/<deviceId>} (a device's commands, newest first, failed and expired
 * ones highlighted), {@code /manager/commands/<deviceId>/<commandId>} (one command with its
 * wake-ups and receipts) and POST to the latter ("retry wake-up"). {@link Commands} records
 * every view and retry in the audit log.
 */
final class CommandsServlet extends HttpServlet {
    public static final String PATH = "/manager/commands/*";
    static final String BASE = "/manager/commands";

    private final Commands commands;
    private final View view;

    public CommandsServlet(Commands commands, View view) {
        this.commands = commands;
        this.view = view;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String[] ids = ids(request.getRequestURI());
        UUID deviceId = uuid(ids[0]);
        String staff = Staff.current(request).accountId().toString();
        Map<String, Object> model = new HashMap<>();
        model.put("deviceId", deviceId);
        model.put("times", new DashboardTimes());
        if (ids.length == 1) {
            model.put("commands", commands.historyOf(deviceId, staff, Staff.clientAddress(request)));
            view.render(request, response, "command/history", model);
            return;
        }
        Optional<CommandDetail> detail = commands.detail(uuid(ids[1]), staff, Staff.clientAddress(request))
                .filter(d -> d.command().deviceId().equals(deviceId));
        if (detail.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        model.put("detail", detail.get());
        String retried = request.getParameter("retried");
        if (retried != null && retried.matches("[A-Za-z]{1,20}")) {
            model.put("retried", retried);
        }
        view.render(request, response, "command/detail", model);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String[] ids = ids(request.getRequestURI());
        if (ids.length != 2) {
            response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
            return;
        }
        UUID deviceId = uuid(ids[0]);
        UUID commandId = uuid(ids[1]);
        Commands.RetryResult result = commands.retryWakeUp(commandId, Staff.current(request).accountId().toString(),
                Staff.clientAddress(request));
        response.sendRedirect(BASE + "/" + deviceId + "/" + commandId + "?retried=" + result.name());
    }

    private static String[] ids(String path) {
        if (!path.startsWith(BASE + "/")) {
            throw new BadRequestException(404, "No such device.");
        }
        String[] ids = path.substring((BASE + "/").length()).split("/", -1);
        if (ids.length > 2) {
            throw new BadRequestException(404, "No such page.");
        }
        return ids;
    }

    private static UUID uuid(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(404, "No such device or command.");
        }
    }
}
