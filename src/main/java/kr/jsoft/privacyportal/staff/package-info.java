/**
 * The staff area's contract, which every feature with dashboard pages builds on: a feature
 * registers its {@code /manager} pages in {@link kr.jsoft.privacyportal.staff.ManagerArea} with
 * the {@link kr.jsoft.privacyportal.staff.Access} each {@link kr.jsoft.privacyportal.staff.Role}
 * has and the {@link kr.jsoft.privacyportal.staff.NavGroup} (task) its navigation entry is listed
 * under, adds its share of the day's work ({@link kr.jsoft.privacyportal.staff.WorkSource} answering
 * {@link kr.jsoft.privacyportal.staff.WorkItem}s with a deadline, merged on the home page most urgent
 * first) and its "needs attention" panels, and in its servlets asks
 * {@link kr.jsoft.privacyportal.staff.Staff} who is asking. The manager feature's gate enforces
 * the table on every request; accounts and sign-in stay in the manager feature.
 */
package kr.jsoft.privacyportal.staff;
