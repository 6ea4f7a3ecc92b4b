package kr.jsoft.privacyportal.destruction;

import java.util.Optional;
import kr.jsoft.privacyportal.manager.DashboardPanel;
import kr.jsoft.privacyportal.manager.PanelItem;
import kr.jsoft.privacyportal.manager.StaffMember;

/** "What needs attention": open requests past PIPA's deadline ({@code promise} false) or past the 60-second promise (true). */
public final class DestructionPanel implements DashboardPanel {
    private final DestructionDesk desk;
    private final boolean promise;

    public DestructionPanel(DestructionDesk desk, boolean promise) {
        this.desk = desk;
        this.promise = promise;
    }

    @Override
    public Optional<PanelItem> attention(StaffMember viewer) {
        long count = desk.attention()[promise ? 1 : 0];
        if (count == 0) {
            return Optional.empty();
        }
        return Optional.of(new PanelItem(promise ? "destruction.attention.promise" : "destruction.attention.overdue",
                count, DestructionDeskServlet.BASE));
    }
}
