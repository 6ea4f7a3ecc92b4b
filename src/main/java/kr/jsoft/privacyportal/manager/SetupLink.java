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
    /** First-run links: the instance that wrote the link to its file. */
    @Column(name = "issued_by", length = 50)
    private String issuedBy;
    /** First-run links: where that file is ({@code host:/path/manager-setup-link.txt}). */
    @Column(name = "issued_where", length = 600)
    private String issuedWhere;

    protected SetupLink() {
    }

    SetupLink(String tokenHash, Purpose purpose, UUID accountId, Instant now, Instant expiresAt) {
        this.tokenHash = tokenHash;
        this.purpose = purpose;
        this.accountId = accountId;
        this.createdAt = now;
        this.expiresAt = expiresAt;
    }

    /** A first-run link, written by {@code instance} to the file {@code where}. */
    static SetupLink firstRun(String tokenHash, Instant now, Instant expiresAt, String instance, String where) {
        SetupLink link = new SetupLink(tokenHash, Purpose.FIRST_RUN, null, now, expiresAt);
        link.issuedBy = instance;
        link.issuedWhere = where;
        return link;
    }

    String tokenHash() { return tokenHash; }
    String issuedBy() { return issuedBy; }
    String issuedWhere() { return issuedWhere; }
    Instant expiresAt() { return expiresAt; }
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
