package kr.jsoft.privacyportal.destruction;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import kr.jsoft.privacyportal.audit.AuditEvent;
import kr.jsoft.privacyportal.audit.AuditLog;
import kr.jsoft.privacyportal.crypto.DataCipher;
import org.hibernate.Session;

/**
 * The open destruction requests still filed under a number's hash, for the person's own rights
 * page: what they are (access) and the email a certificate would go to (correction). A request
 * drops the hash as soon as its devices are known, and a finished one keeps none at all, so only
 * requests still being proven or reviewed can be found this way: by design, not by omission.
 */
public final class RequestsOfNumber {
    /** One open request: its reference, state in words (a destruction message key), times, email. */
    public record Open(UUID id, String reference, String stateKey, Instant createdAt, Instant deadlineAt,
                       String email) {
    }

    private final DataCipher cipher;
    private final AuditLog auditLog;

    RequestsOfNumber(DataCipher cipher, AuditLog auditLog) {
        this.cipher = cipher;
        this.auditLog = auditLog;
    }

    /** In the caller's transaction, oldest first. */
    public List<Open> openOf(Session session, String phoneHash) {
        return byHash(session, phoneHash).stream().map(r -> new Open(r.id(), r.reference(), r.state().key(),
                r.createdAt(), r.deadlineAt(), r.emailSealed() == null ? null
                        : cipher.openText(r.emailSealed(), DestructionIntake.emailContext(r.id())))).toList();
    }

    /** Replaces the email of an open request of the number (PIPA Art. 36); false if it is not one. */
    public boolean correctEmail(Session session, String phoneHash, UUID requestId, String email) {
        DestructionRequest request = byHash(session, phoneHash).stream().filter(r -> r.id().equals(requestId))
                .findFirst().orElse(null);
        if (request == null) {
            return false;
        }
        DestructionRecords.locked(session, requestId).emailCorrected(
                cipher.sealText(email, DestructionIntake.emailContext(requestId)));
        auditLog.record(session, AuditEvent.publicVisitor("destruction.email-corrected")
                .target(DestructionRecords.TARGET, requestId));
        return true;
    }

    private static List<DestructionRequest> byHash(Session session, String phoneHash) {
        return session.createSelectionQuery("from DestructionRequest r where r.phoneHash = :hash"
                        + " and r.state not in (:done) order by r.createdAt, r.id", DestructionRequest.class)
                .setParameter("hash", phoneHash)
                .setParameter("done", List.of(RequestState.COMPLETED, RequestState.CANCELLED, RequestState.REFUSED))
                .getResultList();
    }
}
