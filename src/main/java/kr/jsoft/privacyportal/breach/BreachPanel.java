package kr.jsoft.privacyportal.breach;

import java.util.Optional;
import kr.jsoft.privacyportal.staff.DashboardPanel;
import kr.jsoft.privacyportal.staff.PanelItem;
import kr.jsoft.privacyportal.staff.StaffMember;

/**
 * The 72-hour clock on the dashboard's home page: the open incident whose deadline comes first, with the
 * hours left (or past). Shown to every role: on the worst day everyone should see it.
 */
final class BreachPanel implements DashboardPanel {
    private final BreachDesk desk;

    BreachPanel(BreachDesk desk) {
        this.desk = desk;
    }

    @Override
    public Optional<PanelItem> attention(StaffMember viewer) {
        return desk.mostUrgent().map(row -> new PanelItem(
                row.clock().overdue() ? "breach.attention.overdue" : "breach.attention.clock", row.clock().hours(),
                BreachDeskServlet.BASE + "/" + row.id()));
    }
}
