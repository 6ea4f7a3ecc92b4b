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
import kr.jsoft.privacyportal.web.Flash;
import kr.jsoft.privacyportal.web.Lang;
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
                    desk.statistics(Staff.event(request, "complaint.statistics-viewed")),
                    "times", new Times(Lang.of(request).locale()), "charts", desk.charts(Lang.of(request).locale())));
        } else {
            detail(request, response, id(path.substring(BASE.length() + 1)), Map.of());
        }
    }

    /** The case page; {@code form} holds a refused action's name, text and message key, shown again. */
    private void detail(HttpServletRequest request, HttpServletResponse response, UUID id, Map<String, String> form)
            throws IOException {
        ComplaintViews.Detail detail = desk.detail(id, Staff.event(request, "complaint.viewed"))
                .orElseThrow(() -> new BadRequestException(404, "No such complaint."));
        Map<String, Object> model = new HashMap<>();
        model.put("case", detail);
        model.put("assignees", desk.assignees());
        model.put("times", new Times(Lang.of(request).locale()));
        model.put("form", form);
        view.render(request, response, "complaint/detail", model);
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
        if (!List.of("assign", "note", "reply", "resolve", "refuse").contains(parts[2])) {
            throw new BadRequestException(404, "No such action.");
        }
        if (!parts[2].equals("assign") && (text == null || text.isBlank() || text.strip().length() > ComplaintDesk.TEXT_MAX)) {
            // Refused before anything is written: the case comes back with what was typed, and why.
            response.setStatus(422);
            detail(request, response, id, Map.of("action", parts[2], "text", text == null ? "" : text,
                    "error", text == null || text.isBlank() ? "complaint.refused.empty" : "complaint.refused.too-long"));
            return;
        }
        switch (parts[2]) {
            case "assign" -> desk.assign(id, id(Optional.ofNullable(request.getParameter("assignee")).orElse("")),
                    Staff.event(request, "complaint.assigned"));
            case "note" -> desk.note(id, text, author, Staff.event(request, "complaint.noted"));
            case "reply" -> desk.reply(id, text, author, Staff.event(request, "complaint.replied"));
            case "resolve" -> desk.resolve(id, text, author, Staff.event(request, "complaint.resolved"));
            default -> desk.refuse(id, text, author, Staff.event(request, "complaint.refused"));
        }
        Flash.done(request, "complaint.flash." + parts[2]);
        response.sendRedirect(BASE + "/" + id);
    }

    private void queue(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String assignee = request.getParameter("assignee");
        ComplaintViews.Filter filter = new ComplaintViews.Filter(
                CaseState.parse(request.getParameter("state")).orElse(null),
                Category.parse(request.getParameter("category")).orElse(null),
                assignee == null || assignee.isBlank() ? null : id(assignee),
                request.getParameter("overdue") != null && !request.getParameter("overdue").isBlank(),
                request.getParameter("reference"), day(request, "dueFrom"), day(request, "dueTo"));
        Map<String, Object> model = new HashMap<>();
        model.put("rows", desk.queue(filter));
        model.put("filter", filter);
        model.put("states", List.of(CaseState.values()));
        model.put("categories", List.of(Category.values()));
        model.put("assignees", desk.assignees());
        model.put("times", new Times(Lang.of(request).locale()));
        view.render(request, response, "complaint/queue", model);
    }

    private static java.time.LocalDate day(HttpServletRequest request, String name) {
        String value = request.getParameter(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return java.time.LocalDate.parse(value.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw new BadRequestException("Parameter '" + name + "': must be a date such as 2026-12-04.");
        }
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

        private final java.util.Locale locale;

        public Times(java.util.Locale locale) {
            this.locale = locale;
        }

        public String of(java.time.Instant instant) {
            return instant == null ? "—" : FORMAT.format(instant.atZone(kr.jsoft.privacyportal.web.Dates.SEOUL));
        }

        public String duration(java.time.Duration d) {
            return d == null ? "—" : kr.jsoft.privacyportal.web.TimeLeft.amount(d, locale);
        }
    }
}
