package kr.jsoft.privacyportal.complaint;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import kr.jsoft.privacyportal.staff.Staff;
import kr.jsoft.privacyportal.web.BadRequestException;
import kr.jsoft.privacyportal.web.View;

/**
 * {@code /manager/complaints} (the queue with filters and reference search),
 * {@code /manager/complaints/<id>} (a case and its timeline; audit-logged as a view of personal
 * data), {@code POST /manager/complaints/<id>/<action>} (assign, note, reply, resolve, refuse)
 * and {@code /manager/complaints/statistics}.
 */
final class ComplaintDeskServlet extends HttpServlet {
    public static final String BASE = "/manager/complaints";
    public static final String STATISTICS = BASE + "/statistics";

    private final ComplaintDesk desk;
    private final View view;

    public ComplaintDeskServlet(ComplaintDesk desk, View view) {
        this.desk = desk;
        this.view = view;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getRequestURI();
        if (path.equals(BASE) || path.equals(BASE + "/")) {
            queue(request, response);
        } else if (path.equals(STATISTICS)) {
            view.render(request, response, "complaint/statistics", Map.of("stats",
                    desk.statistics(Staff.event(request, "complaint.statistics-viewed")), "times", new Times()));
        } else {
            UUID id = id(path.substring(BASE.length() + 1));
            ComplaintViews.Detail detail = desk.detail(id, Staff.event(request, "complaint.viewed"))
                    .orElseThrow(() -> new BadRequestException(404, "No such complaint."));
            Map<String, Object> model = new HashMap<>();
            model.put("case", detail);
            model.put("assignees", desk.assignees());
            model.put("times", new Times());
            view.render(request, response, "complaint/detail", model);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String[] parts = request.getRequestURI().substring(BASE.length()).split("/");
        if (parts.length != 3) {
            response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
            return;
        }
        UUID id = id(parts[1]);
        String author = Staff.current(request).displayName();
        String text = request.getParameter("text");
        switch (parts[2]) {
            case "assign" -> desk.assign(id, id(Optional.ofNullable(request.getParameter("assignee")).orElse("")),
                    Staff.event(request, "complaint.assigned"));
            case "note" -> desk.note(id, text, author, Staff.event(request, "complaint.noted"));
            case "reply" -> desk.reply(id, text, author, Staff.event(request, "complaint.replied"));
            case "resolve" -> desk.resolve(id, text, author, Staff.event(request, "complaint.resolved"));
            case "refuse" -> desk.refuse(id, text, author, Staff.event(request, "complaint.refused"));
            default -> throw new BadRequestException(404, "No such action.");
        }
        response.sendRedirect(BASE + "/" + id);
    }

    private void queue(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String assignee = request.getParameter("assignee");
        ComplaintViews.Filter filter = new ComplaintViews.Filter(
                CaseState.parse(request.getParameter("state")).orElse(null),
                Category.parse(request.getParameter("category")).orElse(null),
                assignee == null || assignee.isBlank() ? null : id(assignee),
                request.getParameter("overdue") != null && !request.getParameter("overdue").isBlank(),
                request.getParameter("reference"));
        Map<String, Object> model = new HashMap<>();
        model.put("rows", desk.queue(filter));
        model.put("filter", filter);
        model.put("states", List.of(CaseState.values()));
        model.put("categories", List.of(Category.values()));
        model.put("assignees", desk.assignees());
        model.put("times", new Times());
        view.render(request, response, "complaint/queue", model);
    }

    private static UUID id(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(404, "No such complaint.");
        }
    }

    /** Dates and durations on the complaint pages, in Korean time. Public for the templates. */
    public static final class Times {
        private static final java.time.format.DateTimeFormatter FORMAT =
                java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'KST'");

        public String of(java.time.Instant instant) {
            return instant == null ? "—" : FORMAT.format(instant.atZone(kr.jsoft.privacyportal.web.Dates.SEOUL));
        }

        public String duration(java.time.Duration d) {
            return d == null ? "—" : d.toDays() + "d " + d.toHoursPart() + "h " + d.toMinutesPart() + "m";
        }
    }
}
