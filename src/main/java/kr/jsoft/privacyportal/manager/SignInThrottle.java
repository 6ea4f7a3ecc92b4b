package kr.jsoft.privacyportal.manager;

import kr.jsoft.privacyportal.crypto.Digests;
import jakarta.persistence.LockModeType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import kr.jsoft.privacyportal.persistence.Inserts;
import kr.jsoft.privacyportal.ratelimit.PerNetwork;
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

    /** Per IPv6 /64 (one subscriber's network), per IPv4 address: see {@link PerNetwork}. */
    static String addressKey(String address) {
        String network = PerNetwork.of(address);
        String bounded = network.length() > 64 ? network.substring(0, 64) : network;
        return ADDRESS.prefix() + bounded;
    }

    /** One attempt counted under a key: the row as it was before and the count given, so it can be taken back. */
    record Counted(String key, int failures, Instant countedAt, ThrottleEntry.State before) {
    }

    /** Either how long to wait (nothing counted) or the attempt as counted under each key. */
    record Attempt(Optional<Duration> waitFor, List<Counted> counted) {
    }

    /**
     * Counts one attempt under both keys before the password is evaluated, unless either key must
     * still wait. Both rows stay locked until the transaction commits, so attempts running in
     * parallel see each other's counts exactly as sequential ones do; the slow password hash then
     * runs outside the transaction, holding neither a lock nor a connection. A right password takes
     * its count back ({@link #takeBack}).
     */
    static Attempt countAttempt(Session session, Instant now, String accountKey, String addressKey) {
        // Always account before address, as in failed(), so two transactions never wait for each other in a circle.
        ThrottleEntry account = locked(session, now, accountKey);
        ThrottleEntry address = locked(session, now, addressKey);
        Optional<Duration> wait = longestWait(now, account, address);
        if (wait.isPresent()) {
            return new Attempt(wait, List.of());
        }
        return new Attempt(wait, List.of(count(accountKey, account, now, ACCOUNT), count(addressKey, address, now, ADDRESS)));
    }

    /**
     * Undoes one {@link #countAttempt} once the password proved right: the row is put back as it was,
     * unless another attempt was counted since, in which case only the count goes down (its delay stays).
     */
    static void takeBack(Session session, Counted counted) {
        ThrottleEntry entry = session.find(ThrottleEntry.class, counted.key(), LockModeType.PESSIMISTIC_WRITE);
        if (entry == null) {
            return;
        }
        // The database keeps microseconds at most (PostgreSQL rounds): "the same instant" is within a millisecond.
        boolean untouched = entry.failures() == counted.failures()
                && Duration.between(counted.countedAt(), entry.lastFailureAt()).abs().toMillis() < 1;
        if (untouched) {
            entry.restore(counted.before());
        } else if (entry.failures() > 0) {
            entry.takeBack(entry.failures() - 1);
        }
    }

    private static ThrottleEntry locked(Session session, Instant now, String key) {
        ThrottleEntry entry = session.find(ThrottleEntry.class, key, LockModeType.PESSIMISTIC_WRITE);
        if (entry != null) {
            return entry;
        }
        // A row with no failures yet, created only to be locked; a racing attempt finds it and waits for the lock.
        Inserts.ifAbsent(session, "insert into sign_in_throttle (throttle_key, failures, last_failure_at, blocked_until,"
                + " expires_at) values (?, 0, ?, null, ?)", key, now, now.plus(FORGET_AFTER));
        return session.find(ThrottleEntry.class, key, LockModeType.PESSIMISTIC_WRITE);
    }

    private static Counted count(String key, ThrottleEntry entry, Instant now, Rule rule) {
        ThrottleEntry.State before = entry.state();
        int failures = !entry.expiresAt().isAfter(now) ? 1 : entry.failures() + 1;
        Duration delay = rule.delayAfter(failures);
        entry.failed(failures, now, delay.isZero() ? null : now.plus(delay), now.plus(FORGET_AFTER));
        return new Counted(key, failures, now, before);
    }

    private static Optional<Duration> longestWait(Instant now, ThrottleEntry... entries) {
        Duration longest = Duration.ZERO;
        for (ThrottleEntry entry : entries) {
            if (entry.expiresAt().isAfter(now) && entry.blockedUntil() != null && entry.blockedUntil().isAfter(now)) {
                Duration left = Duration.between(now, entry.blockedUntil());
                longest = left.compareTo(longest) > 0 ? left : longest;
            }
        }
        return longest.isZero() ? Optional.empty() : Optional.of(longest);
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
