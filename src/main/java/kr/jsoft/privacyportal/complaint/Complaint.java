package kr.jsoft.privacyportal.complaint;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One complaint case. Personal fields are sealed and become null once erased after retention. */
@Entity
@Table(name = "complaint")
class Complaint {
    @Id
    private UUID id;
    @Column(nullable = false, length = 20)
    private String reference;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    private Category category;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private CaseState state;
    @Column(nullable = false, length = 2)
    private String lang;
    @Column(name = "name_sealed", length = 2000)
    private String nameSealed;
    @Column(name = "email_sealed", length = 2000)
    private String emailSealed;
    @Column(name = "phone_sealed", length = 1000)
    private String phoneSealed;
    @Column(name = "email_hash", length = 64)
    private String emailHash;
    /** Keyed hash of the phone number given, if it is a Korean mobile one: found by a person's rights page. */
    @Column(name = "phone_hash", length = 64)
    private String phoneHash;
    @Column(name = "status_token_hash", length = 64)
    private String statusTokenHash;
    @Column(name = "assignee_id")
    private UUID assigneeId;
    @Column(name = "assignee_name", length = 100)
    private String assigneeName;
    @Column(name = "refusal_policy", length = 100)
    private String refusalPolicy;
    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;
    @Column(name = "due_at", nullable = false)
    private Instant dueAt;
    @Column(name = "first_answered_at")
    private Instant firstAnsweredAt;
    @Column(name = "closed_at")
    private Instant closedAt;
    @Column(name = "erased_at")
    private Instant erasedAt;

    protected Complaint() {
    }

    Complaint(UUID id, String reference, Category category, String lang, Instant receivedAt, Instant dueAt) {
        this.id = id;
        this.reference = reference;
        this.category = category;
        this.state = CaseState.RECEIVED;
        this.lang = lang;
        this.receivedAt = receivedAt;
        this.dueAt = dueAt;
    }

    void seal(String nameSealed, String emailSealed, String phoneSealed, String emailHash, String statusTokenHash) {
        this.nameSealed = nameSealed;
        this.emailSealed = emailSealed;
        this.phoneSealed = phoneSealed;
        this.emailHash = emailHash;
        this.statusTokenHash = statusTokenHash;
    }

    void newStatusToken(String hash) {
        this.statusTokenHash = hash;
    }

    void assign(UUID accountId, String name) {
        this.assigneeId = accountId;
        this.assigneeName = name;
        if (state == CaseState.RECEIVED) {
            state = CaseState.IN_PROGRESS;
        }
    }

    void answered(Instant now) {
        if (firstAnsweredAt == null) {
            firstAnsweredAt = now;
        }
        if (state == CaseState.RECEIVED) {
            state = CaseState.IN_PROGRESS;
        }
    }

    void close(CaseState outcome, Instant now, String policyLabel) {
        answered(now);
        this.state = outcome;
        this.closedAt = now;
        this.refusalPolicy = policyLabel;
    }

    void erase(Instant now) {
        nameSealed = null;
        emailSealed = null;
        phoneSealed = null;
        emailHash = null;
        phoneHash = null;
        statusTokenHash = null;
        erasedAt = now;
    }

    void phoneHash(String phoneHash) {
        this.phoneHash = phoneHash;
    }

    /** The complainant corrected the address replies go to (PIPA Art. 36). */
    void emailCorrected(String emailSealed, String emailHash) {
        this.emailSealed = emailSealed;
        this.emailHash = emailHash;
    }

    UUID id() { return id; }
    String reference() { return reference; }
    Category category() { return category; }
    CaseState state() { return state; }
    String lang() { return lang; }
    String nameSealed() { return nameSealed; }
    String emailSealed() { return emailSealed; }
    String phoneSealed() { return phoneSealed; }
    String emailHash() { return emailHash; }
    UUID assigneeId() { return assigneeId; }
    String assigneeName() { return assigneeName; }
    String refusalPolicy() { return refusalPolicy; }
    Instant receivedAt() { return receivedAt; }
    Instant dueAt() { return dueAt; }
    Instant firstAnsweredAt() { return firstAnsweredAt; }
    Instant closedAt() { return closedAt; }
    Instant erasedAt() { return erasedAt; }
}
