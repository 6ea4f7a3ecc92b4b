package kr.jsoft.privacyportal.subscription;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Map;
import java.util.UUID;
import kr.jsoft.privacyportal.audit.AuditEvent;
import kr.jsoft.privacyportal.audit.AuditLog;
import kr.jsoft.privacyportal.mail.Outbox;
import kr.jsoft.privacyportal.web.Lang;
import org.hibernate.Session;

/**
 * The entry point for the policy lifecycle (and for other features' general notices): each call records, in the caller's transaction,
 * one fan-out of a notice mail to every confirmed subscriber ({@link NoticeFanOut} sends it in
 * pages in the background). Calling twice with one key and kind records it once.
 */
public final class NoticeMailer {
    /** Korean law and the company are in Korea: "the effective date" is a date in Seoul. */
    static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    /** The effective-date reminder goes out on that morning, not at midnight. */
    static final LocalTime REMINDER_TIME = LocalTime.of(9, 0);

    private final Outbox outbox;
    private final AuditLog auditLog;
    private final Clock clock;

    public NoticeMailer(Outbox outbox, AuditLog auditLog, Clock clock) {
        this.outbox = outbox;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /**
     * A revision was scheduled: every subscriber gets the notice at once (summary, effective
     * date, links to the new text and the redline), and a reminder on the effective date
     * ({@link #reminderOnEffectiveDate}).
     */
    public void revisionScheduled(Session session, RevisionNotice notice) {
        create(session, notice, FanOutJob.Kind.SCHEDULED, clock.instant());
        reminderOnEffectiveDate(session, notice);
    }

    /**
     * Records the reminder that goes out on the effective date at 09:00 in Seoul (also done by
     * {@link #revisionScheduled}); nothing if that moment has passed.
     */
    public void reminderOnEffectiveDate(Session session, RevisionNotice notice) {
        Instant due = reminderInstant(notice.effectiveDate());
        if (!notice.effectiveDate().isBefore(LocalDate.ofInstant(clock.instant(), SEOUL))) {
            create(session, notice, FanOutJob.Kind.EFFECTIVE, due);
        }
    }

    /**
     * A scheduled revision was withdrawn: its reminder is cancelled and subscribers are told at once.
     * The reminder may have been recorded under an earlier notice of the same revision (scheduled,
     * withdrawn and scheduled again for that date): every pending reminder of {@code label@date} goes.
     */
    public void revisionWithdrawn(Session session, RevisionNotice notice) {
        String revision = notice.revision();
        session.createSelectionQuery("from FanOutJob j where j.kind = :kind and j.state = :pending", FanOutJob.class)
                .setParameter("kind", FanOutJob.Kind.EFFECTIVE)
                .setParameter("pending", FanOutJob.State.PENDING)
                .getResultList().stream()
                // Keys before notices had their own ("label@date") and after ("label@date#<notice>").
                .filter(reminder -> reminder.revisionId().equals(revision)
                        || reminder.revisionId().startsWith(revision + RevisionNotice.NOTICE_SEPARATOR))
                .forEach(reminder -> {
                    reminder.cancel(clock.instant());
                    auditLog.record(session, AuditEvent.system("notice.fanout.cancelled")
                            .target("notice_fanout", reminder.id()));
                });
        create(session, notice, FanOutJob.Kind.WITHDRAWN, clock.instant());
    }

    /** How far a general notice's fan-out has come: mails handed to the outbox, and whether every subscriber has one. */
    public record Progress(int mailsEnqueued, boolean finished) {
    }

    /**
     * A general notice to every confirmed subscriber, recorded in the caller's transaction and sent in
     * pages in the background like the revision notices. {@code key} (1..100 characters, e.g. the
     * other feature's opaque record id) makes a second call for the same notice a no-op and finds its
     * {@link #progress}. {@code title} is also the subject; {@code path} links to the notice on the site.
     */
    public void generalNotice(Session session, String key, Map<Lang, String> title, Map<Lang, String> body,
                              Map<Lang, String> path) {
        if (exists(session, key, FanOutJob.Kind.GENERAL)) {
            return;
        }
        UUID ko = outbox.saveContext(session, Map.of("noticeTitle", title.get(Lang.KO), "body", body.get(Lang.KO),
                "noticeUrl", path.get(Lang.KO)));
        UUID en = outbox.saveContext(session, Map.of("noticeTitle", title.get(Lang.EN), "body", body.get(Lang.EN),
                "noticeUrl", path.get(Lang.EN)));
        FanOutJob job = new FanOutJob(UUID.randomUUID(), key, FanOutJob.Kind.GENERAL, clock.instant(), ko, en,
                clock.instant());
        session.persist(job);
        auditLog.record(session, AuditEvent.system("notice.fanout.created").target("notice_fanout", job.id())
                .detail("GENERAL for " + key));
    }

    /** A general notice's fan-out, read in the caller's transaction; empty if none was recorded under {@code key}. */
    public java.util.Optional<Progress> progress(Session session, String key) {
        return session.createSelectionQuery("from FanOutJob j where j.revisionId = :key and j.kind = :kind",
                        FanOutJob.class)
                .setParameter("key", key)
                .setParameter("kind", FanOutJob.Kind.GENERAL)
                .getResultList().stream().findFirst()
                .map(j -> new Progress(j.enqueued(), j.finishedAt() != null));
    }

    private static boolean exists(Session session, String key, FanOutJob.Kind kind) {
        return !session.createSelectionQuery(
                        "select j.id from FanOutJob j where j.revisionId = :revision and j.kind = :kind", UUID.class)
                .setParameter("revision", key)
                .setParameter("kind", kind)
                .getResultList().isEmpty();
    }

    static Instant reminderInstant(LocalDate effectiveDate) {
        return effectiveDate.atTime(REMINDER_TIME).atZone(SEOUL).toInstant();
    }

    private void create(Session session, RevisionNotice notice, FanOutJob.Kind kind, Instant notBefore) {
        if (exists(session, notice.revisionId(), kind)) {
            return;
        }
        UUID ko = outbox.saveContext(session, context(notice, Lang.KO));
        UUID en = outbox.saveContext(session, context(notice, Lang.EN));
        FanOutJob job = new FanOutJob(UUID.randomUUID(), notice.revisionId(), kind, notBefore, ko, en, clock.instant());
        session.persist(job);
        auditLog.record(session, AuditEvent.system("notice.fanout.created").target("notice_fanout", job.id())
                .detail(kind + " for revision " + notice.revisionId() + ", not before " + notBefore));
    }

    private static Map<String, String> context(RevisionNotice notice, Lang lang) {
        return Map.of(
                "revisionTitle", notice.title().get(lang),
                "summary", notice.summary().get(lang),
                "effectiveDate", DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(lang.locale())
                        .format(notice.effectiveDate()),
                "textUrl", notice.textPath().get(lang),
                "redlineUrl", notice.redlinePath().get(lang));
    }
}
