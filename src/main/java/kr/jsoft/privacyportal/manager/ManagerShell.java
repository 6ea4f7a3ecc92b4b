package kr.jsoft.privacyportal.manager;

import java.util.List;
import kr.jsoft.privacyportal.staff.NavSection;
import kr.jsoft.privacyportal.staff.StaffMember;

/**
 * What every dashboard page's frame ({@code staff :: page}) shows: who is signed in and the
 * navigation entries their role may view, grouped by task. {@link ManagerGate} puts it on the request.
 */
public record ManagerShell(StaffMember staff, List<NavSection> navigation) {
}
