package kr.jsoft.privacyportal.staff;

import java.time.Instant;
import java.util.List;

/**
 * A feature's share of the day's work on the {@code /manager} home page, asked on every visit:
 * everything due (soon) or overdue that this viewer can act on, each item with its deadline and
 * the page where it is done. Register with {@link ManagerArea#work}; the home page merges every
 * source's items and lists them by deadline, most urgent first. Answer an empty list when the
 * viewer's role has nothing to do with the feature. Keep it to one or two queries.
 */
@FunctionalInterface
public interface WorkSource {
    List<WorkItem> due(StaffMember viewer, Instant now);
}
