package kr.jsoft.privacyportal.mail;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import kr.jsoft.privacyportal.staff.Role;
import kr.jsoft.privacyportal.staff.StaffMember;
import kr.jsoft.privacyportal.staff.WorkItem;
import kr.jsoft.privacyportal.staff.WorkSource;

/**
 * The day's work from the outbox: mails that failed for good in the last week (a receipt, an
 * answer or a certificate that never reached its person). Each is overdue from the moment it
 * failed; the action is its preview, where it can be retried.
 */
final class MailWork implements WorkSource {
    static final Duration LOOK_BACK = Duration.ofDays(7);
    private final OutboxDashboard outbox;

    MailWork(OutboxDashboard outbox) {
        this.outbox = outbox;
    }

    @Override
    public List<WorkItem> due(StaffMember viewer, Instant now) {
        if (viewer.role() == Role.AUDITOR) {
            return List.of();
        }
        return outbox.failedSince(now.minus(LOOK_BACK), 50).stream()
                .map(m -> new WorkItem("mail.work.failed", List.of(new WorkItem.Words(OutboxLabels.templateKey(m.template()))), null,
                        m.finishedAt(), "mail.work.clock", "/manager/outbox/" + m.id(), "mail.work.act"))
                .toList();
    }
}
