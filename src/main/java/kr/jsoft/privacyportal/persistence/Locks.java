package kr.jsoft.privacyportal.persistence;

import jakarta.persistence.LockModeType;
import org.hibernate.query.SelectionQuery;

/** Row locks shared by every portal instance on one database. */
public final class Locks {
    /** JPA's lock timeout hint; -2 is Hibernate's "skip locked". */
    private static final String LOCK_TIMEOUT = "jakarta.persistence.lock.timeout";
    private static final int SKIP_LOCKED = -2;

    private Locks() {
    }

    /**
     * {@code FOR UPDATE SKIP LOCKED} (H2 and PostgreSQL): the rows come back locked, rows another
     * transaction holds are left out, and a row that another transaction changed meanwhile is
     * checked against the query's condition again. Background jobs take their rows this way, so
     * two instances working at once each take different rows and none takes a row twice.
     */
    public static <T> SelectionQuery<T> skipLocked(SelectionQuery<T> query) {
        return query.setLockMode(LockModeType.PESSIMISTIC_WRITE).setHint(LOCK_TIMEOUT, SKIP_LOCKED);
    }
}
