package kr.jsoft.privacyportal.manager;

import kr.jsoft.privacyportal.staff.Role;
import kr.jsoft.privacyportal.staff.StaffMember;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A staff account; its email and name are staff data and never enter the audit log. */
@Entity
@Table(name = "staff_account")
class StaffAccount {
    @Id
    private UUID id;
    @Column(nullable = false, length = 254)
    private String email;
    @Column(name = "display_name", nullable = false, length = 100)
    private String displayName;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Role role;
    @Column(name = "password_hash", length = 200)
    private String passwordHash;
    @Column(name = "totp_secret", length = 200)
    private String totpSecret;
    @Column(name = "totp_last_step", nullable = false)
    private long totpLastStep;
    @Column(nullable = false)
    private boolean disabled;
    @Column(name = "sessions_valid_from", nullable = false)
    private Instant sessionsValidFrom;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected StaffAccount() {
    }

    StaffAccount(UUID id, String email, String displayName, Role role, Instant now) {
        this.id = id;
        this.email = email;
        this.displayName = displayName;
        this.role = role;
        this.sessionsValidFrom = now;
        this.createdAt = now;
    }

    UUID id() { return id; }
    String email() { return email; }
    String displayName() { return displayName; }
    Role role() { return role; }
    String passwordHash() { return passwordHash; }
    String totpSecret() { return totpSecret; }
    long totpLastStep() { return totpLastStep; }
    boolean disabled() { return disabled; }
    Instant sessionsValidFrom() { return sessionsValidFrom; }
    Instant createdAt() { return createdAt; }

    /** Set up: a password and a confirmed second factor. Only then can the account sign in. */
    boolean ready() {
        return passwordHash != null && totpSecret != null;
    }

    boolean canSignIn() {
        return ready() && !disabled;
    }

    StaffMember member() {
        return new StaffMember(id, displayName, role);
    }

    void credentials(String passwordHash, String encryptedTotpSecret, long acceptedStep) {
        this.passwordHash = passwordHash;
        this.totpSecret = encryptedTotpSecret;
        this.totpLastStep = acceptedStep;
    }

    /** Forgets the credentials and ends every session (reset). */
    void clearCredentials(Instant now) {
        this.passwordHash = null;
        this.totpSecret = null;
        this.totpLastStep = 0;
        this.sessionsValidFrom = now;
    }

    void acceptStep(long step) {
        this.totpLastStep = step;
    }

    void role(Role role) {
        this.role = role;
    }

    void disabled(boolean disabled, Instant now) {
        this.disabled = disabled;
        if (disabled) {
            this.sessionsValidFrom = now;
        }
    }

    void displayName(String name) {
        this.displayName = name;
    }
}
