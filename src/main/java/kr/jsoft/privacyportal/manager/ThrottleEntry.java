package kr.jsoft.privacyportal.manager;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Failed sign-ins counted against one account key or one client address. */
@Entity
@Table(name = "sign_in_throttle")
class ThrottleEntry {
    @Id
    @Column(name = "throttle_key", length = 100)
    private String key;
    @Column(nullable = false)
    private int failures;
    @Column(name = "last_failure_at", nullable = false)
    private Instant lastFailureAt;
    @Column(name = "blocked_until")
    private Instant blockedUntil;
    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    protected ThrottleEntry() {
    }

    int failures() { return failures; }
    Instant blockedUntil() { return blockedUntil; }
    Instant expiresAt() { return expiresAt; }
    Instant lastFailureAt() { return lastFailureAt; }

    void failed(int failures, Instant now, Instant blockedUntil, Instant expiresAt) {
        this.failures = failures;
        this.lastFailureAt = now;
        this.blockedUntil = blockedUntil;
        this.expiresAt = expiresAt;
    }

    /** The counter's values, to be put back when a counted attempt turns out to be a right password. */
    record State(int failures, Instant lastFailureAt, Instant blockedUntil, Instant expiresAt) {
    }

    State state() {
        return new State(failures, lastFailureAt, blockedUntil, expiresAt);
    }

    void restore(State state) {
        failed(state.failures(), state.lastFailureAt(), state.blockedUntil(), state.expiresAt());
    }

    void takeBack(int failures) {
        this.failures = failures;
    }
}
