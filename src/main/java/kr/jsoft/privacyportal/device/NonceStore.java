package kr.jsoft.privacyportal.device;

import java.time.Instant;

/**
 * Remembers the {@code jti} of each accepted device request until it could no longer pass the
 * timestamp check, so that a captured request cannot be replayed. The portal backs it with a
 * database table with a unique (kid, jti) key; entries past {@code expiresAt} may be deleted.
 */
interface NonceStore {

    /**
     * Records {@code jti} for device {@code kid} atomically.
     *
     * @return {@code true} if it was not yet recorded (first use), {@code false} if it was (replay)
     */
    boolean firstUse(String kid, String jti, Instant expiresAt);
}
