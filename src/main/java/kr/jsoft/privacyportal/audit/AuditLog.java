package kr.jsoft.privacyportal.audit;

import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.hibernate.Session;

/**
 * Appends entries to the hash-chained audit log inside the caller's transaction, so an
 * entry exists exactly when the action it records was committed. There is deliberately no
 * update or delete.
 */
public final class AuditLog {
    /** The entities of the audit feature, for the composition root. */
    public static final java.util.List<Class<?>> ENTITIES = java.util.List.of(AuditEntry.class, AuditChainHead.class);

    private final Clock clock;

    public AuditLog(Clock clock) {
        this.clock = clock;
    }

    public AuditEntry record(Session session, AuditEvent event) {
        AuditChainHead head = session.find(AuditChainHead.class, 1, LockModeType.PESSIMISTIC_WRITE);
        // Millisecond precision survives every database's timestamp type, so the hash stays verifiable.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        AuditEntry entry = new AuditEntry(head.lastSeq() + 1, now, event, head.lastHash());
        session.persist(entry);
        head.advance(entry);
        return entry;
    }

    /** The entries about one record (by target type and opaque id), oldest first: the record's history. */
    public java.util.List<AuditEntry> entriesAbout(Session session, String targetType, String targetId) {
        return session.createSelectionQuery(
                        "from AuditEntry e where e.targetType = :type and e.targetId = :id order by e.seq", AuditEntry.class)
                .setParameter("type", targetType)
                .setParameter("id", targetId)
                .getResultList();
    }
}
