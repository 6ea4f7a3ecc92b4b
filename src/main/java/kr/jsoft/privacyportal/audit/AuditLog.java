package kr.jsoft.privacyportal.audit;

import jakarta.persistence.LockModeType;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Root;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.hibernate.Session;
import org.hibernate.query.criteria.HibernateCriteriaBuilder;

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
        // Criteria, not an HQL string: this runs while the portal starts (the policy import), before any
        // HQL needs Hibernate's parser (its first parses are a costly warm-up; see PolicyQueries).
        HibernateCriteriaBuilder cb = session.getCriteriaBuilder();
        CriteriaQuery<AuditEntry> query = cb.createQuery(AuditEntry.class);
        Root<AuditEntry> entry = query.from(AuditEntry.class);
        query.where(cb.equal(entry.get("targetType"), targetType), cb.equal(entry.get("targetId"), targetId))
                .orderBy(cb.asc(entry.get("seq")));
        return session.createSelectionQuery(query).getResultList();
    }
}
