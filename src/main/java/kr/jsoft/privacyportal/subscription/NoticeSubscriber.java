package kr.jsoft.privacyportal.subscription;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A notice subscriber: the address sealed, found by its keyed hash; pending until confirmed. */
@Entity
@Table(name = "notice_subscriber")
class NoticeSubscriber {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "email_hash", nullable = false, length = 64)
    private String emailHash;
    @Column(name = "email_sealed", nullable = false, length = 1000)
    private String emailSealed;
    @Column(nullable = false, length = 2)
    private String lang;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "confirmed_at")
    private Instant confirmedAt;
    @Column(name = "confirm_token_hash", length = 64)
    private String confirmTokenHash;
    @Column(name = "confirm_expires_at")
    private Instant confirmExpiresAt;

    protected NoticeSubscriber() {
    }

    NoticeSubscriber(String emailHash, String emailSealed, String lang, Instant now) {
        this.emailHash = emailHash;
        this.emailSealed = emailSealed;
        this.lang = lang;
        this.createdAt = now;
    }

    Long id() { return id; }
    Instant createdAt() { return createdAt; }
    String emailSealed() { return emailSealed; }
    String lang() { return lang; }
    boolean confirmed() { return confirmedAt != null; }

    void awaitConfirmation(String tokenHash, Instant expiresAt, String lang) {
        this.confirmTokenHash = tokenHash;
        this.confirmExpiresAt = expiresAt;
        this.lang = lang;
    }

    /**
     * The token's hash stays (without an expiry), so that opening the used link again can say
     * "you are subscribed" instead of asking to subscribe again; it goes with the row.
     */
    void confirm(Instant now) {
        this.confirmedAt = now;
        this.confirmExpiresAt = null;
    }
}
