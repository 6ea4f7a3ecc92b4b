package kr.jsoft.privacyportal.device;

import java.time.Clock;
import java.time.Instant;
import kr.jsoft.privacyportal.persistence.Database;
import kr.jsoft.privacyportal.persistence.Inserts;

/**
 * {@link NonceStore} in the {@code device_nonce} table, shared by every portal instance. Each
 * call is its own transaction; the primary key decides races between two copies of one request.
 */
final class DatabaseNonceStore implements NonceStore {
    private final Database database;
    private final Clock clock;

    public DatabaseNonceStore(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    @Override
    public boolean firstUse(String kid, String jti, Instant expiresAt) {
        String key = kid + " " + jti;
        // The primary key decides: a copy of the same request on another instance finds the row.
        return database.fromTransaction(session -> Inserts.ifAbsent(session,
                "insert into device_nonce (nonce_key, expires_at) values (?, ?)", key, expiresAt));
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
