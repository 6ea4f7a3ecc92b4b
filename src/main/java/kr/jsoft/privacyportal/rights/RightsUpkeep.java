package kr.jsoft.privacyportal.rights;

import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import kr.jsoft.privacyportal.audit.AuditEvent;
import kr.jsoft.privacyportal.audit.AuditLog;
import kr.jsoft.privacyportal.erasure.ErasureJournal;
import kr.jsoft.privacyportal.persistence.Database;
import kr.jsoft.privacyportal.persistence.Locks;
import org.hibernate.Session;

/**
 * Ends what the rights feature keeps once its purpose has ended: a decided or cancelled request's
 * personal data after the retention period, and a proof of number a day after its page closed
 * (or its proof ran out), since nothing reads it after that.
 */
final class RightsUpkeep {
    static final String ERASURE_KIND = "rights-request";
    /** A proof outlives its page by this much, so a visitor who comes back late is told it ended. */
    static final Duration PROOF_AFTERLIFE = Duration.ofDays(1);

    private final Database database;
    private final AuditLog auditLog;
    private final Clock clock;
    private final ErasureJournal erasureJournal;
    private final RightsSettings settings;

    RightsUpkeep(Database database, AuditLog auditLog, Clock clock, ErasureJournal erasureJournal,
                 RightsSettings settings) {
        this.database = database;
        this.auditLog = auditLog;
        this.clock = clock;
        this.erasureJournal = erasureJournal;
        this.settings = settings;
    }

    /**
     * Erases the personal data of requests decided (or, if cancelled, received) longer than the
     * retention ago; returns how many were erased.
     */
    int eraseExpired() {
        return database.fromTransaction(session -> {
            Instant now = clock.instant();
            // Another instance erasing at the same time holds its requests' locks: those are skipped here.
            List<RightsRequest> expired = Locks.skipLocked(session.createSelectionQuery(
                            "from RightsRequest r where r.erasedAt is null and ("
                                    + "(r.state = :decided and r.decidedAt <= :cutoff)"
                                    + " or (r.state = :cancelled and r.receivedAt <= :cutoff))", RightsRequest.class)
                    .setParameter("decided", RightsRequest.State.DECIDED)
                    .setParameter("cancelled", RightsRequest.State.CANCELLED)
                    .setParameter("cutoff", now.minus(settings.retention())).setMaxResults(500)).getResultList();
            // Journalled first (opaque ids), so a restored backup loses these requests' personal data again.
            erasureJournal.recordAll(session, ERASURE_KIND, expired.stream().map(r -> r.id().toString()).toList());
            for (RightsRequest r : expired) {
                r.erase(now);
                auditLog.record(session, AuditEvent.system("rights.erased").target(StaffRecorded.TARGET, r.id())
                        .detail("personal data erased after retention"));
            }
            return expired.size();
        });
    }

    /** The erasure journal's eraser: erases the request's personal data again (after a restore). */
    boolean eraseAgain(Session session, String id) {
        RightsRequest r = session.find(RightsRequest.class, UUID.fromString(id), LockModeType.PESSIMISTIC_WRITE);
        if (r == null || r.erasedAt() != null) {
            return false;
        }
        r.erase(clock.instant());
        auditLog.record(session, AuditEvent.system("rights.erased-again").target(StaffRecorded.TARGET, r.id())
                .detail("erased again from the erasure journal (restored backup)"));
        return true;
    }

    /** Deletes proofs of number whose page closed, or whose proof ran out, a day ago; returns how many. */
    int forgetEndedProofs() {
        return database.fromTransaction(session -> session.createMutationQuery(
                        "delete from RightsProof p where coalesce(p.pageExpiresAt, p.proofDueAt) < :cutoff")
                .setParameter("cutoff", clock.instant().minus(PROOF_AFTERLIFE)).executeUpdate());
    }
}
