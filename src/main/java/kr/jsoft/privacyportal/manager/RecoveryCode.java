package kr.jsoft.privacyportal.manager;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One one-time recovery code, stored as its SHA-256 only. */
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

    protected RecoveryCode() {
    }

    RecoveryCode(UUID id, UUID accountId, String codeHash) {
        this.id = id;
        this.accountId = accountId;
        this.codeHash = codeHash;
    }

    String codeHash() { return codeHash; }
    Instant usedAt() { return usedAt; }

    void use(Instant now) {
        this.usedAt = now;
    }
}
