package kr.jsoft.privacyportal.destruction;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import kr.jsoft.privacyportal.audit.AuditEvent;
import kr.jsoft.privacyportal.audit.AuditLog;
import kr.jsoft.privacyportal.command.CommandView;
import kr.jsoft.privacyportal.command.Commands;
import kr.jsoft.privacyportal.persistence.Database;

/**
 * The privacy manager's side: the queue with both clocks (PIPA's 10-day deadline and the
 * 60-second promise), a request's timeline per device, and "retry wake-up" for a device's wipe.
 */
public final class DestructionDesk {
    static final int QUEUE_LIMIT = 500;

    private final Database database;
    private final AuditLog auditLog;
    private final Clock clock;
    private final Commands commands;

    public DestructionDesk(Database database, AuditLog auditLog, Clock clock, Commands commands) {
        this.database = database;
        this.auditLog = auditLog;
        this.clock = clock;
        this.commands = commands;
    }

    /** Open requests first (oldest first), then the most recent finished ones. */
    public List<DestructionViews.QueueRow> queue() {
        return database.fromTransaction(session -> {
            Instant now = clock.instant();
            List<DestructionRequest> open = session.createSelectionQuery("from DestructionRequest r"
                            + " where r.state not in :final order by r.createdAt, r.id", DestructionRequest.class)
                    .setParameter("final", List.of(RequestState.COMPLETED, RequestState.CANCELLED))
                    .setMaxResults(QUEUE_LIMIT).getResultList();
            List<DestructionRequest> finished = session.createSelectionQuery("from DestructionRequest r"
                            + " where r.state in :final order by r.finishedAt desc, r.id", DestructionRequest.class)
                    .setParameter("final", List.of(RequestState.COMPLETED, RequestState.CANCELLED))
                    .setMaxResults(QUEUE_LIMIT).getResultList();
            List<DestructionViews.QueueRow> rows = new ArrayList<>();
            open.forEach(r -> rows.add(row(r, now)));
            finished.forEach(r -> rows.add(row(r, now)));
            return rows;
        });
    }

    /** Counts for the home page: [open past PIPA's deadline, promise missed and still open]. */
    public long[] attention() {
        return database.fromTransaction(session -> {
            Instant now = clock.instant();
            List<RequestState> open = List.of(RequestState.SUBMITTED, RequestState.AWAITING_APPROVAL,
                    RequestState.DESTROYING);
            long overdue = session.createSelectionQuery("select count(r) from DestructionRequest r"
                            + " where r.state in :open and r.deadlineAt < :now", Long.class)
                    .setParameter("open", open).setParameter("now", now).getSingleResult();
            long promise = session.createSelectionQuery("select count(r) from DestructionRequest r"
                            + " where r.state in :open and r.promiseMissedAt is not null", Long.class)
                    .setParameter("open", open).getSingleResult();
            return new long[] {overdue, promise};
        });
    }

    /** A request with its devices' timelines; the view is audit-logged with the staff member's event. */
    public Optional<DestructionViews.Detail> detail(UUID id, AuditEvent viewedBy) {
        return database.fromTransaction(session -> {
            DestructionRequest r = session.find(DestructionRequest.class, id);
            if (r == null) {
                return Optional.empty();
            }
            auditLog.record(session, viewedBy.target(DestructionRecords.TARGET, id));
            List<DestructionViews.DeviceDetail> devices = new ArrayList<>();
            for (DestructionDevice d : DestructionRecords.devicesOf(session, id)) {
                Optional<CommandView> approval = d.approveCommandId() == null ? Optional.empty()
                        : commands.view(session, d.approveCommandId());
                Optional<CommandView> wipe = d.wipeCommandId() == null ? Optional.empty()
                        : commands.view(session, d.wipeCommandId());
                devices.add(new DestructionViews.DeviceDetail(d.position(), d.deviceId(),
                        Optional.ofNullable(d.answer()).map(Enum::name), approval, wipe,
                        DestructionRecords.deviceState(d, wipe), Optional.ofNullable(d.receiptDigest()),
                        Optional.ofNullable(d.deviceErasedAt())));
            }
            return Optional.of(new DestructionViews.Detail(row(r, clock.instant()),
                    Optional.ofNullable(r.devicesLookedUpAt()), Optional.ofNullable(r.promiseMissedAt()),
                    r.emailSealed() != null || r.emailErasedAt() != null, Optional.ofNullable(r.emailErasedAt()),
                    Optional.ofNullable(r.certificate()), devices));
        });
    }

    /** A manager asks for another wake-up of one of the request's wipe commands. */
    public Commands.RetryResult retryWakeUp(UUID requestId, UUID commandId, String staffAccountId,
                                            String clientAddress) {
        boolean belongs = database.fromTransaction(session -> DestructionRecords.devicesOf(session, requestId).stream()
                .anyMatch(d -> commandId.equals(d.wipeCommandId()) || commandId.equals(d.approveCommandId())));
        if (!belongs) {
            return Commands.RetryResult.UNKNOWN;
        }
        return commands.retryWakeUp(commandId, staffAccountId, clientAddress);
    }

    private static DestructionViews.QueueRow row(DestructionRequest r, Instant now) {
        return new DestructionViews.QueueRow(r.id(), r.reference(), r.origin(), r.state(),
                Optional.ofNullable(r.outcome()), r.createdAt(), Optional.ofNullable(r.approvedAt()),
                Optional.ofNullable(r.finishedAt()), r.deadlineAt(), r.deviceCount(), r.wipedCount(),
                !r.state().isFinal() && now.isAfter(r.deadlineAt()), r.promiseMissedAt() != null);
    }
}
