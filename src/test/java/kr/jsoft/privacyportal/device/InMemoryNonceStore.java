package kr.jsoft.privacyportal.device;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** A {@link NonceStore} for tests: remembers nonces in memory and forgets the expired ones. */
final class InMemoryNonceStore implements NonceStore {

    private final Clock clock;
    private final Map<String, Instant> seen = new HashMap<>();

    InMemoryNonceStore(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized boolean firstUse(String kid, String jti, Instant expiresAt) {
        Instant now = clock.instant();
        seen.values().removeIf(expiry -> expiry.isBefore(now));
        return seen.putIfAbsent(kid + "\u0000" + jti, expiresAt) == null;
    }

    synchronized int size() {
        return seen.size();
    }
}
