package kr.jsoft.privacyportal.manager;

import kr.jsoft.privacyportal.crypto.Digests;
import jakarta.persistence.LockModeType;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import kr.jsoft.privacyportal.persistence.Inserts;
import org.hibernate.Session;

/**
 * Exponential slow-down of failed sign-ins, per account and per client address, kept in
 * the database (so it holds across restarts and nodes) with an expiry. The account key is
 * a hash of the email as typed, whether or not such an account exists, so the answer never
 * tells which emails have accounts. Delays grow instead of locking: an attacker can keep
 * the privacy manager waiting at most {@link #ACCOUNT}'s cap between tries, never lock them out.
 */
final class SignInThrottle {
    /** Thresholds and caps; README lists the same numbers. */
    record Rule(String prefix, int freeFailures, Duration maxDelay) {
        /** No delay for the first free failures, then 1 s, 2 s, 4 s … up to the cap. */
        Duration delayAfter(int failures) {
            if (failures <= freeFailures) {
                return Duration.ZERO;
            }
            int doublings = Math.min(failures - freeFailures - 1, 30);
            Duration delay = Duration.ofSeconds(1L << doublings);
            return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
        }
    }

    static final Rule ACCOUNT = new Rule("account:", 5, Duration.ofMinutes(15));
    static final Rule ADDRESS = new Rule("address:", 20, Duration.ofHours(1));
    /** Failures are forgotten this long after the last one. */
    static final Duration FORGET_AFTER = Duration.ofHours(24);

    private SignInThrottle() {
    }

    static String accountKey(String email) {
        return ACCOUNT.prefix() + Digests.sha256Hex(email.trim().toLowerCase(Locale.ROOT));
    }

    static String addressKey(String address) {
        String bounded = address.length() > 64 ? address.substring(0, 64) : address;
        return ADDRESS.prefix() + bounded;
    }

    /** How long the caller must still wait before another try under any of these keys. */
    static Optional<Duration> wait(Session session, Instant now, String... keys) {
        Duration longest = Duration.ZERO;
        for (String key : keys) {
            ThrottleEntry entry = session.find(ThrottleEntry.class, key);
            if (entry != null && entry.expiresAt().isAfter(now) && entry.blockedUntil() != null
                    && entry.blockedUntil().isAfter(now)) {
                Duration left = Duration.between(now, entry.blockedUntil());
                longest = left.compareTo(longest) > 0 ? left : longest;
            }
        }
        return longest.isZero() ? Optional.empty() : Optional.of(longest);
    }

    static void failed(Session session, Instant now, String key, Rule rule) {
        ThrottleEntry entry = session.find(ThrottleEntry.class, key, LockModeType.PESSIMISTIC_WRITE);
        if (entry == null) {
            // The first failure creates the row; a failure racing in on another instance finds it and counts on.
            Duration delay = rule.delayAfter(1);
            if (Inserts.ifAbsent(session, "insert into sign_in_throttle (throttle_key, failures, last_failure_at,"
                    + " blocked_until, expires_at) values (?, 1, ?, ?, ?)", key, now,
                    delay.isZero() ? null : now.plus(delay), now.plus(FORGET_AFTER))) {
                return;
            }
            entry = session.find(ThrottleEntry.class, key, LockModeType.PESSIMISTIC_WRITE);
        }
        int failures = !entry.expiresAt().isAfter(now) ? 1 : entry.failures() + 1;
        Duration delay = rule.delayAfter(failures);
        entry.failed(failures, now, delay.isZero() ? null : now.plus(delay), now.plus(FORGET_AFTER));
    }

    /** A successful sign-in forgets the account's failures (not the address's: an attacker could reset those). */
    static void succeeded(Session session, String accountKey) {
        ThrottleEntry entry = session.find(ThrottleEntry.class, accountKey);
        if (entry != null) {
            session.remove(entry);
        }
    }

    /** Housekeeping: failures past their expiry are dropped. */
    static int forgetExpired(Session session, Instant now) {
        return session.createMutationQuery("delete from ThrottleEntry t where t.expiresAt <= :now")
                .setParameter("now", now).executeUpdate();
    }
}
