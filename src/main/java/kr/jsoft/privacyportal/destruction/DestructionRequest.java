package kr.jsoft.privacyportal.destruction;

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
 * One destruction request. Personal data only while needed: the number's keyed hash until the
 * devices are looked up, the sealed email until the certificate mail is queued. Background
 * workers claim SUBMITTED rows with a lease ({@code claimed_by}, {@code lease_until}).
 */
@Entity
@DynamicUpdate
@Table(name = "destruction_request")
class DestructionRequest {
    @Id
    private UUID id;
    @Column(nullable = false, length = 20)
    private String reference;
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 10)
    private Origin origin;
    @Column(nullable = false, length = 2)
    private String lang;
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 20)
    private RequestState state;
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(length = 20)
    private Outcome outcome;
    @Column(name = "phone_hash", length = 64)
    private String phoneHash;
    @Column(name = "approval_number", nullable = false, length = 2)
    private String approvalNumber;
    @Column(name = "status_token_hash", nullable = false, length = 64)
    private String statusTokenHash;
    @Column(name = "email_sealed", length = 1000)
    private String emailSealed;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "approval_due_at", nullable = false)
    private Instant approvalDueAt;
    @Column(name = "deadline_at", nullable = false)
    private Instant deadlineAt;
    @Column(name = "devices_looked_up_at")
    private Instant devicesLookedUpAt;
    @Column(name = "approved_at")
    private Instant approvedAt;
    @Column(name = "finished_at")
    private Instant finishedAt;
    @Column(name = "device_count", nullable = false)
    private int deviceCount;
    @Column(name = "wiped_count", nullable = false)
    private int wipedCount;
    @Column(length = 8000)
    private String certificate;
    @Column(name = "certificate_mail_id")
    private UUID certificateMailId;
    @Column(name = "email_erased_at")
    private Instant emailErasedAt;
    @Column(name = "promise_missed_at")
    private Instant promiseMissedAt;
    @Column(name = "code_hash", length = 64)
    private String codeHash;
    @Column(name = "code_expires_at")
    private Instant codeExpiresAt;
    @Column(name = "code_attempts", nullable = false)
    private int codeAttempts;
    @Column(name = "window_ends_at")
    private Instant windowEndsAt;
    @Column(name = "explanation_sealed", length = 12000)
    private String explanationSealed;
    @Column(name = "decision_sealed", length = 12000)
    private String decisionSealed;
    @Column(name = "decided_by", length = 60)
    private String decidedBy;
    @Column(name = "decided_at")
    private Instant decidedAt;
    @Column(name = "refusal_policy", length = 40)
    private String refusalPolicy;
    @Column(name = "interim_result_at")
    private Instant interimResultAt;
    @Column(name = "escalated_day7_at")
    private Instant escalatedDay7At;
    @Column(name = "escalated_day9_at")
    private Instant escalatedDay9At;
    @Column(name = "claimed_by", length = 36)
    private String claimedBy;
    @Column(name = "lease_until")
    private Instant leaseUntil;

    protected DestructionRequest() {
    }

    DestructionRequest(UUID id, String reference, Origin origin, String lang, String phoneHash, String approvalNumber,
                       String statusTokenHash, String emailSealed, Instant now, Instant approvalDueAt,
                       Instant deadlineAt) {
        this.id = id;
        this.reference = reference;
        this.origin = origin;
        this.lang = lang;
        this.state = RequestState.SUBMITTED;
        this.phoneHash = phoneHash;
        this.approvalNumber = approvalNumber;
        this.statusTokenHash = statusTokenHash;
        this.emailSealed = emailSealed;
        this.createdAt = now;
        this.approvalDueAt = approvalDueAt;
        this.deadlineAt = deadlineAt;
    }

    /** A request without the device starts proving the number ({@code PROVING}) or in review. */
    void startWithoutDevice(Origin origin, RequestState state) {
        this.origin = origin;
        this.state = state;
    }

    void codeSent(String codeHash, Instant expiresAt) {
        this.codeHash = codeHash;
        this.codeExpiresAt = expiresAt;
    }

    /** Counts a wrong code; true if no tries are left. */
    boolean wrongCode(int maxTries) {
        codeAttempts++;
        return codeAttempts >= maxTries;
    }

    /** The number is proven (or the manager executes): the devices are told and may cancel until {@code windowEnds}. */
    void waitingPeriod(Instant windowEnds) {
        this.state = RequestState.WAITING_PERIOD;
        this.windowEndsAt = windowEnds;
        this.codeHash = null;
        this.codeExpiresAt = null;
    }

    void explanation(String sealed) {
        this.explanationSealed = sealed;
    }

    void decided(String by, Instant at, String decisionSealed) {
        this.decidedBy = by;
        this.decidedAt = at;
        this.decisionSealed = decisionSealed;
    }

    void refused(Instant now, String policyLabel) {
        this.state = RequestState.REFUSED;
        this.outcome = Outcome.REFUSED;
        this.finishedAt = now;
        this.refusalPolicy = policyLabel;
        this.phoneHash = null;
        this.explanationSealed = null;
    }

    /** The devices are known (and their prompts queued): the number's hash is no longer needed. */
    void devicesLookedUp(Instant now, int devices) {
        this.devicesLookedUpAt = now;
        this.deviceCount = devices;
        this.phoneHash = null;
        this.claimedBy = null;
        this.leaseUntil = null;
        if (state == RequestState.SUBMITTED) {
            state = RequestState.AWAITING_APPROVAL;
        }
    }

    void approved(Instant now) {
        state = RequestState.DESTROYING;
        approvedAt = now;
    }

    void cancelled(Instant now) {
        state = RequestState.CANCELLED;
        outcome = Outcome.CANCELLED;
        finishedAt = now;
        phoneHash = null;
        codeHash = null;
        explanationSealed = null;
    }

    void completed(Instant now, Outcome outcome, int wiped, String certificate) {
        this.state = RequestState.COMPLETED;
        this.outcome = outcome;
        this.finishedAt = now;
        this.wipedCount = wiped;
        this.certificate = certificate;
    }

    /** The requester corrected the address the certificate goes to (PIPA Art. 36). */
    void emailCorrected(String sealed) {
        this.emailSealed = sealed;
    }

    void emailErased(Instant now, UUID mailId) {
        this.emailSealed = null;
        this.emailErasedAt = now;
        if (mailId != null) {
            this.certificateMailId = mailId;
        }
    }

    void certificateMailErased() {
        this.certificateMailId = null;
    }

    void promiseMissed(Instant now) {
        this.promiseMissedAt = now;
    }

    /** The day-10 result was sent (mailed if an email is held; the status page shows it either way). */
    void interimResultSent(Instant now) {
        this.interimResultAt = now;
    }

    /** The review was escalated to the privacy manager: {@code day} 7 or 9. */
    void escalated(int day, Instant now) {
        if (day == 7) {
            this.escalatedDay7At = now;
        } else {
            this.escalatedDay9At = now;
        }
    }

    UUID id() { return id; }
    String reference() { return reference; }
    Origin origin() { return origin; }
    String lang() { return lang; }
    RequestState state() { return state; }
    Outcome outcome() { return outcome; }
    String phoneHash() { return phoneHash; }
    String approvalNumber() { return approvalNumber; }
    String emailSealed() { return emailSealed; }
    Instant createdAt() { return createdAt; }
    Instant approvalDueAt() { return approvalDueAt; }
    Instant deadlineAt() { return deadlineAt; }
    Instant devicesLookedUpAt() { return devicesLookedUpAt; }
    Instant approvedAt() { return approvedAt; }
    Instant finishedAt() { return finishedAt; }
    int deviceCount() { return deviceCount; }
    int wipedCount() { return wipedCount; }
    String certificate() { return certificate; }
    UUID certificateMailId() { return certificateMailId; }
    Instant emailErasedAt() { return emailErasedAt; }
    Instant promiseMissedAt() { return promiseMissedAt; }
    String codeHash() { return codeHash; }
    Instant codeExpiresAt() { return codeExpiresAt; }
    int codeAttempts() { return codeAttempts; }
    Instant windowEndsAt() { return windowEndsAt; }
    String explanationSealed() { return explanationSealed; }
    String decisionSealed() { return decisionSealed; }
    String decidedBy() { return decidedBy; }
    Instant decidedAt() { return decidedAt; }
    String refusalPolicy() { return refusalPolicy; }
    Instant interimResultAt() { return interimResultAt; }
    Instant escalatedDay7At() { return escalatedDay7At; }
    Instant escalatedDay9At() { return escalatedDay9At; }
}
