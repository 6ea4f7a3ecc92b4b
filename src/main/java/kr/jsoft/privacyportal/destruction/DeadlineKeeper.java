package kr.jsoft.privacyportal.destruction;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import kr.jsoft.privacyportal.audit.AuditEvent;
import kr.jsoft.privacyportal.audit.AuditLog;
import kr.jsoft.privacyportal.command.CommandView;
import kr.jsoft.privacyportal.command.Commands;
import kr.jsoft.privacyportal.crypto.DataCipher;
import kr.jsoft.privacyportal.mail.MailSettings;
import kr.jsoft.privacyportal.mail.OutgoingMail;
import kr.jsoft.privacyportal.mail.Outbox;
import kr.jsoft.privacyportal.persistence.Database;
import kr.jsoft.privacyportal.remedy.Remedies;
import kr.jsoft.privacyportal.web.Dates;
import kr.jsoft.privacyportal.web.Lang;
import kr.jsoft.privacyportal.web.Messages;
import org.hibernate.Session;

/**
 * Ten days on every path (PIPA Enforcement Decree Art. 43(3)): a lost-device wipe may wait 90 days
 * for the phone and a review may wait for the privacy manager, but the requester hears by day 10.
 * Half a day before the deadline every request still open gets its result: partly done (what the
 * portal erased, which wipe is still queued and until when, and why) or, for a review still
 * undecided, postponed with grounds and the objection route. A review still undecided is escalated to
 * the privacy manager on day 7 and day 9 (a mail, and the home page's day's work).
 *
 * <p>Driven by the clock from the destruction worker. Each step is marked on the request in the same
 * transaction that queues its mail, under the row lock, so each mail is queued once, by one instance,
 * and a crash between steps only delays the next one.
 */
final class DeadlineKeeper {
    /** Before the deadline, so the mail has its retries (about 4 h in all) and still arrives by day 10. */
    static final Duration RESULT_MARGIN = Duration.ofHours(12);
    static final List<Integer> ESCALATION_DAYS = List.of(7, 9);
    /** Open states that can outlast the deadline; the others end within minutes by themselves. */
    static final List<RequestState> LONG_RUNNING = List.of(RequestState.REVIEW, RequestState.WAITING_PERIOD,
            RequestState.DESTROYING);

    private final Database database;
    private final AuditLog auditLog;
    private final Clock clock;
    private final Commands commands;
    private final DataCipher cipher;
    private final Outbox outbox;
    private final MailSettings mail;
    private final DestructionSettings settings;
    private final Remedies remedies;

    DeadlineKeeper(Database database, AuditLog auditLog, Clock clock, Commands commands, DataCipher cipher,
                   Outbox outbox, MailSettings mail, DestructionSettings settings, Remedies remedies) {
        this.database = database;
        this.auditLog = auditLog;
        this.clock = clock;
        this.commands = commands;
        this.cipher = cipher;
        this.outbox = outbox;
        this.mail = mail;
        this.settings = settings;
        this.remedies = remedies;
    }

    /** Every due escalation and result once; returns how many were sent. Safe from several instances. */
    int runDue() {
        int handled = 0;
        for (int day : ESCALATION_DAYS) {
            handled += escalate(day);
        }
        return handled + sendResults();
    }

    /** Reviews undecided since {@code day} days: the privacy manager is mailed once for that day. */
    int escalate(int day) {
        String marker = "r.escalatedDay" + day + "At";
        List<UUID> due = database.fromTransaction(session -> session.createSelectionQuery(
                        "select r.id from DestructionRequest r where r.state = :review and " + marker + " is null"
                                + " and r.createdAt <= :since order by r.createdAt, r.id", UUID.class)
                .setParameter("review", RequestState.REVIEW)
                .setParameter("since", clock.instant().minus(Duration.ofDays(day)))
                .setMaxResults(DestructionProcess.BATCH).getResultList());
        int sent = 0;
        for (UUID id : due) {
            sent += database.fromTransaction(session -> {
                DestructionRequest request = DestructionRecords.locked(session, id);
                Instant now = clock.instant();
                if (request == null || request.state() != RequestState.REVIEW
                        || (day == 7 ? request.escalatedDay7At() : request.escalatedDay9At()) != null) {
                    return 0;
                }
                outbox.enqueue(session, OutgoingMail.to(mail.managerAlert().getAddress(), Lang.KO,
                                "destruction/mail/escalation")
                        .with("reference", request.reference())
                        .with("day", String.valueOf(day))
                        .with("deadline", Dates.dateTime(request.deadlineAt(), Lang.KO))
                        .with("requestUrl", DestructionDeskServlet.BASE + "/" + id));
                request.escalated(day, now);
                auditLog.record(session, AuditEvent.system("destruction.escalated")
                        .target(DestructionRecords.TARGET, id).detail("review undecided on day " + day));
                return 1;
            });
        }
        return sent;
    }

    /** Requests still open half a day before their deadline: the requester gets the result so far, once. */
    int sendResults() {
        List<UUID> due = database.fromTransaction(session -> session.createSelectionQuery(
                        "select r.id from DestructionRequest r where r.state in :open and r.interimResultAt is null"
                                + " and r.deadlineAt <= :soon order by r.deadlineAt, r.id", UUID.class)
                .setParameter("open", LONG_RUNNING)
                .setParameter("soon", clock.instant().plus(RESULT_MARGIN))
                .setMaxResults(DestructionProcess.BATCH).getResultList());
        int sent = 0;
        for (UUID id : due) {
            sent += database.fromTransaction(session -> {
                DestructionRequest request = DestructionRecords.locked(session, id);
                if (request == null || !LONG_RUNNING.contains(request.state()) || request.interimResultAt() != null) {
                    return 0;
                }
                sendResult(session, request, clock.instant());
                return 1;
            });
        }
        return sent;
    }

    private void sendResult(Session session, DestructionRequest request, Instant now) {
        boolean postponed = request.state() == RequestState.REVIEW;
        if (request.emailSealed() != null) {
            Lang lang = Lang.parse(request.lang()).orElse(Lang.KO);
            OutgoingMail result = OutgoingMail.to(cipher.openText(request.emailSealed(),
                            DestructionIntake.emailContext(request.id())), lang, "destruction/mail/interim")
                    .with("reference", request.reference())
                    .with("postponed", String.valueOf(postponed));
            if (postponed) {
                result = remedies.addTo(result, Messages.resolve(lang.locale(), "destruction.interim.review.grounds"));
            } else {
                Progress progress = progress(session, request, lang);
                result = remedies.addTo(result.with("erased", String.join("\n", progress.erased()))
                        .with("pending", String.join("\n", progress.pending())), null);
            }
            outbox.enqueue(session, result);
        }
        request.interimResultSent(now);
        auditLog.record(session, AuditEvent.system("destruction.interim-result")
                .target(DestructionRecords.TARGET, request.id())
                .detail((postponed ? "postponed: review undecided" : "partly done: wipes still queued")
                        + (request.emailSealed() == null ? "; no email given, shown on the status page" : "; mailed")));
    }

    /** What the portal has erased and what still waits, each a sentence in the requester's language. */
    record Progress(List<String> erased, List<String> pending) {
    }

    private Progress progress(Session session, DestructionRequest request, Lang lang) {
        List<String> erased = new ArrayList<>();
        List<String> pending = new ArrayList<>();
        if (request.devicesLookedUpAt() != null) {
            erased.add(m(lang, "destruction.mail.interim.erased.number"));
        }
        if (request.state() == RequestState.WAITING_PERIOD) {
            Instant windowEnds = request.windowEndsAt();
            pending.add(m(lang, "destruction.mail.interim.pending.window", Dates.dateTime(windowEnds, lang),
                    Dates.dateTime(windowEnds.plus(settings.lostDeviceWipeExpiry()), lang)));
            return new Progress(erased, pending);
        }
        for (DestructionDevice d : DestructionRecords.devicesOf(session, request.id())) {
            if (d.deviceErasedAt() != null) {
                erased.add(m(lang, "destruction.mail.interim.erased.device", d.position()));
            } else if (d.wipeState() == WipeState.QUEUED || d.wipeState() == WipeState.PENDING) {
                Optional<CommandView> wipe = d.wipeCommandId() == null ? Optional.empty()
                        : commands.view(session, d.wipeCommandId());
                pending.add(m(lang, "destruction.mail.interim.pending.device", d.position(),
                        wipe.map(w -> Dates.dateTime(w.expiresAt(), lang)).orElse("-")));
            }
        }
        return new Progress(erased, pending);
    }

    /** Reviews escalated at least once and still undecided: the home page marks them. */
    Set<UUID> escalatedReviews() {
        return database.fromTransaction(session -> session.createSelectionQuery(
                        "select r.id from DestructionRequest r where r.state = :review and r.escalatedDay7At is not null",
                        UUID.class).setParameter("review", RequestState.REVIEW).setMaxResults(DestructionDesk.QUEUE_LIMIT)
                .getResultList().stream().collect(Collectors.toSet()));
    }

    private static String m(Lang lang, String key, Object... args) {
        return Messages.resolve(lang.locale(), key, args);
    }
}
