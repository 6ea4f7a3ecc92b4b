package kr.jsoft.privacyportal.push;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What happened to one wake-up.
 *
 * @param kind       what the caller should do next
 * @param retryAfter for {@link Kind#RETRY}: the push service's {@code Retry-After}, if it sent one
 * @param detail     a short technical reason for logs and alerts; never personal data or tokens
 */
public record PushOutcome(Kind kind, Optional<Duration> retryAfter, String detail) {

    public enum Kind {
        /** The push service accepted the wake-up. */
        DELIVERED,
        /** Temporary failure: try again later (see {@link Backoff}). */
        RETRY,
        /** The token or endpoint is gone for good: drop it. */
        DEAD_ADDRESS,
        /** Our credentials or settings are rejected: alert the manager, keep the address. */
        CONFIG_ERROR,
        /** We sent a malformed request: alert the manager, keep the address. */
        BUG
    }

    public PushOutcome {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(retryAfter, "retryAfter");
        Objects.requireNonNull(detail, "detail");
        if (retryAfter.isPresent() && kind != Kind.RETRY) {
            throw new IllegalArgumentException("retryAfter only belongs to RETRY");
        }
    }

    public static PushOutcome delivered() {
        return new PushOutcome(Kind.DELIVERED, Optional.empty(), "delivered");
    }

    public static PushOutcome retry(Optional<Duration> retryAfter, String detail) {
        return new PushOutcome(Kind.RETRY, retryAfter, detail);
    }

    public static PushOutcome retry(String detail) {
        return retry(Optional.empty(), detail);
    }

    public static PushOutcome deadAddress(String detail) {
        return new PushOutcome(Kind.DEAD_ADDRESS, Optional.empty(), detail);
    }

    public static PushOutcome configError(String detail) {
        return new PushOutcome(Kind.CONFIG_ERROR, Optional.empty(), detail);
    }

    public static PushOutcome bug(String detail) {
        return new PushOutcome(Kind.BUG, Optional.empty(), detail);
    }
}
