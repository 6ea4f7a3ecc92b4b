package kr.jsoft.privacyportal.destruction;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import kr.jsoft.privacyportal.staff.Role;
import kr.jsoft.privacyportal.staff.StaffMember;
import kr.jsoft.privacyportal.staff.WorkItem;
import kr.jsoft.privacyportal.staff.WorkSource;

/**
 * The day's work from destruction requests, on both clocks. The statutory one (PIPA Enforcement
 * Decree Art. 43(3): the result within 10 days of receipt): every open request within three days
 * of it or past it, and every request waiting for the privacy manager's review whatever its
 * deadline (only a decision moves it). The promise (the wipe within 60 seconds of approval): every
 * approved request still open, due 60 seconds after approval.
 */
final class DestructionWork implements WorkSource {
    static final Duration WINDOW = Duration.ofDays(3);
    private final DestructionDesk desk;
    private final java.util.function.Supplier<java.util.Set<java.util.UUID>> escalated;

    DestructionWork(DestructionDesk desk, java.util.function.Supplier<java.util.Set<java.util.UUID>> escalated) {
        this.desk = desk;
        this.escalated = escalated;
    }

    @Override
    public List<WorkItem> due(StaffMember viewer, Instant now) {
        if (viewer.role() == Role.AUDITOR) {
            return List.of();
        }
        List<WorkItem> items = new ArrayList<>();
        java.util.Set<java.util.UUID> overdueReviews = viewer.role() == Role.PRIVACY_MANAGER ? escalated.get()
                : java.util.Set.of();
        for (DestructionViews.QueueRow r : desk.open()) {
            String href = DestructionDeskServlet.BASE + "/" + r.id();
            if (r.state() == RequestState.REVIEW) {
                if (viewer.role() == Role.PRIVACY_MANAGER) {
                    // Undecided on day 7: escalated (also by mail), said in so many words on the home page.
                    items.add(WorkItem.of(overdueReviews.contains(r.id()) ? "destruction.work.review.escalated"
                                    : "destruction.work.review", r.reference(), r.deadlineAt(),
                            "destruction.work.clock.statutory", href, "destruction.work.act.review"));
                }
            } else if (r.deadlineAt().isBefore(now.plus(WINDOW))) {
                items.add(WorkItem.of("destruction.work.deadline", r.reference(), r.deadlineAt(),
                        "destruction.work.clock.statutory", href, "destruction.work.act.open"));
            }
            if (r.state() == RequestState.DESTROYING) {
                r.approvedAt().ifPresent(approved -> items.add(WorkItem.of("destruction.work.promise", r.reference(),
                    approved.plus(DestructionProcess.PROMISE), "destruction.work.clock.promise", href,
                        "destruction.work.act.open")));
            }
        }
        return items;
    }
}
