package kr.jsoft.privacyportal.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The single row that serialises appends to the chain (locked FOR UPDATE by each writer). */
@Entity
@Table(name = "audit_chain_head")
class AuditChainHead {
    @Id
    private int id;
    @Column(name = "last_seq", nullable = false)
    private long lastSeq;
    @Column(name = "last_hash", nullable = false, length = 64)
    private String lastHash;

    protected AuditChainHead() {
    }

    long lastSeq() { return lastSeq; }
    String lastHash() { return lastHash; }

    void advance(AuditEntry entry) {
        this.lastSeq = entry.seq();
        this.lastHash = entry.hash();
    }
}
