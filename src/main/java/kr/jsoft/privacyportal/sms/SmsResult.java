package kr.jsoft.privacyportal.sms;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of {@link SmsGateway#send}. Carries no phone number and no message text, so results
 * may be logged as they are.
 */
public sealed interface SmsResult
        permits SmsResult.Accepted, SmsResult.Retry, SmsResult.Rejected, SmsResult.ConfigError {

    /** The kind of outcome, for callers that prefer a switch. */
    enum Kind { ACCEPTED, RETRY, REJECTED, CONFIG_ERROR }

    Kind kind();

    /** The provider took the message; {@code requestId} is its reference for the request. */
    record Accepted(String requestId) implements SmsResult {
        public Accepted {
            Objects.requireNonNull(requestId, "requestId");
        }

        @Override
        public Kind kind() {
            return Kind.ACCEPTED;
        }
    }

    /**
     * Try again later: the provider was busy (429), failed (5xx) or could not be reached
     * ({@code httpStatus} 0). {@code retryAfter} is the provider's Retry-After when it sent one.
     */
    record Retry(int httpStatus, Optional<Duration> retryAfter) implements SmsResult {
        public Retry {
            Objects.requireNonNull(retryAfter, "retryAfter");
        }

        @Override
        public Kind kind() {
            return Kind.RETRY;
        }
    }

    /**
     * The request can never succeed as it is: not a Korean mobile number, text too long, or the
     * provider answered 400/404 ({@code httpStatus} 0 when refused before contacting it).
     * {@code reason} is a fixed, safe description.
     */
    record Rejected(int httpStatus, String reason) implements SmsResult {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public Kind kind() {
            return Kind.REJECTED;
        }
    }

    /** The provider refused our credentials (401/403): keys, service id, clock or sender number. */
    record ConfigError(int httpStatus) implements SmsResult {
        @Override
        public Kind kind() {
            return Kind.CONFIG_ERROR;
        }
    }
}
