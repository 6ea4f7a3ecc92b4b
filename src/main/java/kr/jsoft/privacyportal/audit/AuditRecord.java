package kr.jsoft.privacyportal.audit;

import java.time.Instant;

/** One audit entry as pages and exports show it. */
public record AuditRecord(long seq, Instant occurredAt, String actor, String action, String targetType,
                          String targetId, String clientAddress, String detail, String prevHash, String hash) {
    static AuditRecord of(AuditEntry e) {
        return new AuditRecord(e.seq(), e.occurredAt(), e.actor(), e.action(), e.targetType(), e.targetId(),
                e.clientAddress(), e.detail(), e.prevHash(), e.hash());
    }
}
