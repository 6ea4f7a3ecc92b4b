package kr.jsoft.privacyportal.command;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One wake-up sent (or not: no address) for a command: when, the outcome and the next attempt.
 * The record of wake-ups, instead of an audit entry per push.
 */
@Entity
@Table(name = "device_wake_up")
class WakeUpAttempt {
    @Id
    private UUID id;
    @Column(name = "command_id", nullable = false)
    private UUID commandId;
    @Column(name = "device_id", nullable = false)
    private UUID deviceId;
    @Column(name = "attempted_at", nullable = false)
    private Instant attemptedAt;
    @Column(nullable = false, length = 20)
    private String outcome;
    @Column(nullable = false, length = 200)
    private String detail;
    @Column(name = "next_attempt_at")
    private Instant nextAttemptAt;

    protected WakeUpAttempt() {
    }

    WakeUpAttempt(UUID id, UUID commandId, UUID deviceId, Instant attemptedAt, String outcome, String detail,
                  Instant nextAttemptAt) {
        this.id = id;
        this.commandId = commandId;
        this.deviceId = deviceId;
        this.attemptedAt = attemptedAt;
        this.outcome = outcome;
        this.detail = detail.length() > 200 ? detail.substring(0, 200) : detail;
        this.nextAttemptAt = nextAttemptAt;
    }

    UUID commandId() { return commandId; }
    Instant attemptedAt() { return attemptedAt; }
    String outcome() { return outcome; }
    String detail() { return detail; }
    Instant nextAttemptAt() { return nextAttemptAt; }
}
