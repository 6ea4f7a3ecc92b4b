package kr.jsoft.privacyportal.complaint;

import java.util.Optional;
import kr.jsoft.privacyportal.staff.DashboardPanel;
import kr.jsoft.privacyportal.staff.PanelItem;
import kr.jsoft.privacyportal.staff.StaffMember;

/** "What needs attention": open complaints ({@code overdue} false) or overdue ones (true). Register both. */
final class ComplaintPanel implements DashboardPanel {
    private final ComplaintDesk desk;
    private final boolean overdue;

    public ComplaintPanel(ComplaintDesk desk, boolean overdue) {
        this.desk = desk;
        this.overdue = overdue;
    }

    @Override
    public Optional<PanelItem> attention(StaffMember viewer) {
        long count = desk.openAndOverdue()[overdue ? 1 : 0];
        if (count == 0) {
            return Optional.empty();
        }
        return Optional.of(overdue ? new PanelItem("complaint.attention.overdue", count, "/manager/complaints?overdue=1")
                : new PanelItem("complaint.attention.open", count, "/manager/complaints"));
    }
}
