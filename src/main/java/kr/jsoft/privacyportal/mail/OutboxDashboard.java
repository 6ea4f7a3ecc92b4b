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
 * and last error, a preview, and retry of failed mail. Recipients are masked and secret links
 * (status pages, confirmations, unsubscribe links) redacted for everyone but the privacy
 * manager. Every view of personal data and every retry is audit-logged.
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

    /** A rendered mail, with secret links redacted unless the viewer is the privacy manager. */
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

    /** The mail as it is sent; empty once erased or unknown. */
    public Optional<Preview> preview(Viewer viewer, UUID id) {
        Optional<ClaimedMail> opened = database.fromTransaction(session -> {
            OutboxMail row = session.find(OutboxMail.class, id);
            if (row == null || row.erasedAt() != null) {
                return Optional.<ClaimedMail>empty();
            }
            auditLog.record(session, viewer.event("mail.outbox.viewed").target("mail_outbox", id)
                    .detail(viewer.privacyManager() ? "unredacted" : "redacted"));
            return Optional.of(outbox.open(session, List.of(row)).get(0));
        });
        return opened.map(mail -> {
            ClaimedMail shown = viewer.privacyManager() ? mail : redacted(mail);
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
