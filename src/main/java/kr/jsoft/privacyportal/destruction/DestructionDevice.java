package kr.jsoft.privacyportal.destruction;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import kr.jsoft.privacyportal.command.Answer;
import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One device's part in a request: its commands, its answer, its wipe and the receipt's digest. */
@Entity
@DynamicUpdate
@Table(name = "destruction_device")
class DestructionDevice {
    @Id
    private UUID id;
    @Column(name = "request_id", nullable = false)
    private UUID requestId;
    @Column(name = "device_id", nullable = false)
    private UUID deviceId;
    @Column(nullable = false)
    private int position;
    @Column(name = "approve_command_id")
    private UUID approveCommandId;
    @Column(name = "wipe_command_id")
    private UUID wipeCommandId;
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(length = 10)
    private Answer answer;
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "wipe_state", nullable = false, length = 20)
    private WipeState wipeState;
    @Column(name = "receipt_digest", length = 43)
    private String receiptDigest;
    @Column(name = "wipe_counts", length = 1000)
    private String wipeCounts;
    @Column(name = "wiped_at")
    private Instant wipedAt;
    @Column(name = "device_erased_at")
    private Instant deviceErasedAt;

    protected DestructionDevice() {
    }

    DestructionDevice(UUID id, UUID requestId, UUID deviceId, int position, UUID approveCommandId) {
        this.id = id;
        this.requestId = requestId;
        this.deviceId = deviceId;
        this.position = position;
        this.approveCommandId = approveCommandId;
        this.wipeState = WipeState.PENDING;
    }

    void answered(Answer answer) {
        if (this.answer == null) {
            this.answer = answer;
        }
    }

    void wipeQueued(UUID commandId) {
        this.wipeCommandId = commandId;
        this.wipeState = WipeState.QUEUED;
    }

    void wiped(Instant now, String digest, String counts) {
        this.wipeState = WipeState.WIPED;
        this.wipedAt = now;
        this.receiptDigest = digest;
        this.wipeCounts = counts;
    }

    void notConfirmed(Instant now) {
        this.wipeState = WipeState.NOT_CONFIRMED;
        this.wipedAt = now;
    }

    void deviceErased(Instant now) {
        this.deviceErasedAt = now;
    }

    UUID id() { return id; }
    UUID requestId() { return requestId; }
    UUID deviceId() { return deviceId; }
    int position() { return position; }
    UUID approveCommandId() { return approveCommandId; }
    UUID wipeCommandId() { return wipeCommandId; }
    Answer answer() { return answer; }
    WipeState wipeState() { return wipeState; }
    String receiptDigest() { return receiptDigest; }
    String wipeCounts() { return wipeCounts; }
    Instant wipedAt() { return wipedAt; }
    Instant deviceErasedAt() { return deviceErasedAt; }
}
