package kr.jsoft.privacyportal.command;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A receipt exactly as the device signed it: the {@code Device-Signature} JWS (over method, path
 * with the command id, and the body's SHA-256), the body, and the device's public key at the
 * time, so the proof stays checkable after the device itself is erased. One per command and type.
 */
@Entity
@Table(name = "device_command_receipt")
class CommandReceipt {
    @Id
    private UUID id;
    @Column(name = "command_id", nullable = false)
    private UUID commandId;
    @Column(nullable = false, length = 10)
    private String type;
    @Column(name = "device_signature", nullable = false, length = 4096)
    private String deviceSignature;
    @Column(nullable = false, length = 4000)
    private String body;
    @Column(name = "body_digest", nullable = false, length = 43)
    private String bodyDigest;
    @Column(name = "device_key", nullable = false, length = 400)
    private String deviceKey;
    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    protected CommandReceipt() {
    }

    CommandReceipt(UUID id, UUID commandId, String type, String deviceSignature, String body, String bodyDigest,
                   String deviceKey, Instant receivedAt) {
        this.id = id;
        this.commandId = commandId;
        this.type = type;
        this.deviceSignature = deviceSignature;
        this.body = body;
        this.bodyDigest = bodyDigest;
        this.deviceKey = deviceKey;
        this.receivedAt = receivedAt;
    }

    UUID id() { return id; }
    UUID commandId() { return commandId; }
    String type() { return type; }
    String deviceSignature() { return deviceSignature; }
    String body() { return body; }
    String bodyDigest() { return bodyDigest; }
    String deviceKey() { return deviceKey; }
    Instant receivedAt() { return receivedAt; }
}
