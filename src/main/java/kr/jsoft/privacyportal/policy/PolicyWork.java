package kr.jsoft.privacyportal.policy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import kr.jsoft.privacyportal.staff.Role;
import kr.jsoft.privacyportal.staff.StaffMember;
import kr.jsoft.privacyportal.staff.WorkItem;
import kr.jsoft.privacyportal.staff.WorkSource;

/**
 * The day's work from the policy: a scheduled revision within a week of taking effect, for the
 * privacy manager to check once more (the text, the notice, the subscribers' mails) while it can
 * still be postponed or withdrawn.
 */
final class PolicyWork implements WorkSource {
    static final Duration WINDOW = Duration.ofDays(7);
    private final PolicyLifecycle lifecycle;

    PolicyWork(PolicyLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Override
    public List<WorkItem> due(StaffMember viewer, Instant now) {
        if (viewer.role() != Role.PRIVACY_MANAGER) {
            return List.of();
        }
        return lifecycle.overview().stream()
                .filter(r -> r.state() == VersionState.SCHEDULED && r.version().effectiveAt() != null
                        && r.version().effectiveAt().isBefore(now.plus(WINDOW)))
                .map(r -> WorkItem.of("policy.work.takes-effect", r.version().label(), r.version().effectiveAt(),
                        "policy.work.clock", "/manager/policies/" + r.version().label(), "policy.work.act"))
                .toList();
    }
}
