package kr.jsoft.privacyportal.destruction;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import kr.jsoft.privacyportal.command.Commands;
import kr.jsoft.privacyportal.staff.Role;
import kr.jsoft.privacyportal.staff.Staff;
import kr.jsoft.privacyportal.web.BadRequestException;
import kr.jsoft.privacyportal.web.Lang;
import kr.jsoft.privacyportal.web.View;

/**
 * {@code /manager/destruction} (the queue with the PIPA deadline and the 60-second promise),
 * {@code /manager/destruction/<id>} (a request's timeline per device) and
 * {@code POST /manager/destruction/<id>/retry-wake-up} (command id in {@code command}).
 */
final class DestructionDeskServlet extends HttpServlet {
    public static final String BASE = "/manager/destruction";

    private final DestructionDesk desk;
    private final View view;

    public DestructionDeskServlet(DestructionDesk desk, View view) {
        this.desk = desk;
        this.view = view;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getRequestURI();
        Map<String, Object> model = new HashMap<>();
        model.put("times", new DestructionServlet.Times(Lang.KO));
        if (path.equals(BASE) || path.equals(BASE + "/")) {
            model.put("rows", desk.queue());
            view.render(request, response, "destruction/queue", model);
            return;
        }
        UUID id = id(path.substring(BASE.length() + 1));
        DestructionViews.Detail detail = desk.detail(id, Staff.event(request, "destruction.viewed"))
                .orElseThrow(() -> new BadRequestException(404, "No such destruction request."));
        model.put("detail", detail);
        String retried = request.getParameter("retried");
        if (retried != null && retried.matches("scheduled|finished")) {
            model.put("retried", retried);
        }
        view.render(request, response, "destruction/detail", model);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String[] parts = request.getRequestURI().substring(BASE.length()).split("/");
        if (parts.length != 3) {
            throw new BadRequestException(404, "No such action.");
        }
        UUID id = id(parts[1]);
        if (parts[2].equals("execute") || parts[2].equals("refuse")) {
            // Deciding on a request that could not be verified is the privacy manager's own duty.
            if (Staff.current(request).role() != Role.PRIVACY_MANAGER) {
                throw new BadRequestException(403, "Only the privacy manager decides on requests in review.");
            }
            String text = request.getParameter("text");
            DestructionDesk.Decision decision = parts[2].equals("execute")
                    ? desk.execute(id, text, Staff.event(request, "destruction.executed"))
                    : desk.refuse(id, text, Staff.event(request, "destruction.refused"));
            if (decision == DestructionDesk.Decision.UNKNOWN) {
                throw new BadRequestException(404, "No such destruction request.");
            }
            if (decision == DestructionDesk.Decision.NOT_IN_REVIEW) {
                throw new BadRequestException(409, "This request is not waiting for a decision.");
            }
            response.sendRedirect(BASE + "/" + id);
            return;
        }
        if (!parts[2].equals("retry-wake-up")) {
            throw new BadRequestException(404, "No such action.");
        }
        UUID command = id(Optional.ofNullable(request.getParameter("command")).orElse(""));
        Commands.RetryResult result = desk.retryWakeUp(id, command, Staff.current(request).accountId().toString(),
                Staff.clientAddress(request));
        if (result == Commands.RetryResult.UNKNOWN) {
            throw new BadRequestException(404, "No such command in this request.");
        }
        response.sendRedirect(BASE + "/" + id + "?retried=" + result.name().toLowerCase(java.util.Locale.ROOT));
    }

    private static UUID id(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(404, "No such destruction request.");
        }
    }
}
