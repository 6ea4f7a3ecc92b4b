package kr.jsoft.privacyportal.mail;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.UuidGenerator;

/** One row of the outbox. Recipient and model are sealed; both are erased after the retention. */
@Entity
@Table(name = "mail_outbox")
class OutboxMail {
    /**
     * Time-ordered (UUID version 7), so the mails of one fan-out lie side by side in the table: a batch
     * claimed and recorded together changes a few pages of it, not one page per mail, which on H2 (it
     * writes every page a commit changed) was most of the bytes and much of the CPU of sending a mail.
     * Also the left part of the Message-ID.
     */
    @Id
    @UuidGenerator(style = UuidGenerator.Style.VERSION_7)
    private UUID id;
    @Column(nullable = false, length = 100)
    private String template;
    @Column(nullable = false, length = 2)
    private String lang;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private MailState state;
    @Column(name = "recipient_sealed", length = 1000)
    private String recipientSealed;
    @Column(name = "model_sealed", length = 100000)
    private String modelSealed;
    @Column(name = "context_id")
    private UUID contextId;
    @Column(nullable = false)
    private int attempts;
    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;
    @Column(name = "claim_token")
    private UUID claimToken;
    @Column(name = "lease_until")
    private Instant leaseUntil;
    @Column(name = "awaiting_relay", nullable = false)
    private boolean awaitingRelay;
    @Column(name = "last_error", length = 500)
    private String lastError;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "finished_at")
    private Instant finishedAt;
    @Column(name = "erased_at")
    private Instant erasedAt;

    protected OutboxMail() {
    }

    OutboxMail(String template, String lang, String recipientSealed, String modelSealed, UUID contextId, Instant now) {
        this.template = template;
        this.lang = lang;
        this.state = MailState.PENDING;
        this.recipientSealed = recipientSealed;
        this.modelSealed = modelSealed;
        this.contextId = contextId;
        this.attempts = 0;
        this.nextAttemptAt = now;
        this.createdAt = now;
    }

    UUID id() { return id; }
    String template() { return template; }
    String lang() { return lang; }
    MailState state() { return state; }
    String recipientSealed() { return recipientSealed; }
    String modelSealed() { return modelSealed; }
    UUID contextId() { return contextId; }
    int attempts() { return attempts; }
    Instant nextAttemptAt() { return nextAttemptAt; }
    UUID claimToken() { return claimToken; }
    String lastError() { return lastError; }
    Instant createdAt() { return createdAt; }
    Instant finishedAt() { return finishedAt; }
    Instant erasedAt() { return erasedAt; }

    /**
     * Erases recipient and content now. A mail not yet sent can then never be sent: it ends FAILED
     * (only the erasure journal erases unsent mail, after a restore brought back one sent before).
     */
    void erase(Instant now) {
        this.recipientSealed = null;
        this.modelSealed = null;
        this.erasedAt = now;
        if (state == MailState.PENDING) {
            this.state = MailState.FAILED;
            this.finishedAt = now;
            this.lastError = "erased before sending";
            this.claimToken = null;
            this.leaseUntil = null;
        }
    }

    /** A manager's retry of a failed mail: a fresh series of attempts, due now. */
    void retry(Instant now) {
        this.state = MailState.PENDING;
        this.attempts = 0;
        this.nextAttemptAt = now;
        this.claimToken = null;
        this.leaseUntil = null;
        this.finishedAt = null;
        this.awaitingRelay = false;
    }
}
