package kr.jsoft.privacyportal.web;

import java.time.Duration;

/** A rate limit refused the request: the 429 page (or problem body) says when to try again. */
public final class TooManyRequestsException extends BadRequestException {
    private final Duration retryAfter;

    public TooManyRequestsException(Duration retryAfter, String message) {
        super(429, message);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    /** Whole seconds, rounded up, as the Retry-After header wants them. */
    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
