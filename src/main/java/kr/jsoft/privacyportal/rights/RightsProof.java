package kr.jsoft.privacyportal.rights;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A person proving their number for their own rights page: by approval on a registered device
 * (the number to compare) or by an SMS code. Proven, the page lives {@link #PAGE_LIFETIME}; the
 * number is only ever held as keyed hashes (the registry's, and the complaints' own).
 */
@Entity
@DynamicUpdate
@Table(name = "rights_proof")
class RightsProof {
    /** How long the page of one's own data stays open after the proof. */
    static final Duration PAGE_LIFETIME = Duration.ofMinutes(30);

    enum Way { DEVICE, SMS }

    enum State {
        AWAITING_APPROVAL, PROVING, PROVEN, CANCELLED;

        boolean waiting() {
            return this == AWAITING_APPROVAL || this == PROVING;
        }
    }

    @Id
    private UUID id;
    @Column(nullable = false, length = 2)
    private String lang;
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 10)
    private Way way;
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 20)
    private State state;
    @Column(name = "phone_hash", length = 64)
    private String phoneHash;
    @Column(name = "complaint_phone_hash", length = 64)
    private String complaintPhoneHash;
    @Column(name = "approval_number", nullable = false, length = 6)
    private String approvalNumber;
    @Column(name = "token_hash", nullable = false, length = 64)
    private String tokenHash;
    @Column(name = "code_hash", length = 128)
    private String codeHash;
    @Column(name = "code_attempts", nullable = false)
    private int codeAttempts;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "proof_due_at", nullable = false)
    private Instant proofDueAt;
    @Column(name = "proven_at")
    private Instant provenAt;
    @Column(name = "page_expires_at")
    private Instant pageExpiresAt;
    @Column(name = "prompted_at")
    private Instant promptedAt;

    protected RightsProof() {
    }

    RightsProof(UUID id, String lang, Way way, String phoneHash, String complaintPhoneHash, String approvalNumber,
                String tokenHash, String codeHash, Instant createdAt, Instant proofDueAt) {
        this.id = id;
        this.lang = lang;
        this.way = way;
        this.state = way == Way.DEVICE ? State.AWAITING_APPROVAL : State.PROVING;
        this.phoneHash = phoneHash;
        this.complaintPhoneHash = complaintPhoneHash;
        this.approvalNumber = approvalNumber;
        this.tokenHash = tokenHash;
        this.codeHash = codeHash;
        this.createdAt = createdAt;
        this.proofDueAt = proofDueAt;
    }

    void proven(Instant now) {
        state = State.PROVEN;
        provenAt = now;
        pageExpiresAt = now.plus(PAGE_LIFETIME);
        codeHash = null;
    }

    /** Not proven (refused, wrong too often, too late): the hashes go at once. */
    void cancelled() {
        state = State.CANCELLED;
        phoneHash = null;
        complaintPhoneHash = null;
        codeHash = null;
    }

    /** The worker has taken this proof's device prompting (done once, even if it then fails). */
    void prompted(Instant now) {
        promptedAt = now;
    }

    /** True when this wrong code was the last allowed. */
    boolean wrongCode(int maxTries) {
        codeAttempts++;
        return codeAttempts >= maxTries;
    }

    /** The page is open: proven and not yet expired. */
    boolean open(Instant now) {
        return state == State.PROVEN && now.isBefore(pageExpiresAt);
    }

    UUID id() { return id; }
    String lang() { return lang; }
    Way way() { return way; }
    State state() { return state; }
    String phoneHash() { return phoneHash; }
    String complaintPhoneHash() { return complaintPhoneHash; }
    String approvalNumber() { return approvalNumber; }
    String codeHash() { return codeHash; }
    int codeAttempts() { return codeAttempts; }
    Instant proofDueAt() { return proofDueAt; }
    Instant provenAt() { return provenAt; }
    Instant pageExpiresAt() { return pageExpiresAt; }
    Instant promptedAt() { return promptedAt; }
}
