package kr.jsoft.privacyportal.command;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One command for one device, with its signed form, its state and times, and its wake-up schedule
 * ({@code next_wake_at}). Background workers claim due rows with a lease ({@code claimed_by},
 * {@code lease_until}), so several portal instances share the work and a crash only delays it.
 */
@Entity
@DynamicUpdate
@Table(name = "device_command")
class DeviceCommand {
    static final String ERASED = "erased";
    @Id
    private UUID id;
    @Column(name = "device_id", nullable = false)
    private UUID deviceId;
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 20)
    private CommandKind kind;
    @Column(length = 100)
    private String reference;
    @Column(nullable = false, length = 43)
    private String nonce;
    @Column(name = "signed_command", nullable = false, length = 4000)
    private String signedCommand;
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 10)
    private CommandState state;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;
    @Column(name = "woken_at")
    private Instant wokenAt;
    @Column(name = "fetched_at")
    private Instant fetchedAt;
    @Column(name = "started_at")
    private Instant startedAt;
    @Column(name = "finished_at")
    private Instant finishedAt;
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(length = 10)
    private Answer answer;
    @Column(length = 1000)
    private String result;
    @Column(length = 200)
    private String failure;
    @Column(name = "wake_slot", nullable = false)
    private int wakeSlot;
    @Column(name = "push_retries", nullable = false)
    private int pushRetries;
    @Column(name = "wake_ups", nullable = false)
    private int wakeUps;
    @Column(name = "next_wake_at")
    private Instant nextWakeAt;
    @Column(name = "last_push_outcome", length = 20)
    private String lastPushOutcome;
    @Column(name = "last_push_at")
    private Instant lastPushAt;
    @Column(name = "claimed_by", length = 36)
    private String claimedBy;
    @Column(name = "lease_until")
    private Instant leaseUntil;

    protected DeviceCommand() {
    }

    DeviceCommand(UUID id, UUID deviceId, CommandKind kind, String reference, String nonce, String signedCommand,
                  Instant createdAt, Instant expiresAt) {
        this.id = id;
        this.deviceId = deviceId;
        this.kind = kind;
        this.reference = reference;
        this.nonce = nonce;
        this.signedCommand = signedCommand;
        this.state = CommandState.QUEUED;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
        this.nextWakeAt = createdAt;
    }

    /** A push service accepted a wake-up. */
    void woken(Instant now) {
        if (state == CommandState.QUEUED) {
            state = CommandState.WOKEN;
        }
        if (wokenAt == null) {
            wokenAt = now;
        }
    }

    /** The device took the command; true if this is the first time. */
    boolean fetched(Instant now) {
        if (state == CommandState.QUEUED || state == CommandState.WOKEN) {
            state = CommandState.FETCHED;
            fetchedAt = now;
            return true;
        }
        return false;
    }

    /** True if the state moved (a late STARTED after COMPLETED changes nothing). */
    boolean started(Instant now) {
        if (state.isFinal() || state == CommandState.STARTED) {
            return false;
        }
        state = CommandState.STARTED;
        startedAt = now;
        return true;
    }

    void completed(Instant now, String resultJson, Answer answer) {
        state = CommandState.COMPLETED;
        finish(now);
        this.result = resultJson;
        this.answer = answer;
    }

    void failed(Instant now, String reason) {
        state = CommandState.FAILED;
        finish(now);
        this.failure = reason;
    }

    void expired(Instant now) {
        state = CommandState.EXPIRED;
        finish(now);
    }

    private void finish(Instant now) {
        finishedAt = now;
        nextWakeAt = null;
        claimedBy = null;
        leaseUntil = null;
    }

    /** Records one push attempt's outcome and when to try next ({@code null}: not before a new slot). */
    void pushed(Instant now, String outcome, Instant next, boolean newSlot, boolean retry) {
        lastPushOutcome = outcome;
        lastPushAt = now;
        wakeUps++;
        if (retry) {
            pushRetries++;
        } else {
            pushRetries = 0;
        }
        if (newSlot) {
            wakeSlot++;
        }
        nextWakeAt = state.isFinal() ? null : next;
        claimedBy = null;
        leaseUntil = null;
    }

    /** The device was destroyed: its signed payload goes (state, times and nonce stay for the record). */
    boolean erasePayload() {
        if (ERASED.equals(signedCommand)) {
            return false;
        }
        signedCommand = ERASED;
        return true;
    }

    /** The manager asked to wake the device again now. */
    void wakeNow(Instant now) {
        nextWakeAt = now;
        pushRetries = 0;
        claimedBy = null;
        leaseUntil = null;
    }

    UUID id() { return id; }
    UUID deviceId() { return deviceId; }
    CommandKind kind() { return kind; }
    String reference() { return reference; }
    String nonce() { return nonce; }
    String signedCommand() { return signedCommand; }
    CommandState state() { return state; }
    Instant createdAt() { return createdAt; }
    Instant expiresAt() { return expiresAt; }
    Instant wokenAt() { return wokenAt; }
    Instant fetchedAt() { return fetchedAt; }
    Instant startedAt() { return startedAt; }
    Instant finishedAt() { return finishedAt; }
    Answer answer() { return answer; }
    String result() { return result; }
    String failure() { return failure; }
    int wakeSlot() { return wakeSlot; }
    int pushRetries() { return pushRetries; }
    int wakeUps() { return wakeUps; }
    Instant nextWakeAt() { return nextWakeAt; }
    String lastPushOutcome() { return lastPushOutcome; }
    Instant lastPushAt() { return lastPushAt; }
    String claimedBy() { return claimedBy; }
}
