package kr.jsoft.privacyportal.device;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import kr.jsoft.privacyportal.audit.AuditEvent;
import kr.jsoft.privacyportal.audit.AuditLog;
import kr.jsoft.privacyportal.persistence.Database;

/**
 * What the managers' dashboard shows about devices: counts, latest check-ins, lookup by phone
 * number (through the keyed hash) and a device's history. Every view of one person's devices is
 * itself recorded in the audit log, with the staff account and address but never the number.
 */
final class DeviceReports {

    /** How many devices are on one platform in one state. */
    public record DeviceCount(DevicePlatform platform, DeviceState state, long count) { }

    /** One line of a device's history, from the audit log. */
    public record HistoryEntry(Instant at, String actor, String action, String detail) { }

    /** A device's history; {@code current} is empty once the device has been erased. */
    public record DeviceHistory(UUID deviceId, Optional<DeviceSummary> current, List<HistoryEntry> entries) { }

    private final Database database;
    private final AuditLog auditLog;
    private final DeviceRegistry registry;

    public DeviceReports(Database database, AuditLog auditLog, DeviceRegistry registry) {
        this.database = database;
        this.auditLog = auditLog;
        this.registry = registry;
    }

    /** Device counts by platform and state (no personal data, so not access-logged). */
    public List<DeviceCount> counts() {
        return database.fromTransaction(session -> DeviceQueries.countsByPlatformAndState(session).stream()
                .map(row -> new DeviceCount((DevicePlatform) row[0], (DeviceState) row[1], (Long) row[2]))
                .sorted(java.util.Comparator.comparing(DeviceCount::platform).thenComparing(DeviceCount::state))
                .toList());
    }

    /** The devices that checked in most recently, newest first. */
    public List<DeviceSummary> latestCheckIns(int limit) {
        return database.fromTransaction(session -> DeviceQueries.latestCheckIns(session, limit).stream()
                .map(DeviceSummary::of).toList());
    }

    /** How many devices still registered were activated at or after {@code since} (no personal data). */
    public long activatedSince(Instant since) {
        return database.fromTransaction(session -> DeviceQueries.countActivatedSince(session, since));
    }

    /**
     * The devices (active and pending) registered under a phone number. The lookup is recorded
     * as an access by the staff account.
     *
     * @throws IllegalArgumentException if the number is not a Korean mobile number
     */
    public List<DeviceSummary> lookUpByPhoneNumber(String phoneNumber, String staffAccountId, String clientAddress) {
        String hash = registry.phoneHashOf(phoneNumber);
        return database.fromTransaction(session -> {
            List<DeviceSummary> found = DeviceQueries.byPhoneHash(session, hash).stream()
                    .map(DeviceSummary::of).toList();
            auditLog.record(session, AuditEvent.staff(staffAccountId, clientAddress, "device.looked-up-by-phone-number")
                    .target("device-lookup", null).detail("devices found=" + found.size()));
            return found;
        });
    }

    /** A device's history (also after erasure: the audit entries by opaque id remain); access-logged. */
    public DeviceHistory history(UUID deviceId, String staffAccountId, String clientAddress) {
        return database.fromTransaction(session -> {
            Optional<DeviceSummary> current = Optional.ofNullable(session.find(Device.class, deviceId))
                    .map(DeviceSummary::of);
            List<HistoryEntry> entries = auditLog.entriesAbout(session, DeviceRegistry.TARGET, deviceId.toString())
                    .stream().map(e -> new HistoryEntry(e.occurredAt(), e.actor(), e.action(), e.detail())).toList();
            auditLog.record(session, AuditEvent.staff(staffAccountId, clientAddress, "device.history-viewed")
                    .target(DeviceRegistry.TARGET, deviceId));
            return new DeviceHistory(deviceId, current, entries);
        });
    }
}
