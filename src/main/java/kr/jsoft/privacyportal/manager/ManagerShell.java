package kr.jsoft.privacyportal.manager;

import kr.jsoft.privacyportal.staff.ManagerArea;
import kr.jsoft.privacyportal.staff.StaffMember;
import java.util.List;

/**
 * What every dashboard page's frame ({@code manager/shell :: nav}) shows: who is signed in
 * and the navigation entries their role may view. {@link ManagerGate} puts it on the request.
 */
public record ManagerShell(StaffMember staff, List<ManagerArea.Route> navigation) {
}
