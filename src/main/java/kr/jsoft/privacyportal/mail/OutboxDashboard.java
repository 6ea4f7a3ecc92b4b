package kr.jsoft.privacyportal.mail;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import kr.jsoft.privacyportal.audit.AuditEvent;
import kr.jsoft.privacyportal.audit.AuditLog;
import kr.jsoft.privacyportal.persistence.Database;
import kr.jsoft.privacyportal.web.View;

/**
 * What the manager page {@code /manager/outbox} shows and does: each mail's state, attempts
 * and last error, a preview, retry of failed mail and, for the privacy manager, resending a
 * copy. Recipients are masked for everyone but the privacy manager. Secret links (status pages,
 * confirmations, unsubscribe links) are redacted for every role: a working link would let the
 * viewer act as the recipient, and no staff task needs that; a recipient who lost the link gets
 * a copy of the mail instead. Every view of personal data, retry and resend is audit-logged.
 */
final class OutboxDashboard {
    static final String REDACTED = "[redacted]";
    private final Database database;
    private final Outbox outbox;
    private final MailComposer composer;
    private final AuditLog auditLog;
    private final Clock clock;

    public OutboxDashboard(Database database, Outbox outbox, View view, MailSettings settings, Supplier<URI> baseUrl,
                           AuditLog auditLog, Clock clock) {
        this.database = database;
        this.outbox = outbox;
        this.composer = new MailComposer(view, settings, baseUrl, clock);
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /** The signed-in staff member looking at the outbox. */
    public record Viewer(String accountId, String clientAddress, boolean privacyManager) {
        AuditEvent event(String action) {
            return AuditEvent.staff(accountId, clientAddress, action);
        }
    }

    /** One line of the outbox list. {@code recipient} is masked unless the viewer is the privacy manager; empty once erased. */
    public record OutboxLine(UUID id, String template, String lang, MailState state, int attempts, String lastError,
                             Instant createdAt, Instant nextAttemptAt, Instant finishedAt, boolean erased,
                             Optional<String> recipient) {
    }

    /** A rendered mail, with its secret links redacted. */
    public record Preview(UUID id, Optional<String> recipient, String subject, String text) {
    }

    /** The newest {@code limit} mails, optionally only those in {@code state}. */
    public List<OutboxLine> list(Viewer viewer, Optional<MailState> state, int limit) {
        return database.fromTransaction(session -> {
            var query = state.isPresent()
                    ? session.createSelectionQuery("from OutboxMail m where m.state = :state order by m.createdAt desc",
                            OutboxMail.class).setParameter("state", state.get())
                    : session.createSelectionQuery("from OutboxMail m order by m.createdAt desc", OutboxMail.class);
            List<OutboxMail> rows = query.setMaxResults(Math.max(1, Math.min(limit, 500))).getResultList();
            auditLog.record(session, viewer.event("mail.outbox.listed").target("mail_outbox", null)
                    .detail("rows: " + rows.size() + (viewer.privacyManager() ? ", addresses shown" : ", masked")));
            return rows.stream().map(row -> new OutboxLine(row.id(), row.template(), row.lang(), row.state(),
                    row.attempts(), row.lastError(), row.createdAt(), row.nextAttemptAt(), row.finishedAt(),
                    row.erasedAt() != null, row.erasedAt() != null ? Optional.empty()
                            : Optional.of(shown(viewer, outbox.openRecipient(row))))).toList();
        });
    }

    /**
     * Mails that failed for good since {@code since}, newest first, for the day's work: no recipient
     * and no content is read, so listing them is not an access record.
     */
    public List<OutboxLine> failedSince(Instant since, int limit) {
        return database.fromTransaction(session -> session.createSelectionQuery("from OutboxMail m where m.state = :failed"
                        + " and m.finishedAt >= :since order by m.finishedAt desc", OutboxMail.class)
                .setParameter("failed", MailState.FAILED).setParameter("since", since).setMaxResults(limit)
                .getResultList().stream().map(row -> new OutboxLine(row.id(), row.template(), row.lang(), row.state(),
                        row.attempts(), row.lastError(), row.createdAt(), row.nextAttemptAt(), row.finishedAt(),
                        row.erasedAt() != null, Optional.<String>empty())).toList());
    }

    /** The mail as it is sent; empty once erased or unknown. */
    public Optional<Preview> preview(Viewer viewer, UUID id) {
        Optional<ClaimedMail> opened = database.fromTransaction(session -> {
            OutboxMail row = session.find(OutboxMail.class, id);
            if (row == null || row.erasedAt() != null) {
                return Optional.<ClaimedMail>empty();
            }
            auditLog.record(session, viewer.event("mail.outbox.viewed").target("mail_outbox", id)
                    .detail(viewer.privacyManager() ? "address shown, links redacted" : "redacted"));
            return Optional.of(outbox.open(session, List.of(row)).get(0));
        });
        return opened.map(mail -> {
            ClaimedMail shown = redacted(mail);
            MailComposer.Rendered rendered = composer.render(shown);
            return new Preview(id, Optional.of(shown(viewer, mail.recipient())), rendered.subject(), rendered.text());
        });
    }

    /** Puts a {@code FAILED} mail back in the queue, due now, with a fresh series of attempts. */
    public boolean retry(Viewer viewer, UUID id) {
        return database.fromTransaction(session -> {
            OutboxMail row = session.find(OutboxMail.class, id);
            if (row == null || row.state() != MailState.FAILED || row.erasedAt() != null) {
                return false;
            }
            row.retry(clock.instant());
            auditLog.record(session, viewer.event("mail.retried").target("mail_outbox", id));
            return true;
        });
    }

    /** Whether a copy went out: only the privacy manager may resend, and only a mail not yet erased. */
    enum Resend { QUEUED, GONE, NOT_ALLOWED }

    /**
     * Queues a copy of the mail, secret links and all, to its own recipient: the one way a lost
     * link reaches its owner again without anyone on the dashboard seeing it.
     */
    public Resend resend(Viewer viewer, UUID id) {
        if (!viewer.privacyManager()) {
            return Resend.NOT_ALLOWED;
        }
        return database.fromTransaction(session -> {
            OutboxMail row = session.find(OutboxMail.class, id);
            if (row == null || row.erasedAt() != null) {
                return Resend.GONE;
            }
            ClaimedMail mail = outbox.open(session, List.of(row)).get(0);
            // The merged model, not the shared context: the copy stands on its own whatever happens to the context.
            UUID copy = outbox.enqueue(session, new OutgoingMail(mail.recipient(), mail.lang(), mail.template(),
                    mail.model(), mail.secretLinks(), mail.listUnsubscribe(), Optional.empty()));
            auditLog.record(session, viewer.event("mail.resent").target("mail_outbox", id).detail("copy " + copy));
            return Resend.QUEUED;
        });
    }

    private static ClaimedMail redacted(ClaimedMail mail) {
        Map<String, String> model = new HashMap<>(mail.model());
        mail.secretLinks().forEach(name -> model.computeIfPresent(name, (k, v) -> REDACTED));
        return new ClaimedMail(mail.id(), mail.template(), mail.lang(), mail.recipient(), model, mail.secretLinks(),
                mail.listUnsubscribe().map(u -> REDACTED), mail.attempts(), mail.context(), mail.ownValues());
    }

    private static String shown(Viewer viewer, String recipient) {
        return viewer.privacyManager() ? recipient : mask(recipient);
    }

    /** {@code j***@example.com}: enough to tell mails apart, not enough to learn the address. */
    static String mask(String address) {
        int at = address.indexOf('@');
        if (at <= 0) {
            return "***";
        }
        return address.charAt(0) + "***" + address.substring(at);
    }
}
