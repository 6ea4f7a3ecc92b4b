package kr.jsoft.privacyportal.device;

import java.time.Clock;
import java.time.Instant;
import kr.jsoft.privacyportal.persistence.Database;
import org.hibernate.exception.ConstraintViolationException;

/**
 * {@link NonceStore} in the {@code device_nonce} table, shared by every portal instance. Each
 * call is its own transaction; the primary key decides races between two copies of one request.
 */
public final class DatabaseNonceStore implements NonceStore {
    private final Database database;
    private final Clock clock;

    public DatabaseNonceStore(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    @Override
    public boolean firstUse(String kid, String jti, Instant expiresAt) {
        String key = kid + " " + jti;
        try {
            return database.fromTransaction(session -> {
                if (session.find(DeviceNonce.class, key) != null) {
                    return false;
                }
                session.persist(new DeviceNonce(key, expiresAt));
                session.flush();
                return true;
            });
        } catch (ConstraintViolationException concurrentCopy) {
            // Another copy of the same request inserted the nonce between our find and insert.
            return false;
        }
    }

    /** Deletes nonces whose signatures could no longer pass the timestamp check; run by a job. */
    public int purgeExpired() {
        Instant now = clock.instant();
        return database.fromTransaction(session -> session
                .createMutationQuery("delete from DeviceNonce n where n.expiresAt < :now")
                .setParameter("now", now)
                .executeUpdate());
    }
}
