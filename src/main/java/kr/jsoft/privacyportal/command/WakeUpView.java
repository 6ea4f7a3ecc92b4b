package kr.jsoft.privacyportal.command;

import java.time.Instant;
import java.util.Optional;

/** One wake-up attempt for the dashboard: when, the outcome ({@code DELIVERED}, {@code RETRY}, …), and the next try. */
public record WakeUpView(Instant attemptedAt, String outcome, String detail, Optional<Instant> nextAttemptAt) {
}
