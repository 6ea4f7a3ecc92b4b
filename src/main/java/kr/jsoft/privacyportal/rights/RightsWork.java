package kr.jsoft.privacyportal.rights;

import java.time.Instant;
import java.util.List;
import kr.jsoft.privacyportal.staff.Role;
import kr.jsoft.privacyportal.staff.StaffMember;
import kr.jsoft.privacyportal.staff.WorkItem;
import kr.jsoft.privacyportal.staff.WorkSource;

/**
 * Every open rights request on the day's work, whatever its deadline: the 10-day clock (PIPA
 * Enforcement Decree Arts. 41(4), 42(2), 43(3), 44(2)) is short and only a decision stops it.
 */
final class RightsWork implements WorkSource {
    private final StaffRecorded recorded;

    RightsWork(StaffRecorded recorded) {
        this.recorded = recorded;
    }

    @Override
    public List<WorkItem> due(StaffMember viewer, Instant now) {
        if (viewer.role() == Role.AUDITOR) {
            return List.of();
        }
        return recorded.open().stream().map(r -> new WorkItem(
                "PROVING".equals(r.state()) ? "rights.work.prove" : "rights.work.decide",
                List.of(new WorkItem.Words(r.kindKey())), r.reference(), r.dueAt(), "rights.work.clock",
                RightsDeskServlet.BASE + "/" + r.id(), "rights.work.act")).toList();
    }
}
