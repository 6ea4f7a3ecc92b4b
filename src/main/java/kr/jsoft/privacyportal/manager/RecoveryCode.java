package kr.jsoft.privacyportal.manager;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One one-time recovery code, stored as a keyed hash only ({@link RecoveryCodeHash}). */
@Entity
@Table(name = "staff_recovery_code")
class RecoveryCode {
    @Id
    private UUID id;
    @Column(name = "account_id", nullable = false)
    private UUID accountId;
    @Column(name = "code_hash", nullable = false, length = 64)
    private String codeHash;
    @Column(name = "used_at")
    private Instant usedAt;
    /** False only for a code an earlier release stored as its plain SHA-256, until start-up wraps it. */
    @Column(name = "keyed", nullable = false)
    private boolean keyed;

    protected RecoveryCode() {
    }

    RecoveryCode(UUID id, UUID accountId, String codeHash) {
        this.id = id;
        this.accountId = accountId;
        this.codeHash = codeHash;
        this.keyed = true;
    }

    String codeHash() { return codeHash; }
    Instant usedAt() { return usedAt; }

    void use(Instant now) {
        this.usedAt = now;
    }
}
