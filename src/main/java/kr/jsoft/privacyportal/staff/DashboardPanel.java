package kr.jsoft.privacyportal.staff;

import java.util.Optional;

/**
 * A feature's entry in "what needs attention" on the {@code /manager} home page, asked on
 * every visit. Answer empty when nothing needs this viewer's attention (or the viewer's
 * role has nothing to do with it). Register with {@link ManagerArea#panel}.
 */
@FunctionalInterface
public interface DashboardPanel {
    Optional<PanelItem> attention(StaffMember viewer);
}
