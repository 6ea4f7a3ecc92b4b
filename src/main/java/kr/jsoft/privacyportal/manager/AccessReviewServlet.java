package kr.jsoft.privacyportal.manager;

import kr.jsoft.privacyportal.staff.Role;
import kr.jsoft.privacyportal.staff.Staff;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import kr.jsoft.privacyportal.web.DashboardTimes;
import kr.jsoft.privacyportal.web.Flash;
import kr.jsoft.privacyportal.web.View;

/**
 * {@code /manager/access-review}: the ended months, who reviewed each one's access records and
 * when, a link to the month in the audit log, and (privacy manager) the form that records a review.
 * POST-redirect-GET with a result message; a refused review re-renders the form with its input.
 */
final class AccessReviewServlet extends HttpServlet {
    static final String PATH = "/manager/access-review";
    private final AccessReviews reviews;
    private final View view;

    AccessReviewServlet(AccessReviews reviews, View view) {
        this.reviews = reviews;
        this.view = view;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        render(request, response, Map.of(), null);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String month = request.getParameter("month");
        String findings = request.getParameter("findings");
        try {
            reviews.record(month, findings, Staff.current(request).accountId(),
                    Staff.event(request, "staff.access-records-reviewed"));
        } catch (AccessReviews.Refused refused) {
            response.setStatus(422);
            render(request, response, Map.of("month", month == null ? "" : month,
                    "findings", findings == null ? "" : findings), refused.messageKey);
            return;
        }
        java.time.YearMonth reviewed = java.time.YearMonth.parse(month.strip());
        Flash.done(request, "manager.access-review.done", reviewed.getYear(), reviewed.getMonthValue());
        response.sendRedirect(PATH);
    }

    private void render(HttpServletRequest request, HttpServletResponse response, Map<String, String> input,
                        String error) throws IOException {
        Map<String, Object> model = new HashMap<>();
        model.put("months", reviews.months());
        model.put("input", input);
        model.put("times", new DashboardTimes());
        model.put("mayRecord", Staff.current(request).role() == Role.PRIVACY_MANAGER);
        if (error != null) {
            model.put("error", error);
        }
        view.render(request, response, "manager/access-review", model);
    }
}
