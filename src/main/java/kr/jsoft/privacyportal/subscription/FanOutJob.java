package kr.jsoft.privacyportal.subscription;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One notice to all confirmed subscribers. Its progress (the last subscriber id done) moves
 * in the same transaction as that page's outbox rows, so after a crash the next run goes on
 * where the last committed page ended, without resending.
 */
@Entity
@Table(name = "notice_fanout")
class FanOutJob {
    /** A revision's three mails, or a general notice (e.g. a breach notice) another feature sends. */
    enum Kind { SCHEDULED, EFFECTIVE, WITHDRAWN, GENERAL }

    enum State { PENDING, DONE, CANCELLED }

    @Id
    private UUID id;
    @Column(name = "revision_id", nullable = false, length = 200)
    private String revisionId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Kind kind;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private State state;
    @Column(name = "not_before", nullable = false)
    private Instant notBefore;
    @Column(name = "context_ko", nullable = false)
    private UUID contextKo;
    @Column(name = "context_en", nullable = false)
    private UUID contextEn;
    @Column(name = "last_subscriber_id", nullable = false)
    private long lastSubscriberId;
    @Column(nullable = false)
    private int enqueued;
    @Column(name = "claim_token")
    private UUID claimToken;
    @Column(name = "lease_until")
    private Instant leaseUntil;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "finished_at")
    private Instant finishedAt;

    protected FanOutJob() {
    }

    FanOutJob(UUID id, String revisionId, Kind kind, Instant notBefore, UUID contextKo, UUID contextEn, Instant now) {
        this.id = id;
        this.revisionId = revisionId;
        this.kind = kind;
        this.state = State.PENDING;
        this.notBefore = notBefore;
        this.contextKo = contextKo;
        this.contextEn = contextEn;
        this.createdAt = now;
    }

    UUID id() { return id; }
    String revisionId() { return revisionId; }
    Kind kind() { return kind; }
    State state() { return state; }
    UUID claimToken() { return claimToken; }
    long lastSubscriberId() { return lastSubscriberId; }
    int enqueued() { return enqueued; }
    Instant finishedAt() { return finishedAt; }

    UUID context(kr.jsoft.privacyportal.web.Lang lang) {
        return lang == kr.jsoft.privacyportal.web.Lang.EN ? contextEn : contextKo;
    }

    void advance(long lastId, int count, Instant leaseUntil) {
        this.lastSubscriberId = lastId;
        this.enqueued += count;
        this.leaseUntil = leaseUntil;
    }

    void finish(Instant now) {
        this.state = State.DONE;
        this.finishedAt = now;
        this.claimToken = null;
        this.leaseUntil = null;
    }

    void cancel(Instant now) {
        this.state = State.CANCELLED;
        this.finishedAt = now;
    }
}
