package kr.jsoft.privacyportal.device;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import kr.jsoft.privacyportal.audit.AuditEvent;
import kr.jsoft.privacyportal.audit.AuditLog;
import kr.jsoft.privacyportal.erasure.ErasureJournal;
import kr.jsoft.privacyportal.crypto.DataCipher;
import kr.jsoft.privacyportal.crypto.KeyedHash;
import kr.jsoft.privacyportal.persistence.Database;
import kr.jsoft.privacyportal.push.PushAddress;
import kr.jsoft.privacyportal.sms.PhoneNumbers;
import org.hibernate.Session;

/**
 * Which devices belong to which phone number, and their life after registration: check-ins,
 * push address refreshes, unregistering and erasure of inactive devices. Other features (push,
 * commands, destruction requests) find devices and their keys here.
 */
public final class DeviceRegistry {
    /** The entities of the device feature, for the composition root. */
    public static final List<Class<?>> ENTITIES = List.of(Device.class, DeviceNonce.class);
    static final String TARGET = "device";
    private static final int ERASE_BATCH = 200;

    private final Database database;
    private final AuditLog auditLog;
    private final Clock clock;
    private final KeyedHash keyedHash;
    private final SealedPushAddress pushAddresses;
    private final DeviceEvents events;
    private final Duration inactivity;
    private final ErasureJournal erasureJournal;

    /** The erasure journal's kind for devices (every erasure: unregistered, inactive, expired, destroyed). */
    public static final String ERASURE_KIND = "device";

    /**
     * @param keyedHash  keyed with {@code PortalKeys.PHONE_HASH}
     * @param cipher     keyed with {@code PortalKeys.DATA_ENCRYPTION}; seals push addresses
     * @param inactivity devices without a check-in for this long are erased
     */
    public DeviceRegistry(Database database, AuditLog auditLog, Clock clock, KeyedHash keyedHash, DataCipher cipher,
                          DeviceEvents events, Duration inactivity, ErasureJournal erasureJournal) {
        this.erasureJournal = erasureJournal;
        this.database = database;
        this.auditLog = auditLog;
        this.clock = clock;
        this.keyedHash = keyedHash;
        this.pushAddresses = new SealedPushAddress(cipher);
        this.events = events;
        this.inactivity = inactivity;
    }

    /**
     * The keyed hash the registry files a phone number under (any notation of a Korean mobile
     * number gives the same hash). The only way other features should turn a number into a lookup key.
     *
     * @throws IllegalArgumentException if it is not a Korean mobile number (the message never repeats it)
     */
    public String phoneHashOf(String phoneNumber) {
        return keyedHash.hash("phone", PhoneNumbers.toE164(phoneNumber));
    }

    /** As {@link #activeDevicesOf(String)}, in the caller's transaction. */
    public List<ActiveDevice> activeDevicesOf(Session session, String phoneHash) {
        return DeviceQueries.activeByPhoneHash(session, phoneHash).stream().map(ActiveDevice::of).toList();
    }

    /**
     * Erases the registrations under a number that are still proving it (PENDING), in the caller's
     * transaction, each journalled like every device erasure. Returns how many.
     */
    public int erasePendingRegistrations(Session session, String phoneHash) {
        int erased = 0;
        for (Device device : DeviceQueries.byPhoneHash(session, phoneHash)) {
            if (device.state() == DeviceState.PENDING) {
                erase(session, device, AuditEvent.system("device.erased-on-request").target(TARGET, device.id())
                        .detail("registration pending when destruction was requested"));
                erased++;
            }
        }
        return erased;
    }

    /**
     * Every registration under a phone-number hash (active or still proving the number), oldest
     * first, in the caller's transaction: what a person's access request (PIPA Art. 35) shows.
     */
    public List<DeviceSummary> devicesOf(Session session, String phoneHash) {
        return DeviceQueries.byPhoneHash(session, phoneHash).stream().map(DeviceSummary::of).toList();
    }

    /** The active devices registered under a phone-number hash, oldest first. */
    public List<ActiveDevice> activeDevicesOf(String phoneHash) {
        return database.fromTransaction(session -> DeviceQueries.activeByPhoneHash(session, phoneHash).stream()
                .map(ActiveDevice::of).toList());
    }

    /**
     * The active devices registered under the same number as {@code deviceId}, itself included,
     * oldest first; empty if that device is not active. (An in-app destruction request reaches
     * every device of the number without the number ever leaving the registry.)
     */
    public List<ActiveDevice> activeDevicesAlongside(UUID deviceId) {
        return database.fromTransaction(session -> {
            Device device = session.find(Device.class, deviceId);
            if (device == null || device.state() != DeviceState.ACTIVE) {
                return List.<ActiveDevice>of();
            }
            return DeviceQueries.activeByPhoneHash(session, device.phoneHash()).stream().map(ActiveDevice::of).toList();
        });
    }

    /**
     * Erases a device whose data was destroyed on request (row, key, push address), in the caller's
     * transaction; {@code reason} is an opaque technical note (e.g. the request's reference).
     * False if it was gone already. Journalled as every device erasure (kind {@value #ERASURE_KIND}).
     */
    public boolean eraseDestroyed(Session session, UUID deviceId, String reason) {
        Device device = DeviceQueries.lockedById(session, deviceId);
        if (device == null) {
            return false;
        }
        erase(session, device, AuditEvent.system("device.erased-on-request").target(TARGET, deviceId).detail(reason));
        return true;
    }

    /**
     * How many devices are active and were registered or active in {@code [from, to]} (both null: every
     * active device), in the caller's transaction. Erased devices are gone and not counted, so for a
     * past period this is a lower bound of the devices that were registered then.
     */
    public long countActiveIn(Session session, Instant from, Instant to) {
        var query = session.createSelectionQuery("select count(d) from Device d where d.state = :active"
                + (from == null ? "" : WINDOW), Long.class).setParameter("active", DeviceState.ACTIVE);
        if (from != null) {
            query.setParameter("from", from).setParameter("to", to);
        }
        return query.getSingleResult();
    }

    /**
     * The next page of {@link #countActiveIn}'s devices by ascending id after {@code after} (null: from
     * the start), in the caller's transaction: callers walk a large set in pages, one transaction each.
     */
    public List<UUID> activeIdsIn(Session session, Instant from, Instant to, UUID after, int limit) {
        var query = session.createSelectionQuery("select d.id from Device d where d.state = :active"
                        + (from == null ? "" : WINDOW) + (after == null ? "" : " and d.id > :after") + " order by d.id",
                UUID.class).setParameter("active", DeviceState.ACTIVE);
        if (from != null) {
            query.setParameter("from", from).setParameter("to", to);
        }
        if (after != null) {
            query.setParameter("after", after);
        }
        return query.setMaxResults(limit).getResultList();
    }

    /** Which of {@code ids} are active devices, in the caller's transaction (at most 1,000 ids a call). */
    public List<UUID> activeAmong(Session session, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return session.createSelectionQuery("select d.id from Device d where d.state = :active and d.id in (:ids)"
                        + " order by d.id", UUID.class)
                .setParameter("active", DeviceState.ACTIVE)
                .setParameter("ids", ids)
                .getResultList();
    }

    /** Registered (activated) by the period's end and seen (activated or checked in) since its start. */
    private static final String WINDOW = " and d.activatedAt <= :to and coalesce(d.lastCheckInAt, d.activatedAt) >= :from";

    public Optional<ActiveDevice> activeDevice(UUID deviceId) {
        return database.fromTransaction(session -> Optional.ofNullable(session.find(Device.class, deviceId))
                .filter(d -> d.state() == DeviceState.ACTIVE).map(ActiveDevice::of));
    }

    /** The registered public key of an active device: what its signed requests are checked with. */
    public Optional<PublicJwk> activeKey(UUID deviceId) {
        return database.fromTransaction(session -> Optional.ofNullable(session.find(Device.class, deviceId))
                .filter(d -> d.state() == DeviceState.ACTIVE).map(Device::publicKey));
    }

    /** The key of a device that is active or still proving its number (used to sign the confirmation). */
    Optional<PublicJwk> registeredKey(UUID deviceId) {
        return database.fromTransaction(session -> Optional.ofNullable(session.find(Device.class, deviceId))
                .map(Device::publicKey));
    }

    /** The decrypted push address of an active device, for waking it up; empty if it has none (dropped). */
    public Optional<PushAddress> pushAddressOf(UUID deviceId) {
        return database.fromTransaction(session -> Optional.ofNullable(session.find(Device.class, deviceId))
                .filter(d -> d.state() == DeviceState.ACTIVE && d.hasPushAddress())
                .map(d -> pushAddresses.open(d.id(), d.pushKind(), d.sealedPushAddress())));
    }

    /**
     * The decrypted push addresses of those of {@code deviceIds} that are active and have one, in one
     * transaction (the wake-up dispatcher asks for a whole batch at once).
     */
    public Map<UUID, PushAddress> pushAddressesOf(Collection<UUID> deviceIds) {
        if (deviceIds.isEmpty()) {
            return Map.of();
        }
        return database.fromTransaction(session -> {
            Map<UUID, PushAddress> addresses = new HashMap<>();
            for (Device d : DeviceQueries.byIds(session, deviceIds)) {
                if (d.state() == DeviceState.ACTIVE && d.hasPushAddress()) {
                    addresses.put(d.id(), pushAddresses.open(d.id(), d.pushKind(), d.sealedPushAddress()));
                }
            }
            return addresses;
        });
    }

    /**
     * The push service said this address is gone for good (FCM UNREGISTERED, Web Push 404/410):
     * forget it. The device, its key and its pending commands stay; the next check-in or push-address
     * refresh brings a new address. {@code reason} is a technical detail without personal data.
     *
     * @return false if the device is unknown or had no address
     */
    public boolean dropPushAddress(UUID deviceId, String reason) {
        return database.fromTransaction(session -> {
            Device device = DeviceQueries.lockedById(session, deviceId);
            if (device == null || !device.hasPushAddress()) {
                return false;
            }
            device.dropPushAddress(clock.instant());
            auditLog.record(session, AuditEvent.system("device.push-address-dropped").target(TARGET, deviceId)
                    .detail(reason));
            return true;
        });
    }

    /**
     * Records that an active device checked in (and, if given, its new app version).
     * Routine check-ins are not audited: the row's {@code last_check_in_at} is their record, and a
     * chained audit entry per app launch would serialise every check-in on the audit chain's head.
     * A changed app version is audited.
     *
     * @return false if the device is not active
     */
    public boolean checkIn(UUID deviceId, String appVersionOrNull) {
        return database.fromTransaction(session -> {
            Device device = DeviceQueries.lockedById(session, deviceId);
            if (device == null || device.state() != DeviceState.ACTIVE) {
                return false;
            }
            String newVersion = appVersionOrNull == null || appVersionOrNull.equals(device.appVersion())
                    ? null : appVersionOrNull;
            device.checkIn(clock.instant(), newVersion);
            if (newVersion != null) {
                auditLog.record(session, byDevice(deviceId, "device.app-version-changed"));
            }
            return true;
        });
    }

    /** Replaces an active device's push address (the app's token refresh). False if not active. */
    boolean refreshPushAddress(UUID deviceId, PushAddress address) {
        return database.fromTransaction(session -> {
            Device device = DeviceQueries.lockedById(session, deviceId);
            if (device == null || device.state() != DeviceState.ACTIVE) {
                return false;
            }
            device.replacePushAddress(SealedPushAddress.kindOf(address), pushAddresses.seal(deviceId, address),
                    clock.instant());
            auditLog.record(session, byDevice(deviceId, "device.push-address-refreshed")
                    .detail("kind=" + SealedPushAddress.kindOf(address)));
            return true;
        });
    }

    /** The app unregistered: the device's row, key and push address are deleted at once. */
    public boolean unregister(UUID deviceId) {
        return database.fromTransaction(session -> {
            Device device = DeviceQueries.lockedById(session, deviceId);
            if (device == null) {
                return false;
            }
            erase(session, device, byDevice(deviceId, "device.unregistered"));
            return true;
        });
    }

    /**
     * Erases active devices that have not checked in for the inactivity period (there is no
     * uninstall signal on phones). Run by a background job; returns how many were erased.
     */
    public int eraseInactive() {
        Instant cutoff = clock.instant().minus(inactivity);
        int total = 0;
        while (true) {
            // One device per transaction: erasing fails the device's open commands, which the wake-up
            // dispatcher (on any instance) locks in id order across devices; several devices' commands
            // locked device by device in one transaction could deadlock with it.
            boolean erased = database.fromTransaction(session -> {
                List<Device> inactive = DeviceQueries.inactiveSince(session, cutoff, 1);
                for (Device device : inactive) {
                    erase(session, device, AuditEvent.system("device.erased-inactive").target(TARGET, device.id())
                            .detail("no check-in for " + inactivity.toDays() + " days"));
                }
                return !inactive.isEmpty();
            });
            if (!erased) {
                return total;
            }
            total++;
        }
    }

    /** Deletes registrations whose SMS code expired unconfirmed. Run by a background job. */
    public int purgeExpiredRegistrations() {
        return database.fromTransaction(session -> {
            List<Device> expired = DeviceQueries.pendingExpiredBefore(session, clock.instant(), ERASE_BATCH);
            for (Device device : expired) {
                erase(session, device, AuditEvent.system("device.registration-expired").target(TARGET, device.id()));
            }
            return expired.size();
        });
    }

    void erase(Session session, Device device, AuditEvent event) {
        // Journalled first (opaque id), so a restored backup loses this device again.
        erasureJournal.record(session, ERASURE_KIND, device.id().toString());
        events.deviceErased(session, device.id());
        session.remove(device);
        auditLog.record(session, event);
    }

    /**
     * The erasure journal's eraser for kind {@value #ERASURE_KIND}: deletes the device again if a
     * restored backup brought it back (without journalling it twice); true if it was there.
     */
    public boolean eraseAgain(Session session, String id) {
        Device device = DeviceQueries.lockedById(session, UUID.fromString(id));
        if (device == null) {
            return false;
        }
        events.deviceErased(session, device.id());
        session.remove(device);
        auditLog.record(session, AuditEvent.system("device.erased-again").target(TARGET, device.id())
                .detail("erased again from the erasure journal (restored backup)"));
        return true;
    }

    SealedPushAddress pushAddresses() {
        return pushAddresses;
    }

    String codeHash(UUID deviceId, String code) {
        return keyedHash.hash("sms-code", deviceId.toString(), code);
    }

    static AuditEvent byDevice(UUID deviceId, String action) {
        return new AuditEvent("device:" + deviceId, action, TARGET, deviceId.toString(), null, null);
    }
}
