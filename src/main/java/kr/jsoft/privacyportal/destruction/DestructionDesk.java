package kr.jsoft.privacyportal.destruction;

import kr.jsoft.privacyportal.jobs.Signal;
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
import kr.jsoft.privacyportal.crypto.DataCipher;
import kr.jsoft.privacyportal.erasure.ErasureJournal;
import kr.jsoft.privacyportal.mail.OutgoingMail;
import kr.jsoft.privacyportal.mail.Outbox;
import kr.jsoft.privacyportal.persistence.Database;
import kr.jsoft.privacyportal.remedy.Remedies;
import kr.jsoft.privacyportal.web.BadRequestException;
import kr.jsoft.privacyportal.web.Lang;
import java.util.function.Supplier;

/**
 * The privacy manager's side: the queue with both clocks (PIPA's 10-day deadline and the
 * 60-second promise), a request's timeline per device, and "retry wake-up" for a device's wipe.
 */
final class DestructionDesk {
    static final int QUEUE_LIMIT = 500;

    private final Database database;
    private final AuditLog auditLog;
    private final Clock clock;
    private final Commands commands;
    private final DataCipher cipher;
    private final Outbox outbox;
    private final ErasureJournal journal;
    private final DestructionSettings settings;
    private final Signal signal;
    private final Supplier<Optional<String>> policyInForce;
    private final Remedies remedies;

    public DestructionDesk(Database database, AuditLog auditLog, Clock clock, Commands commands, DataCipher cipher,
                           Outbox outbox, ErasureJournal journal, DestructionSettings settings, Signal signal,
                           Supplier<Optional<String>> policyInForce,
                           Remedies remedies) {
        this.database = database;
        this.auditLog = auditLog;
        this.clock = clock;
        this.commands = commands;
        this.cipher = cipher;
        this.outbox = outbox;
        this.journal = journal;
        this.settings = settings;
        this.signal = signal;
        this.policyInForce = policyInForce;
        this.remedies = remedies;
    }

    /** What a manager's decision on a request in review did. */
    public enum Decision { DONE, NOT_IN_REVIEW, UNKNOWN }

    /**
     * The privacy manager executes a request that could not be verified: the same process as a number
     * proven by SMS (the devices are told and may cancel during the waiting period, then wiped). The
     * reason is kept sealed with the request; the audit entry records the decision.
     */
    public Decision execute(UUID id, String reason, AuditEvent by) {
        requireText(reason);
        return database.fromTransaction(session -> {
            DestructionRequest request = DestructionRecords.locked(session, id);
            if (request == null) {
                return Decision.UNKNOWN;
            }
            if (request.state() != RequestState.REVIEW) {
                return Decision.NOT_IN_REVIEW;
            }
            Instant now = clock.instant();
            request.decided(by.actor(), now, cipher.sealText(reason.strip(), DestructionIntake.decisionContext(id)));
            request.waitingPeriod(now.plus(settings.waitingPeriod()));
            auditLog.record(session, by.withAction("destruction.executed").target(DestructionRecords.TARGET, id)
                    .detail("executed after review; reason recorded with the request"));
            DestructionRecords.afterCommit(session, signal::raise);
            return Decision.DONE;
        });
    }

    /**
     * The privacy manager refuses a request in review: the grounds, how to object to jsoft and the
     * current outside organisations are mailed and shown on the status page (PIPA Art. 38(5)). The number's hash, the explanation and the email are erased.
     */
    public Decision refuse(UUID id, String grounds, AuditEvent by) {
        requireText(grounds);
        return database.fromTransaction(session -> {
            DestructionRequest request = DestructionRecords.locked(session, id);
            if (request == null) {
                return Decision.UNKNOWN;
            }
            if (request.state() != RequestState.REVIEW) {
                return Decision.NOT_IN_REVIEW;
            }
            Instant now = clock.instant();
            String policy = policyInForce.get().orElse(null);
            request.decided(by.actor(), now, cipher.sealText(grounds.strip(), DestructionIntake.decisionContext(id)));
            UUID mailId = null;
            if (request.emailSealed() != null) {
                Lang lang = Lang.parse(request.lang()).orElse(Lang.KO);
                mailId = outbox.enqueue(session, remedies.addTo(OutgoingMail.to(cipher.openText(
                                request.emailSealed(), DestructionIntake.emailContext(id)), lang, "destruction/mail/refused")
                        .with("reference", request.reference()), grounds.strip()));
            }
            request.refused(now, policy);
            request.emailErased(now, mailId);
            journal.record(session, ErasureKinds.REQUEST, id.toString());
            auditLog.record(session, by.withAction("destruction.refused").target(DestructionRecords.TARGET, id)
                    .detail("refused after review; grounds mailed and shown"));
            DestructionRecords.afterCommit(session, signal::raise);
            return Decision.DONE;
        });
    }

    private static void requireText(String text) {
        if (text == null || text.isBlank() || text.strip().length() > DestructionIntake.EXPLANATION_MAX) {
            throw new BadRequestException(422, "A reason of 1 to " + DestructionIntake.EXPLANATION_MAX
                    + " characters is required.");
        }
    }

    /**
     * The queue: open requests first (oldest first), then the most recent finished ones; narrowed by
     * {@code filter} (state, origin, a part of the reference). Lists no personal data.
     */
    public List<DestructionViews.QueueRow> queue(DestructionViews.Filter filter) {
        return database.fromTransaction(session -> {
            Instant now = clock.instant();
            List<RequestState> finals = List.of(RequestState.COMPLETED, RequestState.CANCELLED, RequestState.REFUSED);
            List<DestructionViews.QueueRow> rows = new ArrayList<>();
            for (boolean open : new boolean[] {true, false}) {
                StringBuilder hql = new StringBuilder("from DestructionRequest r where r.state ")
                        .append(open ? "not in :final" : "in :final");
                if (filter.state() != null) {
                    hql.append(" and r.state = :state");
                }
                if (filter.origin() != null) {
                    hql.append(" and r.origin = :origin");
                }
                if (filter.reference() != null) {
                    hql.append(" and r.reference like :reference");
                }
                hql.append(open ? " order by r.createdAt, r.id" : " order by r.finishedAt desc, r.id");
                var query = session.createSelectionQuery(hql.toString(), DestructionRequest.class)
                        .setParameter("final", finals);
                if (filter.state() != null) {
                    query.setParameter("state", filter.state());
                }
                if (filter.origin() != null) {
                    query.setParameter("origin", filter.origin());
                }
                if (filter.reference() != null) {
                    query.setParameter("reference", "%" + filter.reference().strip().toUpperCase(java.util.Locale.ROOT)
                            .replace("%", "").replace("_", "") + "%");
                }
                query.setMaxResults(QUEUE_LIMIT).getResultList().forEach(r -> rows.add(row(r, now)));
            }
            return rows;
        });
    }

    /** The whole queue, unfiltered. */
    public List<DestructionViews.QueueRow> queue() {
        return queue(DestructionViews.Filter.NONE);
    }

    /** Charts of the last weeks' requests (times, states and outcomes only). */
    public List<kr.jsoft.privacyportal.web.BarChart> charts(java.util.Locale locale) {
        Instant now = clock.instant();
        List<DestructionCharts.Times> requests = database.fromTransaction(session -> session.createSelectionQuery(
                        "from DestructionRequest r where r.createdAt >= :since", DestructionRequest.class)
                .setParameter("since", now.minus(java.time.Duration.ofDays(7L * (DestructionCharts.WEEKS + 1))))
                .getResultList().stream().map(r -> new DestructionCharts.Times(r.createdAt(), r.state(), r.outcome(),
                        r.deadlineAt(), r.approvedAt(), r.finishedAt(), r.promiseMissedAt())).toList());
        return DestructionCharts.of(requests, now, locale);
    }

    /** Every open request (oldest first): the day's work reads both clocks from these rows. */
    public List<DestructionViews.QueueRow> open() {
        return database.fromTransaction(session -> {
            Instant now = clock.instant();
            return session.createSelectionQuery("from DestructionRequest r where r.state not in :final"
                            + " order by r.createdAt, r.id", DestructionRequest.class)
                    .setParameter("final", List.of(RequestState.COMPLETED, RequestState.CANCELLED, RequestState.REFUSED))
                    .setMaxResults(QUEUE_LIMIT).getResultList().stream().map(r -> row(r, now)).toList();
        });
    }

    /** Counts for the home page: [open past PIPA's deadline, promise missed and still open]. */
    public long[] attention() {
        return database.fromTransaction(session -> {
            Instant now = clock.instant();
            List<RequestState> open = List.of(RequestState.SUBMITTED, RequestState.AWAITING_APPROVAL,
                    RequestState.PROVING, RequestState.REVIEW, RequestState.WAITING_PERIOD, RequestState.DESTROYING);
            long overdue = session.createSelectionQuery("select count(r) from DestructionRequest r"
                            + " where r.state in :open and r.deadlineAt < :now", Long.class)
                    .setParameter("open", open).setParameter("now", now).getSingleResult();
            long promise = session.createSelectionQuery("select count(r) from DestructionRequest r"
                            + " where r.state in :open and r.promiseMissedAt is not null", Long.class)
                    .setParameter("open", open).getSingleResult();
            long review = session.createSelectionQuery("select count(r) from DestructionRequest r"
                            + " where r.state = :review", Long.class)
                    .setParameter("review", RequestState.REVIEW).getSingleResult();
            return new long[] {overdue, promise, review};
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
            Optional<String> explanation = Optional.ofNullable(r.explanationSealed())
                    .map(e -> cipher.openText(e, DestructionIntake.explanationContext(id)));
            if (explanation.isPresent()) {
                // The requester's own words are personal data: their viewing is an access record.
                auditLog.record(session, viewedBy.withAction(AuditEvent.PERSONAL_DATA_VIEW)
                        .target(DestructionRecords.TARGET, id).detail("review explanation"));
            }
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
                    Optional.ofNullable(r.certificate()), devices, explanation,
                    Optional.ofNullable(r.decisionSealed()).map(d -> cipher.openText(d,
                            DestructionIntake.decisionContext(id))),
                    Optional.ofNullable(r.windowEndsAt()), Optional.ofNullable(r.decidedAt())));
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
