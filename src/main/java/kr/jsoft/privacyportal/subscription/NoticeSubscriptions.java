package kr.jsoft.privacyportal.subscription;

import kr.jsoft.privacyportal.crypto.SecretTokens;
import kr.jsoft.privacyportal.crypto.Digests;
import kr.jsoft.privacyportal.mail.EmailAddresses;
import jakarta.persistence.PersistenceException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import javax.crypto.SecretKey;
import kr.jsoft.privacyportal.audit.AuditEvent;
import kr.jsoft.privacyportal.audit.AuditLog;
import kr.jsoft.privacyportal.erasure.ErasureJournal;
import kr.jsoft.privacyportal.mail.OutgoingMail;
import kr.jsoft.privacyportal.mail.Outbox;
import kr.jsoft.privacyportal.persistence.Database;
import kr.jsoft.privacyportal.crypto.DataCipher;
import kr.jsoft.privacyportal.ratelimit.PerNetwork;
import kr.jsoft.privacyportal.ratelimit.RateLimiter;
import kr.jsoft.privacyportal.web.Lang;
import kr.jsoft.privacyportal.web.TooManyRequestsException;

/**
 * Subscriptions to notices with double opt-in: a request only sends the confirmation mail
 * (a link valid 48 h), and answers the same whether or not the address is already
 * subscribed; confirming makes the address a subscriber; unsubscribing deletes it.
 */
public final class NoticeSubscriptions {
    public static final List<Class<?>> ENTITIES = List.of(NoticeSubscriber.class, FanOutJob.class);
    static final Duration CONFIRMATION_VALIDITY = Duration.ofHours(48);
    static final String EMAIL = "notice_subscriber.email";
    static final RateLimiter.Limit PER_CLIENT = RateLimiter.Limit.perHour(10);
    static final RateLimiter.Limit PER_EMAIL = RateLimiter.Limit.perHour(3);

    private final Database database;
    private final Outbox outbox;
    private final RateLimiter rateLimiter;
    private final AuditLog auditLog;
    private final DataCipher cipher;
    private final SubscriberKeys keys;
    private final SecureRandom random;
    private final Clock clock;
    private final ErasureJournal erasureJournal;

    /** The erasure journal's kind for deleted subscribers (ids journalled as {@code S-<id>.<created>}). */
    public static final String ERASURE_KIND = "subscriber";

    public NoticeSubscriptions(Database database, Outbox outbox, RateLimiter rateLimiter, AuditLog auditLog,
                               DataCipher cipher, SecretKey hashKey, SecureRandom random, Clock clock,
                               ErasureJournal erasureJournal) {
        this.database = database;
        this.outbox = outbox;
        this.rateLimiter = rateLimiter;
        this.auditLog = auditLog;
        this.cipher = cipher;
        this.keys = new SubscriberKeys(hashKey);
        this.random = random;
        this.clock = clock;
        this.erasureJournal = erasureJournal;
    }

    /**
     * Asks {@code email} to confirm a subscription in {@code lang}. Sends the confirmation mail
     * for a new or pending address and nothing for a confirmed one; the caller cannot tell which.
     *
     * @throws TooManyRequestsException past the limits per client address and per address
     */
    public void subscribe(String email, Lang lang, String clientAddress) {
        String normalized = normalizedWithinLimits(email, clientAddress);
        String hash = keys.emailHash(normalized);
        try {
            database.inTransaction(session -> {
                Instant now = clock.instant();
                NoticeSubscriber subscriber = session.createSelectionQuery(
                        "from NoticeSubscriber s where s.emailHash = :hash", NoticeSubscriber.class)
                        .setParameter("hash", hash).uniqueResultOptional().orElse(null);
                if (subscriber != null && subscriber.confirmed()) {
                    auditLog.record(session, AuditEvent.publicVisitor("subscription.requested")
                            .target("notice_subscriber", subscriber.id()).detail("already confirmed: nothing sent"));
                    return;
                }
                if (subscriber == null) {
                    subscriber = new NoticeSubscriber(hash, cipher.sealText(normalized, EMAIL), lang.code(), now);
                    session.persist(subscriber);
                }
                String token = SecretTokens.newToken(random, 32);
                subscriber.awaitConfirmation(Digests.sha256Hex(token), now.plus(CONFIRMATION_VALIDITY), lang.code());
                session.flush();
                outbox.enqueue(session, OutgoingMail.to(normalized, lang, "mail/subscription-confirm")
                        .withSecretLink("confirmUrl", "/" + lang.code() + "/notices/subscribe/confirm/" + token)
                        .with("validHours", Long.toString(CONFIRMATION_VALIDITY.toHours())));
                auditLog.record(session, AuditEvent.publicVisitor("subscription.requested")
                        .target("notice_subscriber", subscriber.id()).detail("confirmation mailed"));
            });
        } catch (PersistenceException sameAddressAtTheSameMoment) {
            // Two requests for one new address raced on the unique hash; the other one mailed.
        }
    }

    /** Whether {@code token} is a confirmation link that still works (for the page with the button). */
    public Optional<Lang> pendingConfirmation(String token) {
        return database.fromTransaction(session -> findPending(session, token).map(s -> language(s)));
    }

    /** Confirms the subscription behind {@code token}; empty if the link is unknown, used or expired. */
    public Optional<Lang> confirm(String token) {
        return database.fromTransaction(session -> findPending(session, token).map(subscriber -> {
            subscriber.confirm(clock.instant());
            auditLog.record(session, AuditEvent.publicVisitor("subscription.confirmed")
                    .target("notice_subscriber", subscriber.id()));
            return language(subscriber);
        }));
    }

    /** Whether {@code token} is a confirmation link already used: its address is subscribed. */
    public boolean alreadyConfirmed(String token) {
        if (token == null || token.length() < 20 || token.length() > 100) {
            return false;
        }
        return database.fromTransaction(session -> session.createSelectionQuery("""
                from NoticeSubscriber s where s.confirmTokenHash = :hash and s.confirmedAt is not null""",
                NoticeSubscriber.class)
                .setParameter("hash", Digests.sha256Hex(token))
                .uniqueResultOptional().isPresent());
    }

    /**
     * Mails an unsubscribe link to {@code email} if it is subscribed, so nobody has to wait for the
     * next notice to leave. The caller answers the same either way (and both ways write one audit
     * record in one transaction), so the form cannot tell whether an address is subscribed.
     *
     * @throws TooManyRequestsException past the limits per client address and per address
     */
    public void sendUnsubscribeLink(String email, String clientAddress) {
        String normalized = normalizedWithinLimits(email, clientAddress);
        String hash = keys.emailHash(normalized);
        database.inTransaction(session -> {
            NoticeSubscriber subscriber = session.createSelectionQuery(
                    "from NoticeSubscriber s where s.emailHash = :hash", NoticeSubscriber.class)
                    .setParameter("hash", hash).uniqueResultOptional().filter(NoticeSubscriber::confirmed)
                    .orElse(null);
            if (subscriber == null) {
                auditLog.record(session, AuditEvent.publicVisitor("subscription.unsubscribe-link")
                        .target("notice_subscriber", null).detail("not subscribed: nothing sent"));
                return;
            }
            Lang lang = language(subscriber);
            outbox.enqueue(session, OutgoingMail.to(normalized, lang, "mail/subscription-unsubscribe")
                    .withUnsubscribe("/unsubscribe/" + keys.unsubscribeToken(subscriber.id())));
            auditLog.record(session, AuditEvent.publicVisitor("subscription.unsubscribe-link")
                    .target("notice_subscriber", subscriber.id()).detail("link mailed"));
        });
    }

    /**
     * The address normalised, after the limits both forms share (one budget per client address
     * and per address, so neither form can be used to flood a mailbox).
     */
    private String normalizedWithinLimits(String email, String clientAddress) {
        if (!EmailAddresses.isValid(email)) {
            throw new IllegalArgumentException("not an email address");
        }
        String normalized = SubscriberKeys.normalize(email);
        limit(rateLimiter.acquire("subscribe.client", PerNetwork.of(clientAddress), PER_CLIENT));
        limit(rateLimiter.acquire("subscribe.email", normalized, PER_EMAIL));
        return normalized;
    }

    /** The language of the subscriber behind an unsubscribe token, if it is still subscribed. */
    public Optional<Lang> subscriberLanguage(String unsubscribeToken) {
        OptionalLong id = keys.subscriberOf(unsubscribeToken);
        if (id.isEmpty()) {
            return Optional.empty();
        }
        return database.fromTransaction(session -> Optional.ofNullable(session.find(NoticeSubscriber.class,
                id.getAsLong())).map(NoticeSubscriptions::language));
    }

    /** Deletes the subscriber behind {@code unsubscribeToken}; true if there was one. Idempotent. */
    public boolean unsubscribe(String unsubscribeToken) {
        OptionalLong id = keys.subscriberOf(unsubscribeToken);
        if (id.isEmpty()) {
            return false;
        }
        return database.fromTransaction(session -> {
            NoticeSubscriber subscriber = session.find(NoticeSubscriber.class, id.getAsLong());
            if (subscriber == null) {
                return false;
            }
            erasureJournal.record(session, ERASURE_KIND, journalId(subscriber.id(), subscriber.createdAt()));
            session.remove(subscriber);
            auditLog.record(session, AuditEvent.publicVisitor("subscription.deleted")
                    .target("notice_subscriber", id.getAsLong()).detail("unsubscribed"));
            return true;
        });
    }

    /** Deletes requests never confirmed within 48 h: the address was never ours to keep. Background job. */
    public int purgeUnconfirmed() {
        return database.fromTransaction(session -> {
            List<NoticeSubscriber> expired = session.createSelectionQuery("""
                    from NoticeSubscriber s where s.confirmedAt is null and s.confirmExpiresAt <= :now""",
                    NoticeSubscriber.class).setParameter("now", clock.instant()).getResultList();
            if (expired.isEmpty()) {
                return 0;
            }
            erasureJournal.recordAll(session, ERASURE_KIND, expired.stream()
                    .map(s -> journalId(s.id(), s.createdAt())).toList());
            List<Long> ids = expired.stream().map(NoticeSubscriber::id).toList();
            int purged = session.createMutationQuery("delete from NoticeSubscriber s where s.id in (:ids)")
                    .setParameter("ids", ids)
                    .executeUpdate();
            if (purged > 0) {
                auditLog.record(session, AuditEvent.system("subscription.purged").target("notice_subscriber", null)
                        .detail("unconfirmed requests deleted: " + purged));
            }
            return purged;
        });
    }

    /**
     * {@code S-<id>.<created, epoch microseconds>}: ids come from an identity column, and a
     * restored database hands out again the ids used after its backup; with the creation time an
     * entry never matches a later subscriber that got the same id.
     */
    private static String journalId(long id, Instant createdAt) {
        return "S-" + id + "." + (createdAt.getEpochSecond() * 1_000_000 + createdAt.getNano() / 1_000);
    }

    /** The erasure journal's eraser: deletes these subscribers again (after a restore); returns how many were there. */
    public int eraseAgain(org.hibernate.Session session, List<String> journalIds) {
        int deleted = 0;
        for (String journalId : journalIds) {
            String[] parts = journalId.substring(2).split("\\.");
            long micros = Long.parseLong(parts[1]);
            Instant createdAt = Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000),
                    Math.floorMod(micros, 1_000_000) * 1_000L);
            deleted += session.createMutationQuery(
                            "delete from NoticeSubscriber s where s.id = :id and s.createdAt = :created")
                    .setParameter("id", Long.parseLong(parts[0])).setParameter("created", createdAt).executeUpdate();
        }
        if (deleted > 0) {
            auditLog.record(session, AuditEvent.system("subscription.deleted-again").target("notice_subscriber", null)
                    .detail("subscribers deleted again from the erasure journal (restored backup): " + deleted));
        }
        return deleted;
    }

    private Optional<NoticeSubscriber> findPending(org.hibernate.Session session, String token) {
        if (token == null || token.length() < 20 || token.length() > 100) {
            return Optional.empty();
        }
        return session.createSelectionQuery("""
                from NoticeSubscriber s where s.confirmTokenHash = :hash and s.confirmExpiresAt > :now""",
                NoticeSubscriber.class)
                .setParameter("hash", Digests.sha256Hex(token))
                .setParameter("now", clock.instant())
                .uniqueResultOptional();
    }

    private static Lang language(NoticeSubscriber subscriber) {
        return Lang.parse(subscriber.lang()).orElse(Lang.KO);
    }

    private static void limit(RateLimiter.Decision decision) {
        if (!decision.allowed()) {
            throw new TooManyRequestsException(decision.retryAfter(),
                    "Too many subscription requests. Please try again later.");
        }
    }

    SubscriberKeys keys() {
        return keys;
    }

    DataCipher cipher() {
        return cipher;
    }
}
