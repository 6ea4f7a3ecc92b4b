package kr.jsoft.privacyportal.policy;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** The Markdown text of one version in one language, with the SHA-256 of the file it came from. */
@Entity
@Table(name = "policy_text")
class PolicyText {
    @Id
    private UUID id;
    @Column(name = "version_id", nullable = false)
    private UUID versionId;
    @Column(nullable = false, length = 2)
    private String lang;
    @Column(nullable = false, length = 1000000)
    private String markdown;
    @Column(nullable = false, length = 64)
    private String sha256;

    protected PolicyText() {
    }

    PolicyText(UUID id, UUID versionId, String lang, String markdown, String sha256) {
        this.id = id;
        this.versionId = versionId;
        this.lang = lang;
        this.markdown = markdown;
        this.sha256 = sha256;
    }

    /** Only for drafts: the importer refuses changes to published versions before calling this. */
    void replace(String markdown, String sha256) {
        this.markdown = markdown;
        this.sha256 = sha256;
    }

    UUID id() { return id; }
    UUID versionId() { return versionId; }
    String lang() { return lang; }
    String markdown() { return markdown; }
    String sha256() { return sha256; }
}
