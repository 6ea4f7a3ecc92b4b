package kr.jsoft.privacyportal.manager;

import java.util.List;

/**
 * What every dashboard page's frame ({@code staff :: page}) shows: who is signed in and the
 * navigation entries their role may view, grouped by task. {@link ManagerGate} puts it on the request.
 */
public record ManagerShell(StaffMember staff, List<Section> navigation) {
    /** One task's heading and its entries. */
    public record Section(NavGroup group, List<ManagerArea.Route> routes) {
    }
}
