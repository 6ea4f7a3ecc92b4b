package kr.jsoft.privacyportal.complaint;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One step of a case's timeline; the body (if any) is sealed and erased with the case. */
@Entity
@Table(name = "complaint_entry")
class ComplaintEntry {
    /** Kinds the complainant sees on the status page; NOTE and ASSIGNED stay internal. */
    enum Kind {
        COMPLAINT(true), COMPLAINANT(true), REPLY(true), RESOLUTION(true), REFUSAL(true), NOTE(false), ASSIGNED(false);

        final boolean shownToComplainant;

        Kind(boolean shownToComplainant) {
            this.shownToComplainant = shownToComplainant;
        }
    }

    @Id
    private UUID id;
    @Column(name = "complaint_id", nullable = false)
    private UUID complaintId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Kind kind;
    @Column(name = "author_name", length = 100)
    private String authorName;
    @Column(name = "body_sealed", length = 40000)
    private String bodySealed;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected ComplaintEntry() {
    }

    ComplaintEntry(UUID id, UUID complaintId, Kind kind, String authorName, String bodySealed, Instant createdAt) {
        this.id = id;
        this.complaintId = complaintId;
        this.kind = kind;
        this.authorName = authorName;
        this.bodySealed = bodySealed;
        this.createdAt = createdAt;
    }

    UUID id() { return id; }
    UUID complaintId() { return complaintId; }
    Kind kind() { return kind; }
    String authorName() { return authorName; }
    String bodySealed() { return bodySealed; }
    Instant createdAt() { return createdAt; }
}
