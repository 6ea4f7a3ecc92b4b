/**
 * The staff area's contract, which every feature with dashboard pages builds on: a feature
 * registers its {@code /manager} pages in {@link kr.jsoft.privacyportal.staff.ManagerArea} with
 * the {@link kr.jsoft.privacyportal.staff.Access} each {@link kr.jsoft.privacyportal.staff.Role}
 * has, adds its "needs attention" panels, and in its servlets asks
 * {@link kr.jsoft.privacyportal.staff.Staff} who is asking. The manager feature's gate enforces
 * the table on every request; accounts and sign-in stay in the manager feature.
 */
package kr.jsoft.privacyportal.staff;
