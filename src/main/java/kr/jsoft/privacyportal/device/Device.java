package kr.jsoft.privacyportal.device;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A registered (or registering) device. Holds no phone number, only its keyed hash; the push
 * address is sealed ({@code push_address}); the SMS code only as a keyed hash while PENDING.
 */
@Entity
@Table(name = "device")
class Device {
    static final int MAX_CODE_ATTEMPTS = 5;

    @Id
    private UUID id;
    @Column(name = "phone_hash", nullable = false, length = 64)
    private String phoneHash;
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 10)
    private DevicePlatform platform;
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 10)
    private DeviceState state;
    @Column(name = "app_version", nullable = false, length = 40)
    private String appVersion;
    @Column(name = "public_key", nullable = false, length = 400)
    private String publicKey;
    @Column(name = "key_thumbprint", nullable = false, length = 64)
    private String keyThumbprint;
    /** Null after the push service declared the address dead; the device stays until it checks in anew. */
    @Column(name = "push_kind", length = 10)
    private String pushKind;
    @Column(name = "push_address", length = 8000)
    private String pushAddress;
    @Column(name = "code_hash", length = 64)
    private String codeHash;
    @Column(name = "code_expires_at")
    private Instant codeExpiresAt;
    @Column(name = "code_attempts", nullable = false)
    private int codeAttempts;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "activated_at")
    private Instant activatedAt;
    @Column(name = "last_check_in_at")
    private Instant lastCheckInAt;
    @Column(name = "push_updated_at", nullable = false)
    private Instant pushUpdatedAt;

    protected Device() {
    }

    Device(UUID id, String phoneHash, DevicePlatform platform, String appVersion, PublicJwk key,
           String pushKind, String sealedPushAddress, String codeHash, Instant codeExpiresAt, Instant now) {
        this.id = id;
        this.phoneHash = phoneHash;
        this.platform = platform;
        this.state = DeviceState.PENDING;
        this.appVersion = appVersion;
        this.publicKey = key.toJson();
        this.keyThumbprint = key.thumbprint();
        this.pushKind = pushKind;
        this.pushAddress = sealedPushAddress;
        this.codeHash = codeHash;
        this.codeExpiresAt = codeExpiresAt;
        this.codeAttempts = 0;
        this.createdAt = now;
        this.pushUpdatedAt = now;
    }

    /** Counts one wrong code; true if no tries are left. */
    boolean wrongCode() {
        codeAttempts++;
        return codeAttempts >= MAX_CODE_ATTEMPTS;
    }

    void activate(Instant now) {
        state = DeviceState.ACTIVE;
        activatedAt = now;
        lastCheckInAt = now;
        codeHash = null;
        codeExpiresAt = null;
    }

    void checkIn(Instant now, String newAppVersion) {
        lastCheckInAt = now;
        if (newAppVersion != null) {
            appVersion = newAppVersion;
        }
    }

    void replacePushAddress(String kind, String sealed, Instant now) {
        pushKind = kind;
        pushAddress = sealed;
        pushUpdatedAt = now;
    }

    void dropPushAddress(Instant now) {
        pushKind = null;
        pushAddress = null;
        pushUpdatedAt = now;
    }

    boolean hasPushAddress() {
        return pushAddress != null;
    }

    UUID id() { return id; }
    String phoneHash() { return phoneHash; }
    DevicePlatform platform() { return platform; }
    DeviceState state() { return state; }
    String appVersion() { return appVersion; }
    PublicJwk publicKey() { return DeviceKeys.parsePublicKey(publicKey); }
    String pushKind() { return pushKind; }
    String sealedPushAddress() { return pushAddress; }
    String codeHash() { return codeHash; }
    Instant codeExpiresAt() { return codeExpiresAt; }
    int codeAttempts() { return codeAttempts; }
    Instant createdAt() { return createdAt; }
    Instant activatedAt() { return activatedAt; }
    Instant lastCheckInAt() { return lastCheckInAt; }
    Instant pushUpdatedAt() { return pushUpdatedAt; }
}
