package kr.jsoft.privacyportal.manager;

import kr.jsoft.privacyportal.staff.WorkItem;
import kr.jsoft.privacyportal.staff.WorkSource;
import kr.jsoft.privacyportal.staff.ManagerArea;
import kr.jsoft.privacyportal.staff.PanelItem;
import kr.jsoft.privacyportal.staff.Staff;
import kr.jsoft.privacyportal.staff.StaffMember;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import kr.jsoft.privacyportal.web.DashboardTimes;
import kr.jsoft.privacyportal.web.Lang;
import kr.jsoft.privacyportal.web.Messages;
import kr.jsoft.privacyportal.web.TimeLeft;
import kr.jsoft.privacyportal.web.View;

/**
 * {@code /manager}: the day's work. Every registered {@link WorkSource}'s items in one list,
 * most urgent first (the earliest deadline, so the longest overdue leads), each with its time
 * left and the page that acts on it; below, the features' counts ({@link DashboardPanel}).
 */
final class DashboardServlet extends HttpServlet {
    /** Items due within {@link #DAY} are "due today"; within {@link #SOON}, "due soon". */
    static final Duration DAY = Duration.ofHours(24);
    static final Duration SOON = Duration.ofDays(3);

    private final ManagerArea area;
    private final View view;
    private final Clock clock;

    DashboardServlet(ManagerArea area, View view, Clock clock) {
        this.area = area;
        this.view = view;
        this.clock = clock;
    }

    /** A line of the queue as the page shows it: the item, its urgency and its time left in words. */
    record Row(WorkItem item, Urgency urgency, String timeLeft, Object[] whatArgs) {
    }

    /** How close the deadline is; the name in lower case is the row's CSS class. */
    enum Urgency {
        OVERDUE, TODAY, SOON, LATER;

        public String cssClass() {
            return "urgency-" + name().toLowerCase(Locale.ROOT);
        }

        public String labelKey() {
            return "manager.urgency." + name().toLowerCase(Locale.ROOT);
        }

        static Urgency of(Instant due, Instant now) {
            if (!due.isAfter(now)) {
                return OVERDUE;
            }
            Duration left = Duration.between(now, due);
            return left.compareTo(DAY) <= 0 ? TODAY : left.compareTo(DashboardServlet.SOON) <= 0 ? SOON : LATER;
        }
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        StaffMember viewer = Staff.current(request);
        Instant now = clock.instant();
        Locale locale = Lang.of(request).locale();
        List<WorkItem> items = new ArrayList<>();
        for (WorkSource source : area.workSources()) {
            items.addAll(source.due(viewer, now));
        }
        List<Row> rows = items.stream().sorted(Comparator.comparing(WorkItem::dueAt))
                .map(i -> new Row(i, Urgency.of(i.dueAt(), now), TimeLeft.words(i.dueAt(), now, locale),
                        i.whatArgs().stream().map(a -> worded(a, locale)).toArray())).toList();
        List<PanelItem> counts = area.panels().stream().map(panel -> panel.attention(viewer))
                .flatMap(Optional::stream).toList();
        long overdue = rows.stream().filter(r -> r.urgency() == Urgency.OVERDUE).count();
        view.render(request, response, "manager/home", Map.of("rows", rows, "items", counts, "overdue", overdue,
                "times", new DashboardTimes()));
    }

    /** A work item's message argument in the viewer's language. */
    private static Object worded(Object argument, Locale locale) {
        if (argument instanceof WorkItem.Words words) {
            return Messages.resolve(locale, words.key());
        }
        if (argument instanceof WorkItem.WordList list) {
            return list.parts().stream().map(part -> String.valueOf(worded(part, locale)))
                    .collect(java.util.stream.Collectors.joining(", "));
        }
        return argument;
    }
}
