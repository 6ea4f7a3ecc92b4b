package kr.jsoft.privacyportal.complaint;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import kr.jsoft.privacyportal.web.BarChart;
import kr.jsoft.privacyportal.web.Messages;
import kr.jsoft.privacyportal.web.Weeks;

/**
 * The complaint statistics as charts: cases received per week by where they stand (still open,
 * resolved, refused), and per week whether they were answered and closed within their due date,
 * late, or are still open past it. Reads receipt, state, due and closing times only.
 */
final class ComplaintCharts {
    static final int WEEKS = 12;

    /** One case's times, as the statistics need them. */
    record Times(Instant receivedAt, CaseState state, Instant dueAt, Instant closedAt) {
    }

    private ComplaintCharts() {
    }

    static List<BarChart> of(List<Times> cases, Instant now, Locale locale) {
        Weeks weeks = new Weeks(now, WEEKS);
        double[][] outcome = new double[weeks.size()][3];
        double[][] timeliness = new double[weeks.size()][4];
        int late = 0;
        int closed = 0;
        for (Times c : cases) {
            int w = weeks.indexOf(c.receivedAt());
            if (w < 0) {
                continue;
            }
            outcome[w][c.state() == CaseState.RESOLVED ? 1 : c.state() == CaseState.REFUSED ? 2 : 0]++;
            if (c.closedAt() != null) {
                closed++;
                boolean inTime = !c.closedAt().isAfter(c.dueAt());
                timeliness[w][inTime ? 0 : 1]++;
                late += inTime ? 0 : 1;
            } else {
                timeliness[w][now.isAfter(c.dueAt()) ? 3 : 2]++;
            }
        }
        List<BarChart> charts = new ArrayList<>();
        charts.add(new BarChart("complaints-per-week", m(locale, "complaint.chart.weekly"),
                m(locale, "complaint.chart.weekly.desc", total(outcome), WEEKS),
                List.of(m(locale, "complaint.chart.open"), m(locale, "complaint.state.resolved"),
                        m(locale, "complaint.state.refused")), BarChart.weekly(weeks, outcome), null, null));
        charts.add(new BarChart("complaints-deadline", m(locale, "complaint.chart.deadline"),
                m(locale, "complaint.chart.deadline.desc", closed, late),
                List.of(m(locale, "complaint.chart.in-time"), m(locale, "complaint.chart.late"),
                        m(locale, "complaint.chart.open-in-time"), m(locale, "complaint.chart.open-late")),
                BarChart.weekly(weeks, timeliness), null, null));
        return charts;
    }

    private static long total(double[][] values) {
        double sum = 0;
        for (double[] row : values) {
            for (double v : row) {
                sum += v;
            }
        }
        return (long) sum;
    }

    private static String m(Locale locale, String key, Object... args) {
        return Messages.resolve(locale, key, args);
    }
}
