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
import kr.jsoft.privacyportal.web.DashboardTimes;
import kr.jsoft.privacyportal.web.Flash;
import kr.jsoft.privacyportal.web.Lang;
import kr.jsoft.privacyportal.web.View;

/**
 * {@code /manager/destruction} (the queue with the PIPA deadline and the 60-second promise),
 * {@code /manager/destruction/<id>} (a request's timeline per device) and
 * {@code POST /manager/destruction/<id>/retry-wake-up} (command id in {@code command}).
 */
final class DestructionDeskServlet extends HttpServlet {
    public static final String BASE = "/manager/destruction";
    public static final String STATISTICS = BASE + "/statistics";

    private final DestructionDesk desk;
    private final View view;

    public DestructionDeskServlet(DestructionDesk desk, View view) {
        this.desk = desk;
        this.view = view;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getRequestURI();
        if (path.equals(BASE) || path.equals(BASE + "/")) {
            Map<String, Object> model = new HashMap<>();
            model.put("times", new DashboardTimes());
            DestructionViews.Filter filter = new DestructionViews.Filter(
                    choice(request, "state", RequestState.class), choice(request, "origin", Origin.class),
                    reference(request));
            model.put("filter", filter);
            model.put("states", RequestState.values());
            model.put("origins", Origin.values());
            model.put("rows", desk.queue(filter));
            view.render(request, response, "destruction/queue", model);
            return;
        }
        if (path.equals(STATISTICS)) {
            view.render(request, response, "destruction/statistics",
                    Map.of("charts", desk.charts(Lang.of(request).locale())));
            return;
        }
        renderDetail(request, response, id(path.substring(BASE.length() + 1)), Map.of());
    }

    /** The detail page; {@code form} holds a refused decision's input and error, to be shown again. */
    private void renderDetail(HttpServletRequest request, HttpServletResponse response, UUID id,
                              Map<String, String> form) throws IOException {
        Map<String, Object> model = new HashMap<>();
        model.put("times", new DashboardTimes());
        DestructionViews.Detail detail = desk.detail(id, Staff.event(request, "destruction.viewed"))
                .orElseThrow(() -> new BadRequestException(404, "No such destruction request."));
        model.put("detail", detail);
        model.put("form", form);
        String retried = request.getParameter("retried");
        if (retried != null && retried.matches("scheduled|finished")) {
            model.put("retried", retried);
        }
        view.render(request, response, "destruction/detail", model);
    }

    private static <E extends Enum<E>> E choice(HttpServletRequest request, String name, Class<E> type) {
        String value = request.getParameter(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("Parameter '" + name + "': not one of the listed choices.");
        }
    }

    private static String reference(HttpServletRequest request) {
        String value = request.getParameter("reference");
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > 20) {
            throw new BadRequestException("Parameter 'reference': at most 20 characters.");
        }
        return value.strip();
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
            boolean execute = parts[2].equals("execute");
            if (text == null || text.isBlank() || text.strip().length() > DestructionIntake.EXPLANATION_MAX) {
                // Refused before anything is written: the page comes back with what was typed.
                response.setStatus(422);
                renderDetail(request, response, id, Map.of("action", parts[2], "text", text == null ? "" : text,
                        "error", execute ? "destruction.review.execute.required" : "destruction.review.refuse.required"));
                return;
            }
            DestructionDesk.Decision decision = execute
                    ? desk.execute(id, text, Staff.event(request, "destruction.executed"))
                    : desk.refuse(id, text, Staff.event(request, "destruction.refused"));
            if (decision == DestructionDesk.Decision.UNKNOWN) {
                throw new BadRequestException(404, "No such destruction request.");
            }
            if (decision == DestructionDesk.Decision.NOT_IN_REVIEW) {
                throw new BadRequestException(409, "This request is not waiting for a decision.");
            }
            Flash.done(request, execute ? "destruction.flash.executed" : "destruction.flash.refused");
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
