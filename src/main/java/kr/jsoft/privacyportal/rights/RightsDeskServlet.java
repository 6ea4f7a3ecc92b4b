package kr.jsoft.privacyportal.rights;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import kr.jsoft.privacyportal.staff.Role;
import kr.jsoft.privacyportal.staff.Staff;
import kr.jsoft.privacyportal.web.BadRequestException;
import kr.jsoft.privacyportal.web.DashboardTimes;
import kr.jsoft.privacyportal.web.Dates;
import kr.jsoft.privacyportal.web.Flash;
import kr.jsoft.privacyportal.web.View;

/**
 * {@code /manager/rights} (open requests by deadline, then decided ones), {@code /new} (record a
 * request made by phone, mail, in person or through an agent), {@code /<id>} (the request, the SMS
 * code the person reads back, the decision) and its {@code /code}, {@code /resend} and
 * {@code /decide} actions. Deciding is the privacy manager's.
 */
final class RightsDeskServlet extends HttpServlet {
    static final String BASE = "/manager/rights";

    private final StaffRecorded recorded;
    private final View view;
    private final Clock clock;

    RightsDeskServlet(StaffRecorded recorded, View view, Clock clock) {
        this.recorded = recorded;
        this.view = view;
        this.clock = clock;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getRequestURI();
        if (path.equals(BASE) || path.equals(BASE + "/")) {
            view.render(request, response, "rights/queue", Map.of("rows", recorded.queue(),
                    "times", new DashboardTimes(), "now", clock.instant()));
        } else if (path.equals(BASE + "/new")) {
            form(request, response, new StaffRecorded.Form("", "", "SELF", "", "", "", "", "ko"), Map.of(), 200);
        } else {
            detail(request, response, id(path.substring(BASE.length() + 1)), Map.of(), 200);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getRequestURI();
        if (path.equals(BASE + "/new")) {
            StaffRecorded.Form form = new StaffRecorded.Form(param(request, "kind"), param(request, "channel"),
                    param(request, "requester"), param(request, "authority"), param(request, "details"),
                    param(request, "phone"), param(request, "email"), param(request, "lang"));
            Map<String, String> problems = StaffRecorded.problems(form);
            if (!problems.isEmpty()) {
                form(request, response, form, problems, 422);
                return;
            }
            RightsViews.Recorded r = recorded.record(form, Staff.event(request, "rights.recorded"),
                    Staff.clientAddress(request));
            Flash.done(request, "rights.flash.recorded", r.reference());
            response.sendRedirect(BASE + "/" + r.id());
            return;
        }
        String[] parts = path.substring(BASE.length()).split("/");
        if (parts.length != 3) {
            throw new BadRequestException(404, "No such action.");
        }
        UUID id = id(parts[1]);
        switch (parts[2]) {
            case "code" -> {
                StaffRecorded.CodeResult result = recorded.confirmCode(id, param(request, "code"),
                        Staff.event(request, "rights.number-proven"));
                switch (result) {
                    case CONFIRMED -> Flash.done(request, "rights.flash.proven");
                    case NOT_EXPECTED -> throw new BadRequestException(409, "This request is not waiting for a code.");
                    default -> {
                        detail(request, response, id, Map.of("codeError", "rights.code." + SelfService.lower(result.name())),
                                422);
                        return;
                    }
                }
            }
            case "resend" -> {
                recorded.resendCode(id, param(request, "phone"), Staff.event(request, "rights.code-sent"),
                        Staff.clientAddress(request));
                Flash.done(request, "rights.flash.code-sent");
            }
            case "decide" -> {
                // Refusing or postponing a person's right is the privacy manager's own duty.
                if (Staff.current(request).role() != Role.PRIVACY_MANAGER) {
                    throw new BadRequestException(403, "Only the privacy manager decides on rights requests.");
                }
                String kind = recorded.detail(id, Staff.event(request, "rights.viewed"))
                        .map(d -> d.row().kindKey()).orElseThrow(() -> new BadRequestException(404, "No such request."));
                String outcome = param(request, "outcome");
                String grounds = param(request, "grounds");
                String until = param(request, "until");
                Map<String, String> problems = StaffRecorded.decisionProblems(kindName(kind), outcome, grounds, until,
                        LocalDate.ofInstant(clock.instant(), Dates.SEOUL));
                if (!problems.isEmpty()) {
                    detail(request, response, id, Map.of("decisionErrors", problems, "outcome", outcome,
                            "grounds", grounds, "until", until), 422);
                    return;
                }
                StaffRecorded.Decision d = recorded.decide(id, outcome, grounds, until,
                        Staff.event(request, "rights.decided"));
                if (d == StaffRecorded.Decision.NOT_OPEN) {
                    throw new BadRequestException(409, "This request is not open for a decision.");
                }
                Flash.done(request, "rights.flash.decided");
            }
            default -> throw new BadRequestException(404, "No such action.");
        }
        response.sendRedirect(BASE + "/" + id);
    }

    private static String kindName(String kindKey) {
        return kindKey.substring("rights.kind.".length()).toUpperCase(java.util.Locale.ROOT);
    }

    private void form(HttpServletRequest request, HttpServletResponse response, StaffRecorded.Form form,
                      Map<String, String> errors, int status) throws IOException {
        response.setStatus(status);
        view.render(request, response, "rights/new", Map.of("form", form, "errors", errors,
                "kinds", RightsRequest.Kind.values(), "channels", RightsRequest.Channel.values(),
                "requesters", RightsRequest.Requester.values()));
    }

    private void detail(HttpServletRequest request, HttpServletResponse response, UUID id, Map<String, Object> extra,
                        int status) throws IOException {
        RightsViews.Detail detail = recorded.detail(id, Staff.event(request, "rights.viewed"))
                .orElseThrow(() -> new BadRequestException(404, "No such request."));
        Map<String, Object> model = new HashMap<>(extra);
        model.putIfAbsent("decisionErrors", Map.of());
        model.putIfAbsent("outcome", "");
        model.putIfAbsent("grounds", "");
        model.putIfAbsent("until", "");
        model.put("detail", detail);
        model.put("times", new DashboardTimes());
        model.put("now", clock.instant());
        model.put("outcomes", RightsRequest.Outcome.values());
        model.put("mayDecide", Staff.current(request).role() == Role.PRIVACY_MANAGER);
        response.setStatus(status);
        view.render(request, response, "rights/detail", model);
    }

    private static UUID id(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(404, "No such request.");
        }
    }

    private static String param(HttpServletRequest request, String name) {
        return Optional.ofNullable(request.getParameter(name)).orElse("");
    }
}
