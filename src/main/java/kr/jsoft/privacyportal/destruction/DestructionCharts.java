package kr.jsoft.privacyportal.destruction;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import kr.jsoft.privacyportal.web.BarChart;
import kr.jsoft.privacyportal.web.Messages;
import kr.jsoft.privacyportal.web.Weeks;

/**
 * The destruction statistics as charts, per week of receipt: requests by outcome; finished within
 * the statutory 10 days, late, or still open (in time or past it); and for requests approved on a
 * device, finished within the 60-second promise or not. Reads the request's times and states only.
 */
final class DestructionCharts {
    static final int WEEKS = 12;

    /** One request's times and outcome, as the statistics need them. */
    record Times(Instant createdAt, RequestState state, Outcome outcome, Instant deadlineAt, Instant approvedAt,
                 Instant finishedAt, Instant promiseMissedAt) {
    }

    private DestructionCharts() {
    }

    static List<BarChart> of(List<Times> requests, Instant now, Locale locale) {
        Weeks weeks = new Weeks(now, WEEKS);
        double[][] outcomes = new double[weeks.size()][5];
        double[][] statutory = new double[weeks.size()][4];
        double[][] promise = new double[weeks.size()][2];
        long total = 0;
        long late = 0;
        long finished = 0;
        long approved = 0;
        long missed = 0;
        for (Times r : requests) {
            int w = weeks.indexOf(r.createdAt());
            if (w < 0) {
                continue;
            }
            total++;
            outcomes[w][r.outcome() == null ? 4 : r.outcome().ordinal()]++;
            if (r.finishedAt() != null) {
                finished++;
                boolean inTime = !r.finishedAt().isAfter(r.deadlineAt());
                statutory[w][inTime ? 0 : 1]++;
                late += inTime ? 0 : 1;
            } else {
                statutory[w][now.isAfter(r.deadlineAt()) ? 3 : 2]++;
            }
            if (r.approvedAt() != null && r.finishedAt() != null) {
                boolean kept = r.promiseMissedAt() == null
                        && !r.finishedAt().isAfter(r.approvedAt().plus(DestructionProcess.PROMISE));
                promise[w][kept ? 0 : 1]++;
                approved++;
                missed += kept ? 0 : 1;
            }
        }
        List<String> outcomeNames = new ArrayList<>();
        for (Outcome o : Outcome.values()) {
            outcomeNames.add(m(locale, "destruction.outcome." + o.name()));
        }
        outcomeNames.add(m(locale, "destruction.chart.open"));
        List<BarChart> charts = new ArrayList<>();
        charts.add(new BarChart("destruction-per-week", m(locale, "destruction.chart.weekly"),
                m(locale, "destruction.chart.weekly.desc", total, WEEKS), outcomeNames, BarChart.weekly(weeks, outcomes), null,
                null));
        charts.add(new BarChart("destruction-statutory", m(locale, "destruction.chart.statutory"),
                m(locale, "destruction.chart.statutory.desc", finished, late),
                List.of(m(locale, "destruction.chart.in-time"), m(locale, "destruction.chart.late"),
                        m(locale, "destruction.chart.open-in-time"), m(locale, "destruction.chart.open-late")),
                BarChart.weekly(weeks, statutory), null, null));
        charts.add(new BarChart("destruction-promise", m(locale, "destruction.chart.promise"),
                m(locale, "destruction.chart.promise.desc", approved, missed),
                List.of(m(locale, "destruction.chart.promise-kept"), m(locale, "destruction.chart.promise-missed")),
                BarChart.weekly(weeks, promise), null, null));
        return charts;
    }

    private static String m(Locale locale, String key, Object... args) {
        return Messages.resolve(locale, key, args);
    }
}
