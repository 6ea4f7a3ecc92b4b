package kr.jsoft.privacyportal.complaint;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import kr.jsoft.privacyportal.audit.AuditEvent;
import kr.jsoft.privacyportal.audit.AuditLog;
import kr.jsoft.privacyportal.erasure.ErasureJournal;
import kr.jsoft.privacyportal.mail.MailSettings;
import kr.jsoft.privacyportal.mail.OutgoingMail;
import kr.jsoft.privacyportal.mail.Outbox;
import kr.jsoft.privacyportal.persistence.Database;
import kr.jsoft.privacyportal.persistence.Inserts;
import kr.jsoft.privacyportal.persistence.Locks;
import kr.jsoft.privacyportal.web.Dates;
import kr.jsoft.privacyportal.web.Lang;

/**
 * Background work on complaints: the daily deadline digest to the privacy manager and the
 * erasure of closed cases' personal data after the retention period.
 */
public final class ComplaintUpkeep {
    private final Database database;
    private final AuditLog auditLog;
    private final Outbox outbox;
    private final CaseRecords records;
    private final ComplaintSettings settings;
    private final MailSettings mail;
    private final ErasureJournal erasureJournal;

    /** The erasure journal's kind for complaints whose personal data was erased. */
    public static final String ERASURE_KIND = "complaint";

    public ComplaintUpkeep(Database database, AuditLog auditLog, Outbox outbox, CaseRecords records,
                    ComplaintSettings settings, MailSettings mail, ErasureJournal erasureJournal) {
        this.erasureJournal = erasureJournal;
        this.database = database;
        this.auditLog = auditLog;
        this.outbox = outbox;
        this.records = records;
        this.settings = settings;
        this.mail = mail;
    }

    /**
     * Mails the overdue and due-within-two-days cases (references and due dates only) to the
     * privacy manager, at most once per Seoul day: the day's row is written in the same
     * transaction as the mail, and a second run (or a second instance) finds it. Nothing is
     * sent on a day with nothing urgent. Returns whether a mail was enqueued.
     */
    public boolean sendDailyDigest() {
        return database.fromTransaction(session -> {
            Instant now = records.now();
            String day = now.atZone(Dates.SEOUL).toLocalDate().toString();
            if (session.find(DigestDay.class, day) != null) {
                return false;
            }
            List<Complaint> urgent = session.createSelectionQuery(
                    "from Complaint c where c.state in (:open) and c.dueAt < :soon order by c.dueAt, c.reference",
                    Complaint.class)
                    .setParameter("open", List.of(CaseState.RECEIVED, CaseState.IN_PROGRESS))
                    .setParameter("soon", now.plus(CaseRecords.DUE_SOON))
                    .getResultList();
            // The day's row decides between instances: a second one waits for the first to commit,
            // then finds the row and sends nothing.
            if (urgent.isEmpty() || !Inserts.ifAbsent(session,
                    "insert into complaint_digest (digest_day, sent_at) values (?, ?)", day, now)) {
                return false;
            }
            String overdue = lines(urgent, ComplaintViews.Urgency.OVERDUE);
            String dueSoon = lines(urgent, ComplaintViews.Urgency.DUE_SOON);
            outbox.enqueue(session, OutgoingMail.to(mail.managerAlert().getAddress(), Lang.KO,
                    "complaint/mail/digest")
                    .with("day", day)
                    .with("overdue", overdue)
                    .with("dueSoon", dueSoon)
                    .with("queueUrl", "/manager/complaints"));
            auditLog.record(session, AuditEvent.system("complaint.digest-sent").target("complaint_digest", day)
                    .detail("cases listed: " + urgent.size()));
            return true;
        });
    }

    private String lines(List<Complaint> cases, ComplaintViews.Urgency urgency) {
        return cases.stream().filter(c -> records.urgency(c) == urgency)
                .map(c -> c.reference() + " (" + Dates.date(c.dueAt(), Lang.KO) + ")")
                .collect(Collectors.joining("\n"));
    }

    /**
     * Erases name, email, phone, status link and every message body of cases closed longer
     * than the retention ago, leaving the anonymous record (reference, category, dates,
     * outcome). Returns how many cases were erased.
     */
    public int eraseExpired() {
        return database.fromTransaction(session -> {
            Instant now = records.now();
            // Another instance erasing at the same time holds its cases' locks: those are skipped here.
            List<Complaint> expired = Locks.skipLocked(session.createSelectionQuery(
                    "from Complaint c where c.erasedAt is null and c.closedAt is not null and c.closedAt <= :cutoff",
                    Complaint.class).setParameter("cutoff", now.minus(settings.retention())).setMaxResults(500))
                    .getResultList();
            // Journalled first (opaque ids), so a restored backup loses these cases' personal data again.
            erasureJournal.recordAll(session, ERASURE_KIND, expired.stream().map(c -> c.id().toString()).toList());
            for (Complaint c : expired) {
                erase(session, c, now);
                auditLog.record(session, AuditEvent.system("complaint.erased").target("complaint", c.id())
                        .detail("personal data erased after retention"));
            }
            return expired.size();
        });
    }

    /** The erasure journal's eraser: erases the case's personal data again (after a restore); true if it had some. */
    public boolean eraseAgain(org.hibernate.Session session, String id) {
        Complaint c = session.find(Complaint.class, java.util.UUID.fromString(id),
                jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (c == null || c.erasedAt() != null) {
            return false;
        }
        erase(session, c, records.now());
        auditLog.record(session, AuditEvent.system("complaint.erased-again").target("complaint", c.id())
                .detail("erased again from the erasure journal (restored backup)"));
        return true;
    }

    private static void erase(org.hibernate.Session session, Complaint c, Instant now) {
        c.erase(now);
        session.createMutationQuery("update ComplaintEntry e set e.bodySealed = null where e.complaintId = :id")
                .setParameter("id", c.id()).executeUpdate();
    }
}
