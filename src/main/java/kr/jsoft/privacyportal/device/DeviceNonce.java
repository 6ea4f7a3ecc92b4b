package kr.jsoft.privacyportal.device;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One accepted request nonce ({@code kid} and {@code jti}), kept until it expires. */
@Entity
@Table(name = "device_nonce")
class DeviceNonce {
    @Id
    @Column(name = "nonce_key", length = 200)
    private String key;
    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    protected DeviceNonce() {
    }

    DeviceNonce(String key, Instant expiresAt) {
        this.key = key;
        this.expiresAt = expiresAt;
    }
}
