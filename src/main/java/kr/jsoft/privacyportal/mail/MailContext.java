package kr.jsoft.privacyportal.mail;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Values shared by many mails (a notice's text), saved once; never personal data. */
@Entity
@Table(name = "mail_context")
class MailContext {
    @Id
    private UUID id;
    @Column(name = "model_json", nullable = false, length = 100000)
    private String modelJson;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected MailContext() {
    }

    MailContext(UUID id, String modelJson, Instant createdAt) {
        this.id = id;
        this.modelJson = modelJson;
        this.createdAt = createdAt;
    }

    UUID id() { return id; }
    String modelJson() { return modelJson; }
}
