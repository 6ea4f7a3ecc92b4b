package kr.jsoft.privacyportal.mail;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import kr.jsoft.privacyportal.audit.AuditEvent;
import kr.jsoft.privacyportal.audit.AuditLog;
import kr.jsoft.privacyportal.persistence.Database;
import kr.jsoft.privacyportal.crypto.DataCipher;
import kr.jsoft.privacyportal.erasure.ErasureJournal;
import kr.jsoft.privacyportal.web.Lang;
import org.hibernate.Session;

/**
 * The transactional outbox. A feature writes a mail in the same transaction as the event
 * that causes it ({@link #enqueue}); the {@link MailDispatcher} sends it after commit, so a
 * rolled-back action sends nothing and a crash loses nothing. Recipient and model are
 * encrypted at rest and erased {@code PORTAL_MAIL_RETENTION} after the mail is finished.
 */
public final class Outbox {
    public static final List<Class<?>> ENTITIES = List.of(OutboxMail.class, MailContext.class);
    static final String RECIPIENT = "mail_outbox.recipient";
    static final String MODEL = "mail_outbox.model";
    /** The erasure journal's kind for mails whose recipient and content were erased. */
    public static final String ERASURE_KIND = "mail";
    private static final int ERASE_BATCH = 1000;

    private final Clock clock;
    private final DataCipher cipher;
    private final AuditLog auditLog;
    private final Database database;
    private final MailSettings settings;
    private final ErasureJournal erasureJournal;
    private final List<Runnable> committedListeners = new CopyOnWriteArrayList<>();
    /**
     * Shared contexts already read, by id: a context is written once and never changed (nor deleted),
     * and every batch of a fan-out (a hundred mails) would otherwise read and parse the same one again.
     * Holds no personal data; emptied when full.
     */
    private final Map<UUID, Map<String, String>> openedContexts = new ConcurrentHashMap<>();
    private static final int OPENED_CONTEXTS = 64;

    public Outbox(Database database, MailSettings settings, DataCipher cipher, AuditLog auditLog, Clock clock,
                  ErasureJournal erasureJournal) {
        this.database = database;
        this.erasureJournal = erasureJournal;
        this.settings = settings;
        this.cipher = cipher;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /**
     * Writes {@code mail} into the outbox within the caller's transaction; it is sent once
     * that transaction commits, and never if it rolls back.
     *
     * @return the mail's id (also the left part of its Message-ID)
     */
    public UUID enqueue(Session session, OutgoingMail mail) {
        String payload = new MailPayload(mail.model(), mail.secretLinks(), mail.listUnsubscribe().orElse(null)).toJson();
        OutboxMail row = new OutboxMail(mail.template(), mail.lang().code(), cipher.sealText(mail.recipient(), RECIPIENT),
                cipher.sealText(payload, MODEL), mail.context().orElse(null), clock.instant());
        session.persist(row);
        wakeDispatcherAfterCommit(session);
        return row.id();
    }

    /**
     * Saves values shared by many mails (never personal data), for {@link OutgoingMail#withContext}:
     * a notice's summary is stored once, not once per subscriber.
     */
    public UUID saveContext(Session session, Map<String, String> values) {
        UUID id = UUID.randomUUID();
        session.persist(new MailContext(id, MailPayload.mapToJson(values), clock.instant()));
        return id;
    }

    /**
     * Mails the day's signed audit-chain head to the privacy manager's alert address
     * ({@code PORTAL_MANAGER_ALERT_EMAIL}), in the caller's transaction.
     *
     * @param signedHead the compact JWS over the head, as the manager feature signs it
     */
    public UUID mailAuditChainHead(Session session, long lastSeq, String lastHash, String signedHead) {
        return enqueue(session, OutgoingMail.to(settings.managerAlert().getAddress(), Lang.KO, "mail/audit-chain-head")
                .with("lastSeq", Long.toString(lastSeq))
                .with("lastHash", lastHash)
                .with("signedHead", signedHead)
                .with("day", clock.instant().atZone(java.time.ZoneId.of("Asia/Seoul")).toLocalDate().toString()));
    }

    /**
     * Erases recipient and model of mails finished (sent or failed) more than the retention
     * ago, leaving id, template, language, state, attempts and times. Run by a background job.
     */
    public int eraseExpired() {
        int total = 0;
        while (true) {
            int erased = database.fromTransaction(session -> {
                Instant now = clock.instant();
                List<UUID> ids = session.createSelectionQuery("""
                        select m.id from OutboxMail m
                        where m.erasedAt is null and m.state in (:finished) and m.finishedAt <= :cutoff""", UUID.class)
                        .setParameter("finished", List.of(MailState.SENT, MailState.FAILED))
                        .setParameter("cutoff", now.minus(settings.retention()))
                        .setMaxResults(ERASE_BATCH)
                        .getResultList();
                if (ids.isEmpty()) {
                    return 0;
                }
                // Journalled first (opaque ids), so a restored backup loses these contents again.
                erasureJournal.recordAll(session, ERASURE_KIND, ids.stream().map(UUID::toString).toList());
                int count = erase(session, ids, now);
                auditLog.record(session, AuditEvent.system("mail.erased").target("mail_outbox", null)
                        .detail("mails erased after retention: " + count));
                return count;
            });
            total += erased;
            if (erased < ERASE_BATCH) {
                return total;
            }
        }
    }

    /** The erasure journal's eraser: erases these mails again (after a restore); returns how many still had content. */
    public int eraseAgain(Session session, List<String> ids) {
        return erase(session, ids.stream().map(UUID::fromString).toList(), clock.instant());
    }

    private static int erase(Session session, List<UUID> ids, Instant now) {
        return session.createMutationQuery("""
                update OutboxMail m set m.recipientSealed = null, m.modelSealed = null, m.erasedAt = :now
                where m.id in (:ids) and m.erasedAt is null""")
                .setParameter("now", now)
                .setParameter("ids", ids)
                .executeUpdate();
    }

    /** Mails waiting to be sent (including retries) and mails given up, for the metrics. */
    public record Backlog(long pending, long failed) {
    }

    /** The outbox backlog: one grouped count over the {@code (state, next_attempt_at)} index. */
    public Backlog backlog() {
        return database.fromTransaction(session -> {
            long pending = 0;
            long failed = 0;
            for (Object[] row : session.createSelectionQuery(
                    "select m.state, count(m) from OutboxMail m where m.state in (:open) group by m.state", Object[].class)
                    .setParameter("open", List.of(MailState.PENDING, MailState.FAILED)).getResultList()) {
                if (row[0] == MailState.PENDING) {
                    pending = (Long) row[1];
                } else {
                    failed = (Long) row[1];
                }
            }
            return new Backlog(pending, failed);
        });
    }

    /**
     * For mails whose recipient must not outlive the sending (a destruction certificate to an
     * address given only for it): once the mail is finished (sent or given up), erases its
     * recipient and content at once, in the caller's transaction, instead of after the retention.
     *
     * @return true if the mail is finished and now erased (or no longer exists); false while it waits to be sent
     */
    public boolean eraseIfFinished(Session session, UUID mailId) {
        OutboxMail mail = session.find(OutboxMail.class, mailId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (mail == null || mail.erasedAt() != null) {
            return true;
        }
        if (mail.state() == MailState.PENDING) {
            return false;
        }
        mail.erase(clock.instant());
        auditLog.record(session, AuditEvent.system("mail.erased").target("mail_outbox", mailId)
                .detail("erased once finished"));
        return true;
    }

    /** Called after every commit that enqueued mail (the dispatcher wakes up). */
    void onCommitted(Runnable listener) {
        committedListeners.add(listener);
    }

    private void wakeDispatcherAfterCommit(Session session) {
        if (committedListeners.isEmpty()) {
            return;
        }
        session.getTransaction().registerSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    committedListeners.forEach(Runnable::run);
                }
            }
        });
    }

    /** Opens sealed rows (in the caller's transaction) into mails ready to render. */
    List<ClaimedMail> open(Session session, Collection<OutboxMail> rows) {
        Map<UUID, Map<String, String>> contexts = new HashMap<>();
        List<UUID> missing = new ArrayList<>();
        rows.stream().map(OutboxMail::contextId).filter(java.util.Objects::nonNull).distinct().forEach(id -> {
            Map<String, String> known = openedContexts.get(id);
            if (known != null) {
                contexts.put(id, known);
            } else {
                missing.add(id);
            }
        });
        if (!missing.isEmpty()) {
            if (openedContexts.size() + missing.size() > OPENED_CONTEXTS) {
                openedContexts.clear();
            }
            session.createSelectionQuery("from MailContext c where c.id in :ids", MailContext.class)
                    .setParameter("ids", missing)
                    .setReadOnly(true)
                    .getResultList()
                    .forEach(c -> {
                        Map<String, String> values = java.util.Collections.unmodifiableMap(MailPayload.mapFromJson(c.modelJson()));
                        contexts.put(c.id(), values);
                        openedContexts.put(c.id(), values);
                    });
        }
        return rows.stream().map(row -> open(row, contexts.getOrDefault(row.contextId(), Map.of()))).toList();
    }

    private ClaimedMail open(OutboxMail row, Map<String, String> context) {
        MailPayload payload = MailPayload.fromJson(cipher.openText(row.modelSealed(), MODEL));
        Map<String, String> model = new HashMap<>(context);
        model.putAll(payload.model());
        return new ClaimedMail(row.id(), row.template(), Lang.parse(row.lang()).orElse(Lang.KO),
                cipher.openText(row.recipientSealed(), RECIPIENT), model, payload.secretLinks(),
                Optional.ofNullable(payload.listUnsubscribe()), row.attempts(), Optional.ofNullable(row.contextId()),
                payload.model().keySet());
    }

    String openRecipient(OutboxMail row) {
        return cipher.openText(row.recipientSealed(), RECIPIENT);
    }
}
