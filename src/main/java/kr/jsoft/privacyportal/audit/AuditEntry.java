package kr.jsoft.privacyportal.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One append-only line of the audit log. Entries are written once and never updated or
 * deleted: the class has no setters and the log offers no such operation.
 */
@Entity
@Table(name = "audit_entry")
public class AuditEntry {
    @Id
    private long seq;
    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;
    @Column(nullable = false, length = 100)
    private String actor;
    @Column(nullable = false, length = 100)
    private String action;
    @Column(name = "target_type", length = 50)
    private String targetType;
    @Column(name = "target_id", length = 100)
    private String targetId;
    @Column(name = "client_address", length = 64)
    private String clientAddress;
    @Column(length = 500)
    private String detail;
    @Column(name = "prev_hash", nullable = false, length = 64)
    private String prevHash;
    @Column(nullable = false, length = 64)
    private String hash;

    protected AuditEntry() {
    }

    AuditEntry(long seq, Instant occurredAt, AuditEvent event, String prevHash) {
        this.seq = seq;
        this.occurredAt = occurredAt;
        this.actor = event.actor();
        this.action = event.action();
        this.targetType = event.targetType();
        this.targetId = event.targetId();
        this.clientAddress = event.clientAddress();
        this.detail = event.detail();
        this.prevHash = prevHash;
        this.hash = AuditChain.hash(this);
    }

    public long seq() { return seq; }
    public Instant occurredAt() { return occurredAt; }
    public String actor() { return actor; }
    public String action() { return action; }
    public String targetType() { return targetType; }
    public String targetId() { return targetId; }
    public String clientAddress() { return clientAddress; }
    public String detail() { return detail; }
    public String prevHash() { return prevHash; }
    public String hash() { return hash; }
}
