package kr.jsoft.privacyportal.device;

import java.time.Instant;
import java.util.UUID;

/** One device for the managers' dashboard: state and times, never the number or the push address. */
public record DeviceSummary(UUID id, DevicePlatform platform, DeviceState state, String appVersion, String pushKind,
                            Instant createdAt, Instant activatedAt, Instant lastCheckInAt, Instant pushUpdatedAt) {
    static DeviceSummary of(Device device) {
        return new DeviceSummary(device.id(), device.platform(), device.state(), device.appVersion(), device.pushKind(),
                device.createdAt(), device.activatedAt(), device.lastCheckInAt(), device.pushUpdatedAt());
    }
}
