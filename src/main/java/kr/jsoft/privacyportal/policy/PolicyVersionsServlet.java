package kr.jsoft.privacyportal.policy;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import kr.jsoft.privacyportal.staff.Staff;
import kr.jsoft.privacyportal.web.BadRequestException;
import kr.jsoft.privacyportal.web.Dates;
import kr.jsoft.privacyportal.web.Lang;
import kr.jsoft.privacyportal.web.Messages;
import kr.jsoft.privacyportal.web.View;

/**
 * The lifecycle dashboard: {@code /manager/policies} (versions with states; rescan),
 * {@code /manager/policies/<label>} (review: checklist, notice period, schedule, postpone,
 * withdraw), {@code /manager/policies/<label>/preview?lang=} and {@code …/redline?lang=}.
 */
final class PolicyVersionsServlet extends HttpServlet {
    static final String LIST = "policy/manage-list";
    static final String VERSION = "policy/manage-version";
    static final String PREVIEW = "policy/manage-preview";
    private static final String FLASH = "policy.manage.flash";
    private static final String PREFIX = "/manager/policies";

    private final PolicyLifecycle lifecycle;
    private final PolicyService policies;
    private final View view;

    PolicyVersionsServlet(PolicyLifecycle lifecycle, PolicyService policies, View view) {
        this.lifecycle = lifecycle;
        this.policies = policies;
        this.view = view;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String[] path = path(request);
        if (path.length == 0) {
            renderList(request, response, 200, Map.of());
            return;
        }
        PolicyVersionInfo version = policies.find(path[0]).orElseThrow(() -> unknown(request, path[0]));
        if (path.length == 1) {
            renderVersion(request, response, version.label(), 200, Map.of(), Map.of());
            return;
        }
        Lang lang = Lang.parse(request.getParameter("lang")).orElse(Lang.of(request));
        Map<String, Object> model = new HashMap<>();
        model.put("version", version);
        model.put("textLang", lang.code());
        switch (path[1]) {
            case "preview" -> model.put("text", policies.render(version, lang));
            case "redline" -> {
                PolicyVersionInfo from = policies.current().orElseThrow(() ->
                        new BadRequestException(404, Messages.resolve(Lang.of(request).locale(), "policy.none")));
                model.put("from", from);
                model.put("redline", policies.compare(from, version, lang));
            }
            default -> throw unknown(request, String.join("/", path));
        }
        view.render(request, response, PREVIEW, model);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String[] path = path(request);
        Lang lang = Lang.of(request);
        String action = request.getParameter("action");
        if (path.length == 0) {
            if (!"rescan".equals(action)) {
                throw new BadRequestException("Parameter 'action': must be rescan.");
            }
            ImportReport report = lifecycle.rescan(Staff.event(request, "policy.rescan"));
            flash(request, Messages.resolve(lang.locale(), "policy.manage.rescanned", report.imported(),
                    report.draftsUpdated(), report.refusedFiles().size(), report.invalidFolders()));
            response.sendRedirect(PREFIX);
            return;
        }
        if (path.length != 1) {
            throw unknown(request, String.join("/", path));
        }
        String label = path[0];
        policies.find(label).orElseThrow(() -> unknown(request, label));
        Map<String, String> input = new HashMap<>();
        input.put("effectiveDate", value(request, "effectiveDate"));
        input.put("checklistWaiver", value(request, "checklistWaiver"));
        try {
            switch (action == null ? "" : action) {
                case "schedule" -> lifecycle.schedule(label, date(request), request.getParameter("checklistWaiver"),
                        Staff.event(request, "policy.schedule"));
                case "postpone" -> lifecycle.postpone(label, date(request), request.getParameter("checklistWaiver"),
                        Staff.event(request, "policy.postpone"));
                case "withdraw" -> lifecycle.withdraw(label, Staff.event(request, "policy.withdraw"));
                default -> throw new BadRequestException("Parameter 'action': must be schedule, postpone or withdraw.");
            }
        } catch (LifecycleException e) {
            renderVersion(request, response, label, 422,
                    Map.of(e.field() == null ? "form" : e.field(), message(lang, e)), input);
            return;
        }
        response.sendRedirect(PREFIX + "/" + label);
    }

    void renderList(HttpServletRequest request, HttpServletResponse response, int status,
                    Map<String, LifecycleException> errors) throws IOException {
        Lang lang = Lang.of(request);
        Map<String, Object> model = new HashMap<>();
        model.put("rows", lifecycle.overview().stream().map(r -> new ListRow(r.version().label(),
                Messages.resolve(lang.locale(), r.state().messageKey()), r.state().name(),
                Optional.ofNullable(Dates.date(r.version().effectiveAt(), lang)).orElse("–"),
                Optional.ofNullable(Dates.dateTime(r.version().noticePostedAt(), lang)).orElse("–"))).toList());
        Map<String, String> messages = new HashMap<>();
        errors.forEach((field, e) -> messages.put(field, message(lang, e)));
        model.put("errors", messages);
        takeFlash(request).ifPresent(text -> model.put("flash", text));
        response.setStatus(status);
        view.render(request, response, LIST, model);
    }

    /** A version in the list, worded for the page. */
    record ListRow(String label, String state, String stateName, String effective, String noticePosted) {
    }

    private void renderVersion(HttpServletRequest request, HttpServletResponse response, String label, int status,
                               Map<String, String> errors, Map<String, String> input) throws IOException {
        Lang lang = Lang.of(request);
        PolicyLifecycle.Review review = lifecycle.review(label).orElseThrow(() -> unknown(request, label));
        Map<String, Object> model = new HashMap<>();
        model.put("review", review);
        model.put("state", Messages.resolve(lang.locale(), review.state().messageKey()));
        model.put("effective", Optional.ofNullable(Dates.date(review.version().effectiveAt(), lang)).orElse("–"));
        model.put("earliest", review.earliestEffectiveDate().toString());
        model.put("changes", review.unfavourableChanges().stream()
                .map(c -> Messages.resolve(lang.locale(), c.messageKey(), c.label(lang))).toList());
        model.put("summary", review.version().summary(lang));
        model.put("noticeTitles", review.notices().stream().map(n -> n.title(lang)).toList());
        model.put("noticeTimes", review.notices().stream().map(n -> Dates.dateTime(n.postedAt(), lang)).toList());
        model.put("errors", errors);
        Map<String, String> values = new HashMap<>(input);
        values.putIfAbsent("effectiveDate", review.earliestEffectiveDate().toString());
        values.putIfAbsent("checklistWaiver", "");
        model.put("input", values);
        takeFlash(request).ifPresent(text -> model.put("flash", text));
        response.setStatus(status);
        view.render(request, response, VERSION, model);
    }

    private static String message(Lang lang, LifecycleException e) {
        return Messages.resolve(lang.locale(), e.messageKey(), e.arguments().toArray());
    }

    private static LocalDate date(HttpServletRequest request) {
        String value = request.getParameter("effectiveDate");
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new LifecycleException("effectiveDate", "policy.schedule.noDate");
        }
    }

    /** The path below {@code /manager/policies}, split: [] for the list, [label] or [label, page]. */
    private static String[] path(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String rest = uri.length() > PREFIX.length() ? uri.substring(PREFIX.length()) : "";
        if (rest.isEmpty() || rest.equals("/")) {
            return new String[0];
        }
        String[] parts = rest.substring(1).split("/");
        if (parts.length > 2 || !PolicyService.LABEL.matcher(parts[0]).matches()) {
            throw unknown(request, rest.substring(1));
        }
        return parts;
    }

    private static BadRequestException unknown(HttpServletRequest request, String label) {
        return new BadRequestException(404, Messages.resolve(Lang.of(request).locale(), "policy.manage.unknown", label));
    }

    private static String value(HttpServletRequest request, String name) {
        String value = request.getParameter(name);
        return value == null ? "" : value;
    }

    /** A one-time message for the next page (POST-redirect-GET). */
    static void flash(HttpServletRequest request, String text) {
        request.getSession().setAttribute(FLASH, text);
    }

    private static Optional<String> takeFlash(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null || !(session.getAttribute(FLASH) instanceof String text)) {
            return Optional.empty();
        }
        session.removeAttribute(FLASH);
        return Optional.of(text);
    }
}
