package kr.jsoft.privacyportal.staff;

import java.util.List;

/** One task's heading in the dashboard's navigation and the entries listed under it. */
public record NavSection(NavGroup group, List<ManagerArea.Route> routes) {
}
