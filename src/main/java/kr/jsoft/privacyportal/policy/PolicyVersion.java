package kr.jsoft.privacyportal.policy;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One version of the privacy policy: the facts that do not depend on the clock. Whether it
 * is in force is computed from {@code effectiveAt}, {@code withdrawnAt} and the clock
 * ({@link PolicyService#inForce}); nothing stores it.
 */
@Entity
@Table(name = "policy_version")
class PolicyVersion {
    @Id
    private UUID id;
    @Column(nullable = false, length = 100, unique = true)
    private String label;
    @Column(name = "effective_at")
    private Instant effectiveAt;
    /** With {@code noticePostedAt} and the label, a foreign key into the notice that announced it (V18_20). */
    @Column(name = "notice_id")
    private UUID noticeId;
    @Column(name = "notice_posted_at")
    private Instant noticePostedAt;
    @Column(nullable = false)
    private boolean baseline;
    /** TRUE exactly when {@code baseline}, NULL otherwise: unique, so there is one baseline at most. */
    @Column(name = "baseline_slot")
    private Boolean baselineSlot;
    /** The importer's update of a draft fails instead of overwriting a schedule committed meanwhile. */
    @jakarta.persistence.Version
    @Column(name = "row_version", nullable = false)
    private long rowVersion;
    @Column(name = "withdrawn_at")
    private Instant withdrawnAt;
    @Column(name = "authoritative_language", nullable = false, length = 2)
    private String authoritativeLanguage;
    /** Comma-separated language codes, e.g. {@code ko}. */
    @Column(name = "reference_translations", nullable = false, length = 20)
    private String referenceTranslations;
    @Column(nullable = false)
    private boolean unfavourable;
    @Column(name = "summary_ko", nullable = false, length = 8000)
    private String summaryKo;
    @Column(name = "summary_en", nullable = false, length = 8000)
    private String summaryEn;
    @Column(name = "metadata_json", nullable = false, length = 1000000)
    private String metadataJson;
    @Column(name = "metadata_sha256", nullable = false, length = 64)
    private String metadataSha256;
    @Column(name = "imported_at", nullable = false)
    private Instant importedAt;
    @Column(name = "checklist_waiver", length = 1000)
    private String checklistWaiver;

    protected PolicyVersion() {
    }

    PolicyVersion(UUID id, String label, Instant effectiveAt, boolean baseline, Instant importedAt) {
        this.id = id;
        this.label = label;
        this.effectiveAt = effectiveAt;
        this.baseline = baseline;
        this.baselineSlot = baseline ? Boolean.TRUE : null;
        this.importedAt = importedAt;
    }

    /** Takes the metadata of an imported folder (a new version, or a draft whose files changed). */
    void describe(PolicyMetadata metadata, String json, String sha256, Instant importedAt) {
        this.authoritativeLanguage = metadata.authoritativeLanguage();
        this.referenceTranslations = String.join(",", metadata.referenceTranslations());
        this.unfavourable = metadata.unfavourable();
        this.summaryKo = metadata.summary().ko();
        this.summaryEn = metadata.summary().en();
        this.metadataJson = json;
        this.metadataSha256 = sha256;
        this.importedAt = importedAt;
    }

    /**
     * Schedules the version: its notice went up at {@code noticePostedAt}, it takes effect at
     * {@code effectiveAt}. {@code unfavourable} is the marking or the lifecycle's detection; the
     * database checks the notice period again (V6_1). A withdrawn version scheduled again
     * (postponed) starts a new notice period from its new notice.
     */
    void schedule(UUID noticeId, Instant noticePostedAt, Instant effectiveAt, boolean unfavourable,
                  String checklistWaiver) {
        this.noticeId = noticeId;
        this.noticePostedAt = noticePostedAt;
        this.effectiveAt = effectiveAt;
        this.unfavourable = this.unfavourable || unfavourable;
        this.withdrawnAt = null;
        this.checklistWaiver = checklistWaiver;
    }

    /** Takes a scheduled version back before it takes effect. */
    void withdraw(Instant at) {
        this.withdrawnAt = at;
    }

    /** Published: in force, scheduled or once announced. Its texts are immutable from then on. */
    boolean isPublished() {
        return effectiveAt != null || noticePostedAt != null;
    }

    UUID id() { return id; }
    String label() { return label; }
    Instant effectiveAt() { return effectiveAt; }
    Instant noticePostedAt() { return noticePostedAt; }
    UUID noticeId() { return noticeId; }
    boolean baseline() { return baseline; }
    Instant withdrawnAt() { return withdrawnAt; }
    String authoritativeLanguage() { return authoritativeLanguage; }
    String referenceTranslations() { return referenceTranslations; }
    boolean unfavourable() { return unfavourable; }
    String summaryKo() { return summaryKo; }
    String summaryEn() { return summaryEn; }
    String metadataJson() { return metadataJson; }
    String metadataSha256() { return metadataSha256; }
    Instant importedAt() { return importedAt; }
    String checklistWaiver() { return checklistWaiver; }
}
