package kr.jsoft.privacyportal.rights;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A rights request recorded by staff (made by phone, by mail, in person, or through an agent):
 * its kind, who asked and on what authority, the number proven by SMS, the 10-day clock and the
 * structured outcome. Authority, details, email and grounds are sealed, each bound to this row.
 */
@Entity
@DynamicUpdate
@Table(name = "rights_request")
class RightsRequest {
    /** PIPA Arts. 35 (access), 36 (correction or deletion), 37 (suspension), and destruction on request. */
    enum Kind {
        ACCESS, CORRECTION, SUSPENSION, DESTRUCTION;

        public String key() {
            return "rights.kind." + name().toLowerCase(Locale.ROOT);
        }
    }

    enum Channel {
        PHONE, MAIL, IN_PERSON;

        public String key() {
            return "rights.channel." + name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** PIPA Art. 38(1) with Decree Art. 45 (an agent by power of attorney); Art. 38(2) (a child under 14). */
    enum Requester {
        SELF, AGENT, LEGAL_REPRESENTATIVE;

        public String key() {
            return "rights.requester." + name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        boolean needsAuthority() {
            return this != SELF;
        }
    }

    enum State {
        PROVING, OPEN, DECIDED, CANCELLED;

        public String key() {
            return "rights.state." + name().toLowerCase(Locale.ROOT);
        }

        boolean open() {
            return this == PROVING || this == OPEN;
        }
    }

    enum Outcome {
        GRANTED, PARTLY_GRANTED, POSTPONED, REFUSED;

        public String key() {
            return "rights.outcome." + name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        /** Anything short of full grant states its grounds and the ways to object. */
        boolean needsGrounds() {
            return this != GRANTED;
        }

        boolean objectable() {
            return this == POSTPONED || this == REFUSED || this == PARTLY_GRANTED;
        }
    }

    @Id
    private UUID id;
    @Column(nullable = false, length = 20)
    private String reference;
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 20)
    private Kind kind;
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 20)
    private Channel channel;
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 30)
    private Requester requester;
    @Column(name = "authority_sealed", length = 4000)
    private String authoritySealed;
    @Column(name = "details_sealed", length = 8000)
    private String detailsSealed;
    @Column(nullable = false, length = 2)
    private String lang;
    @Column(name = "phone_hash", length = 64)
    private String phoneHash;
    @Column(name = "email_sealed", length = 2000)
    private String emailSealed;
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 20)
    private State state;
    @Column(name = "code_hash", length = 128)
    private String codeHash;
    @Column(name = "code_expires_at")
    private Instant codeExpiresAt;
    @Column(name = "code_attempts", nullable = false)
    private int codeAttempts;
    @Column(name = "status_token_hash", length = 64)
    private String statusTokenHash;
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(length = 20)
    private Outcome outcome;
    @Column(name = "grounds_sealed", length = 8000)
    private String groundsSealed;
    @Column(name = "postponed_until")
    private Instant postponedUntil;
    @Column(name = "recorded_by", nullable = false, length = 100)
    private String recordedBy;
    @Column(name = "decided_by", length = 100)
    private String decidedBy;
    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;
    @Column(name = "due_at", nullable = false)
    private Instant dueAt;
    @Column(name = "proven_at")
    private Instant provenAt;
    @Column(name = "decided_at")
    private Instant decidedAt;
    @Column(name = "erased_at")
    private Instant erasedAt;

    protected RightsRequest() {
    }

    RightsRequest(UUID id, String reference, Kind kind, Channel channel, Requester requester, String lang,
                  String phoneHash, String recordedBy, Instant receivedAt, Instant dueAt) {
        this.id = id;
        this.reference = reference;
        this.kind = kind;
        this.channel = channel;
        this.requester = requester;
        this.lang = lang;
        this.phoneHash = phoneHash;
        this.recordedBy = recordedBy;
        this.receivedAt = receivedAt;
        this.dueAt = dueAt;
        this.state = State.PROVING;
    }

    void sealed(String authority, String details, String email, String statusTokenHash) {
        this.authoritySealed = authority;
        this.detailsSealed = details;
        this.emailSealed = email;
        this.statusTokenHash = statusTokenHash;
    }

    void codeSent(String codeHash, Instant expiresAt) {
        this.codeHash = codeHash;
        this.codeExpiresAt = expiresAt;
        this.codeAttempts = 0;
    }

    boolean wrongCode(int maxTries) {
        codeAttempts++;
        return codeAttempts >= maxTries;
    }

    void proven(Instant now) {
        state = State.OPEN;
        provenAt = now;
        codeHash = null;
    }

    void cancelled() {
        state = State.CANCELLED;
        codeHash = null;
        phoneHash = null;
    }

    void decided(Outcome outcome, String groundsSealed, Instant postponedUntil, String by, Instant now) {
        this.state = State.DECIDED;
        this.outcome = outcome;
        this.groundsSealed = groundsSealed;
        this.postponedUntil = postponedUntil;
        this.decidedBy = by;
        this.decidedAt = now;
    }

    /**
     * The retention is over: everything that names or reaches the requester goes, the anonymous
     * record of how the request was handled stays.
     */
    void erase(Instant now) {
        authoritySealed = null;
        detailsSealed = null;
        emailSealed = null;
        phoneHash = null;
        groundsSealed = null;
        codeHash = null;
        statusTokenHash = null;
        erasedAt = now;
    }

    void emailCorrected(String sealed) {
        this.emailSealed = sealed;
    }

    UUID id() { return id; }
    String reference() { return reference; }
    Kind kind() { return kind; }
    Channel channel() { return channel; }
    Requester requester() { return requester; }
    String authoritySealed() { return authoritySealed; }
    String detailsSealed() { return detailsSealed; }
    String lang() { return lang; }
    String phoneHash() { return phoneHash; }
    String emailSealed() { return emailSealed; }
    State state() { return state; }
    String codeHash() { return codeHash; }
    Instant codeExpiresAt() { return codeExpiresAt; }
    int codeAttempts() { return codeAttempts; }
    Outcome outcome() { return outcome; }
    String groundsSealed() { return groundsSealed; }
    Instant postponedUntil() { return postponedUntil; }
    String recordedBy() { return recordedBy; }
    String decidedBy() { return decidedBy; }
    Instant receivedAt() { return receivedAt; }
    Instant dueAt() { return dueAt; }
    Instant provenAt() { return provenAt; }
    Instant decidedAt() { return decidedAt; }
    Instant erasedAt() { return erasedAt; }
}
