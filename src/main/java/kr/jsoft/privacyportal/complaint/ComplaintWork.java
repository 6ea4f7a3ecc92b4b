package kr.jsoft.privacyportal.complaint;

import java.time.Instant;
import java.util.List;
import kr.jsoft.privacyportal.staff.Role;
import kr.jsoft.privacyportal.staff.StaffMember;
import kr.jsoft.privacyportal.staff.WorkItem;
import kr.jsoft.privacyportal.staff.WorkSource;

/**
 * The day's work from complaints: every open case whose answer is due within the highlighting
 * window (two days) or overdue, for the roles that answer them.
 */
final class ComplaintWork implements WorkSource {
    private final ComplaintDesk desk;

    ComplaintWork(ComplaintDesk desk) {
        this.desk = desk;
    }

    @Override
    public List<WorkItem> due(StaffMember viewer, Instant now) {
        if (viewer.role() == Role.AUDITOR) {
            return List.of();
        }
        return desk.openDueBefore(now.plus(CaseRecords.DUE_SOON)).stream()
                .map(row -> new WorkItem("complaint.work.answer", List.of(), row.reference(), row.dueAt(),
                        "complaint.work.clock", ComplaintDeskServlet.BASE + "/" + row.id(), "complaint.work.act"))
                .toList();
    }
}
