package kr.jsoft.privacyportal.device;

import java.time.Instant;
import java.util.UUID;

/** An active device as other features see it: no phone number, no push address, no key material. */
public record ActiveDevice(UUID id, DevicePlatform platform, String appVersion, Instant activatedAt,
                           Instant lastCheckInAt) {
    static ActiveDevice of(Device device) {
        return new ActiveDevice(device.id(), device.platform(), device.appVersion(), device.activatedAt(),
                device.lastCheckInAt());
    }
}
