package kr.jsoft.privacyportal.ratelimit;

import jakarta.persistence.LockModeType;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import kr.jsoft.privacyportal.persistence.Database;
import kr.jsoft.privacyportal.persistence.Inserts;

/**
 * Fixed-window rate limits kept in the database, so they hold across restarts and across
 * several portal instances. Subjects (client addresses, emails, phone numbers) are stored
 * only as a keyed hash: the counters are not a second copy of personal data.
 * Each call runs in its own transaction, so an attempt counts even when the caller's
 * transaction later rolls back.
 */
public final class RateLimiter {
    public static final List<Class<?>> ENTITIES = List.of(RateLimitBucket.class);

    /** At most {@code max} hits per {@code window}. */
    public record Limit(int max, Duration window) {
        public Limit {
            if (max < 1 || window.isNegative() || window.isZero()) {
                throw new IllegalArgumentException("a limit needs max >= 1 and a positive window");
            }
        }

        public static Limit perMinute(int max) {
            return new Limit(max, Duration.ofMinutes(1));
        }

        public static Limit perHour(int max) {
            return new Limit(max, Duration.ofHours(1));
        }

        public static Limit perDay(int max) {
            return new Limit(max, Duration.ofDays(1));
        }
    }

    /** Allowed, or refused until {@code retryAfter} has passed. */
    public record Decision(boolean allowed, Duration retryAfter) {
        static final Decision ALLOWED = new Decision(true, Duration.ZERO);
    }

    private final Database database;
    private final Clock clock;
    private final SecretKey subjectKey;

    public RateLimiter(Database database, Clock clock, SecretKey subjectKey) {
        this.database = database;
        this.clock = clock;
        this.subjectKey = subjectKey;
    }

    /**
     * Counts one hit for {@code subject} under {@code scope} (e.g. scope "complaint.ip",
     * subject the client address) and says whether it is within {@code limit}.
     */
    public Decision acquire(String scope, String subject, Limit limit) {
        String key = scope + ":" + keyedHash(subject == null ? "" : subject);
        return database.fromTransaction(session -> {
            Instant now = clock.instant();
            RateLimitBucket bucket = session.find(RateLimitBucket.class, key, LockModeType.PESSIMISTIC_WRITE);
            if (bucket == null) {
                // The first hit creates the bucket. When two instances (or threads) race for it, the
                // loser's insert finds the winner's row, which it then locks and counts like any other.
                if (Inserts.ifAbsent(session, "insert into rate_limit_bucket (bucket_key, window_start, hits, expires_at)"
                        + " values (?, ?, 1, ?)", key, now, now.plus(limit.window()))) {
                    return Decision.ALLOWED;
                }
                bucket = session.find(RateLimitBucket.class, key, LockModeType.PESSIMISTIC_WRITE);
            }
            Duration wait = bucket.hit(now, limit);
            return wait.isZero() ? Decision.ALLOWED : new Decision(false, wait);
        });
    }

    /** Deletes counters whose window has ended; run by a background job. */
    public int purgeExpired() {
        return database.fromTransaction(session -> session
                .createMutationQuery("delete from RateLimitBucket b where b.expiresAt <= :now")
                .setParameter("now", clock.instant())
                .executeUpdate());
    }

    private String keyedHash(String subject) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(subjectKey);
            byte[] digest = mac.doFinal(subject.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 32);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
