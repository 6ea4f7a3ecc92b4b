package kr.jsoft.privacyportal.ratelimit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/** One counter: how many hits a keyed subject made in the current window. */
@Entity
@Table(name = "rate_limit_bucket")
class RateLimitBucket {
    @Id
    @Column(name = "bucket_key", length = 120)
    private String key;
    @Column(name = "window_start", nullable = false)
    private Instant windowStart;
    @Column(nullable = false)
    private int hits;
    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    protected RateLimitBucket() {
    }

    /** Counts one hit if the limit allows it; otherwise returns how long until the window ends. */
    Duration hit(Instant now, RateLimiter.Limit limit) {
        if (!now.isBefore(expiresAt)) {
            restart(now, limit.window());
            return Duration.ZERO;
        }
        if (hits >= limit.max()) {
            return Duration.between(now, expiresAt);
        }
        hits++;
        return Duration.ZERO;
    }

    private void restart(Instant now, Duration window) {
        this.windowStart = now;
        this.hits = 1;
        this.expiresAt = now.plus(window);
    }
}
