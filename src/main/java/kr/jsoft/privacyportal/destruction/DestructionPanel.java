package kr.jsoft.privacyportal.destruction;

import java.util.Optional;
import kr.jsoft.privacyportal.staff.DashboardPanel;
import kr.jsoft.privacyportal.staff.PanelItem;
import kr.jsoft.privacyportal.staff.StaffMember;

/**
 * "What needs attention": open requests past PIPA's deadline, past the 60-second promise, or waiting
 * for the privacy manager's review. Register one per {@link Kind}.
 */
final class DestructionPanel implements DashboardPanel {
    /** Which count this panel shows. */
    public enum Kind {
        OVERDUE("destruction.attention.overdue"), PROMISE("destruction.attention.promise"),
        REVIEW("destruction.attention.review");

        final String key;

        Kind(String key) {
            this.key = key;
        }
    }

    private final DestructionDesk desk;
    private final Kind kind;

    public DestructionPanel(DestructionDesk desk, Kind kind) {
        this.desk = desk;
        this.kind = kind;
    }

    @Override
    public Optional<PanelItem> attention(StaffMember viewer) {
        long count = desk.attention()[kind.ordinal()];
        if (count == 0) {
            return Optional.empty();
        }
        return Optional.of(new PanelItem(kind.key, count, DestructionDeskServlet.BASE));
    }
}
