package kr.jsoft.privacyportal.push;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How long a push service should keep an undelivered wake-up, and the collapse key (FCM
 * {@code collapse_key}) / topic (Web Push {@code Topic}) under which a newer wake-up replaces
 * an older undelivered one.
 *
 * @param ttl         0 .. 28 days (FCM's maximum, 2,419,200 s), whole seconds
 * @param collapseKey 1..32 characters of the base64url alphabet (RFC 8030 §5.4)
 */
public record WakeUp(Duration ttl, String collapseKey) {

    public static final Duration MAX_TTL = Duration.ofSeconds(2_419_200);
    private static final Pattern TOPIC = Pattern.compile("[A-Za-z0-9_-]{1,32}");

    public WakeUp {
        Objects.requireNonNull(ttl, "ttl");
        Objects.requireNonNull(collapseKey, "collapseKey");
        if (ttl.isNegative() || ttl.compareTo(MAX_TTL) > 0) {
            throw new IllegalArgumentException("ttl must be between 0 and 28 days");
        }
        if (!TOPIC.matcher(collapseKey).matches()) {
            throw new IllegalArgumentException("collapseKey must be 1..32 base64url characters");
        }
        ttl = Duration.ofSeconds(ttl.getSeconds());
    }

    /** The usual wake-up: collapse key / topic {@code sync}. */
    public static WakeUp sync(Duration ttl) {
        return new WakeUp(ttl, "sync");
    }
}
