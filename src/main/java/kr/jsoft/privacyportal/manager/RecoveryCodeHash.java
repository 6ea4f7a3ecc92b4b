package kr.jsoft.privacyportal.manager;

import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Root;
import java.util.List;
import java.util.UUID;
import kr.jsoft.privacyportal.crypto.Digests;
import kr.jsoft.privacyportal.crypto.KeyedHash;
import kr.jsoft.privacyportal.persistence.Database;
import org.hibernate.query.criteria.HibernateCriteriaBuilder;

/**
 * How a recovery code is stored: HMAC-SHA-256 with the lookup key (outside the database) over the code's
 * SHA-256. A code carries about 50 bits, which a plain hash would give up to anyone holding a copy of the
 * database; the key makes that copy useless. Wrapping the SHA-256 (not the code) lets codes stored by an earlier
 * release, as their SHA-256 only, be wrapped once at start-up and keep working.
 */
final class RecoveryCodeHash {
    /** The keyed hash's purpose: no other hash of the lookup key ever matches a recovery code's. */
    static final String PURPOSE = "staff-recovery-code";
    private final KeyedHash keyedHash;

    RecoveryCodeHash(KeyedHash keyedHash) {
        this.keyedHash = keyedHash;
    }

    /** The stored form of a normalised code. */
    String of(String normalisedCode) {
        return wrap(Digests.sha256Hex(normalisedCode));
    }

    private String wrap(String sha256Hex) {
        return keyedHash.hash(PURPOSE, sha256Hex);
    }

    /**
     * Wraps every code still stored as a plain SHA-256 (written by an earlier release); returns how many. Each row
     * changes only while it is still unkeyed, so instances starting together never wrap one twice.
     */
    int wrapUnkeyed(Database database) {
        return database.fromTransaction(session -> {
            // Criteria, not an HQL string: this runs at every start, mostly finding nothing, and the first HQL
            // a process parses costs Hibernate's parser a warm-up start-up would wait for (see PolicyQueries).
            HibernateCriteriaBuilder cb = session.getCriteriaBuilder();
            CriteriaQuery<Object[]> query = cb.createQuery(Object[].class);
            Root<RecoveryCode> code = query.from(RecoveryCode.class);
            query.multiselect(code.get("id"), code.get("codeHash")).where(cb.isFalse(code.get("keyed")));
            List<Object[]> unkeyed = session.createSelectionQuery(query).getResultList();
            int wrapped = 0;
            for (Object[] row : unkeyed) {
                wrapped += session.createMutationQuery("update RecoveryCode c set c.codeHash = :wrapped, c.keyed = true"
                                + " where c.id = :id and c.keyed = false and c.codeHash = :old")
                        .setParameter("wrapped", wrap((String) row[1])).setParameter("id", (UUID) row[0])
                        .setParameter("old", row[1]).executeUpdate();
            }
            return wrapped;
        });
    }
}
