package kr.jsoft.privacyportal.breach;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kr.jsoft.privacyportal.staff.Staff;
import kr.jsoft.privacyportal.web.BadRequestException;
import kr.jsoft.privacyportal.web.Lang;
import kr.jsoft.privacyportal.web.View;

/**
 * The breach register on the dashboard: {@code /manager/breach} (the register with each incident's
 * 72-hour clock), {@code /manager/breach/new} (record), {@code /manager/breach/<id>} (facts, duties,
 * notice, delivery, report status), {@code /manager/breach/<id>/report} and {@code …/report.txt} (the
 * regulator's report), and the POSTs {@code …/notice}, {@code …/resend}, {@code …/public-notice},
 * {@code …/submission}. A refused form is shown again with what was typed and a message per field.
 */
final class BreachDeskServlet extends HttpServlet {
    static final String BASE = "/manager/breach";

    private final BreachDesk desk;
    private final View view;

    BreachDeskServlet(BreachDesk desk, View view) {
        this.desk = desk;
        this.view = view;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String[] parts = parts(request);
        if (parts.length == 0) {
            Map<String, Object> model = model(request);
            model.put("rows", desk.register(Staff.event(request, "breach.register-viewed")));
            view.render(request, response, "breach/register", model);
        } else if (parts.length == 1 && parts[0].equals("new")) {
            newForm(request, response, IncidentForm.empty(), Map.of());
        } else if (parts.length == 1) {
            detail(request, response, id(parts[0]), null, null, Map.of());
        } else if (parts.length == 2 && parts[1].equals("report")) {
            Map<String, Object> model = model(request);
            model.put("report", desk.report(id(parts[0]), Staff.event(request, "breach.report-viewed"))
                    .orElseThrow(BreachDeskServlet::notFound));
            view.render(request, response, "breach/report", model);
        } else if (parts.length == 2 && parts[1].equals("report.txt")) {
            Map<String, Object> model = model(request);
            BreachViews.Report report = desk.report(id(parts[0]), Staff.event(request, "breach.report-downloaded"))
                    .orElseThrow(BreachDeskServlet::notFound);
            model.put("report", report);
            String text = view.renderToString(request, response, "breach/report.txt", model);
            response.setContentType("text/plain;charset=UTF-8");
            response.setHeader("Cache-Control", "no-store");
            response.setHeader("Content-Disposition", "attachment; filename=\"breach-report-"
                    + report.incident().reference() + ".txt\"");
            response.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
        } else {
            throw notFound();
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String[] parts = parts(request);
        if (parts.length == 1 && parts[0].equals("new")) {
            IncidentForm form = new IncidentForm(request.getParameter("discoveredAt"),
                    request.getParameter("whatHappened"),
                    request.getParameterValues("items") == null ? List.of()
                            : Arrays.asList(request.getParameterValues("items")),
                    request.getParameter("scope"), request.getParameter("windowFrom"),
                    request.getParameter("windowTo"), request.getParameter("listedDevices"),
                    request.getParameter("complaintReferences"), request.getParameter("outsideHacking") != null,
                    request.getParameter("sensitive") != null, request.getParameter("estimatedPeople"));
            BreachDesk.Result result = desk.record(form, Staff.event(request, "breach.recorded"));
            if (result.id().isPresent()) {
                response.sendRedirect(BASE + "/" + result.id().get() + "?recorded");
            } else {
                response.setStatus(422);
                newForm(request, response, form, result.errors());
            }
            return;
        }
        if (parts.length != 2) {
            throw notFound();
        }
        UUID id = id(parts[0]);
        switch (parts[1]) {
            case "notice" -> {
                NoticeParts input = new NoticeParts(request.getParameter("circumstancesKo"),
                        request.getParameter("circumstancesEn"), request.getParameter("whatToDoKo"),
                        request.getParameter("whatToDoEn"), request.getParameter("measuresKo"),
                        request.getParameter("measuresEn"));
                boolean send = "send".equals(request.getParameter("action"));
                BreachDesk.Result result = desk.saveNotice(id, input, send, Staff.event(request, "breach.notice"));
                if (result.id().isPresent()) {
                    response.sendRedirect(BASE + "/" + id + (send ? "?sent" : "?saved"));
                } else {
                    response.setStatus(422);
                    detail(request, response, id, input, null, result.errors());
                }
            }
            case "resend" -> {
                BreachDesk.Resent resent = desk.resend(id, Staff.event(request, "breach.notice-resent"));
                response.sendRedirect(BASE + "/" + id + "?requeued=" + resent.requeued() + "&woken="
                        + resent.wokenAgain());
            }
            case "public-notice" -> {
                desk.postPublicNotice(id, Staff.event(request, "breach.public-notice-posted"));
                response.sendRedirect(BASE + "/" + id + "?posted");
            }
            case "submission" -> {
                String at = request.getParameter("submittedAt");
                String to = request.getParameter("submittedTo");
                BreachDesk.Result result = desk.recordSubmission(id, at, to,
                        Staff.event(request, "breach.report-submitted"));
                if (result.id().isPresent()) {
                    response.sendRedirect(BASE + "/" + id + "?submitted");
                } else {
                    response.setStatus(422);
                    detail(request, response, id, null, new Submission(at, to), result.errors());
                }
            }
            default -> throw notFound();
        }
    }

    /** What was typed into the submission form, shown again on refusal. */
    record Submission(String submittedAt, String submittedTo) {
    }

    private void newForm(HttpServletRequest request, HttpServletResponse response, IncidentForm form,
                         Map<String, String> errors) throws IOException {
        Map<String, Object> model = model(request);
        model.put("form", form);
        model.put("errors", errors);
        model.put("items", List.of(LeakedItem.values()));
        model.put("scopes", List.of(IncidentScope.values()));
        view.render(request, response, "breach/new", model);
    }

    private void detail(HttpServletRequest request, HttpServletResponse response, UUID id, NoticeParts input,
                        Submission submission, Map<String, String> errors) throws IOException {
        BreachViews.Detail detail = desk.detail(id, Staff.event(request, "breach.viewed"))
                .orElseThrow(BreachDeskServlet::notFound);
        Map<String, Object> model = model(request);
        model.put("incident", detail);
        model.put("parts", input != null ? input : detail.parts());
        model.put("submission", submission != null ? submission : new Submission("", ""));
        model.put("errors", errors);
        model.put("fields", List.of(NoticeParts.FIELDS));
        model.put("flash", flash(request));
        view.render(request, response, "breach/detail", model);
    }

    private static Map<String, String> flash(HttpServletRequest request) {
        Map<String, String> flash = new HashMap<>();
        for (String key : List.of("recorded", "saved", "sent", "posted", "submitted")) {
            if (request.getParameter(key) != null) {
                flash.put(key, "");
            }
        }
        if (request.getParameter("requeued") != null) {
            flash.put("requeued", number(request.getParameter("requeued")));
            flash.put("woken", number(request.getParameter("woken")));
        }
        return flash;
    }

    private static String number(String value) {
        return value != null && value.matches("\\d{1,9}") ? value : "0";
    }

    private static Map<String, Object> model(HttpServletRequest request) {
        Map<String, Object> model = new HashMap<>();
        model.put("times", new BreachTimes(Lang.of(request)));
        return model;
    }

    private static String[] parts(HttpServletRequest request) {
        String rest = request.getRequestURI().substring(BASE.length());
        if (rest.isEmpty() || rest.equals("/")) {
            return new String[0];
        }
        return rest.substring(1).split("/", -1);
    }

    private static UUID id(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw notFound();
        }
    }

    private static BadRequestException notFound() {
        return new BadRequestException(404, "No such incident.");
    }
}
