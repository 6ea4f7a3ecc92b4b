package kr.jsoft.privacyportal.manager;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A one-time link that sets an account's password and second factor; stored as the token's SHA-256. */
@Entity
@Table(name = "staff_setup_link")
class SetupLink {
    enum Purpose {
        /** Creates the first privacy-manager account; written to a file on first start. */
        FIRST_RUN,
        /** Sets up an account created by a colleague or the command line. */
        INVITATION,
        /** Replaces a forgotten or compromised password and second factor. */
        RESET
    }

    @Id
    @Column(name = "token_hash", length = 64)
    private String tokenHash;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Purpose purpose;
    @Column(name = "account_id")
    private UUID accountId;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;
    @Column(name = "used_at")
    private Instant usedAt;

    protected SetupLink() {
    }

    SetupLink(String tokenHash, Purpose purpose, UUID accountId, Instant now, Instant expiresAt) {
        this.tokenHash = tokenHash;
        this.purpose = purpose;
        this.accountId = accountId;
        this.createdAt = now;
        this.expiresAt = expiresAt;
    }

    String tokenHash() { return tokenHash; }
    Purpose purpose() { return purpose; }
    UUID accountId() { return accountId; }

    boolean usableAt(Instant now) {
        return usedAt == null && now.isBefore(expiresAt);
    }

    void use(Instant now) {
        this.usedAt = now;
    }

    /** A newer link of the same kind replaces this one. */
    void revoke(Instant now) {
        if (usedAt == null) {
            this.expiresAt = now;
        }
    }
}
