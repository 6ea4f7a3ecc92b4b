package kr.jsoft.privacyportal.device;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import kr.jsoft.privacyportal.audit.AuditEvent;
import kr.jsoft.privacyportal.audit.AuditLog;
import kr.jsoft.privacyportal.crypto.KeyedHash;
import kr.jsoft.privacyportal.persistence.Database;
import kr.jsoft.privacyportal.push.PushAddress;
import kr.jsoft.privacyportal.ratelimit.PerNetwork;
import kr.jsoft.privacyportal.ratelimit.RateLimiter;
import kr.jsoft.privacyportal.ratelimit.RateLimiter.Limit;
import kr.jsoft.privacyportal.sms.SmsGateway;
import kr.jsoft.privacyportal.sms.SmsResult;

/**
 * Registration: a device proves the phone number it claims by returning a one-time code sent
 * there by SMS; only then does it count (ACTIVE). The code is 6 digits, kept only as a keyed
 * hash, valid 10 minutes and good for 5 tries. SMS sending is limited per number, per device
 * key, per client address and by a daily budget for the whole portal.
 */
final class DeviceRegistration {
    static final Duration CODE_VALIDITY = Duration.ofMinutes(10);

    /** A registration request, already parsed and checked for form. */
    record Request(String phoneNumber, DevicePlatform platform, String appVersion, PushAddress pushAddress,
                   PublicJwk publicKey) {
        @Override
        public String toString() {
            return "Request[" + platform + ", " + appVersion + "]";
        }
    }

    sealed interface Started permits Started.CodeSent, Started.Limited, Started.KeyInUse, Started.SmsNotSent {
        record CodeSent(UUID deviceId, Instant codeExpiresAt) implements Started { }
        /** A limit refused the SMS; {@code what} says which, in words for the device's user. */
        record Limited(Duration retryAfter, String what) implements Started { }
        record KeyInUse() implements Started { }
        record SmsNotSent(Optional<Duration> retryAfter) implements Started { }
    }

    sealed interface Confirmed permits Confirmed.Activated, Confirmed.WrongCode, Confirmed.TriesExhausted,
            Confirmed.Expired, Confirmed.AlreadyActive, Confirmed.Unknown {
        record Activated(UUID deviceId) implements Confirmed { }
        record WrongCode(int triesLeft) implements Confirmed { }
        record TriesExhausted() implements Confirmed { }
        record Expired() implements Confirmed { }
        record AlreadyActive() implements Confirmed { }
        record Unknown() implements Confirmed { }
    }

    private final Database database;
    private final AuditLog auditLog;
    private final Clock clock;
    private final SecureRandom random;
    private final DeviceRegistry registry;
    private final SmsGateway sms;
    private final RateLimiter limiter;
    private final DeviceSettings settings;
    private final DeviceEvents events;

    public DeviceRegistration(Database database, AuditLog auditLog, Clock clock, SecureRandom random,
                              DeviceRegistry registry, SmsGateway sms, RateLimiter limiter, DeviceSettings settings,
                              DeviceEvents events) {
        this.database = database;
        this.auditLog = auditLog;
        this.clock = clock;
        this.random = random;
        this.registry = registry;
        this.sms = sms;
        this.limiter = limiter;
        this.settings = settings;
        this.events = events;
    }

    Started start(Request request, String clientAddress) {
        String thumbprint = request.publicKey().thumbprint();
        String e164 = kr.jsoft.privacyportal.sms.PhoneNumbers.toE164(request.phoneNumber());
        Optional<Started> limited = limited(clientAddress, thumbprint, e164);
        if (limited.isPresent()) {
            return limited.get();
        }
        String code = SmsCode.generate(random);
        UUID deviceId = UUID.randomUUID();
        Instant now = clock.instant();
        Instant expiresAt = now.plus(CODE_VALIDITY);
        boolean created = database.fromTransaction(session -> {
            Device sameKey = DeviceQueries.byThumbprint(session, thumbprint);
            if (sameKey != null && sameKey.state() == DeviceState.ACTIVE) {
                return false;
            }
            if (sameKey != null) {
                // The app asked again (lost the code, or a typo in the number): the old attempt is void.
                registry.erase(session, sameKey, DeviceRegistry.byDevice(sameKey.id(), "device.registration-replaced"));
                session.flush();
            }
            Device device = new Device(deviceId, registry.phoneHashOf(e164), request.platform(), request.appVersion(),
                    request.publicKey(), SealedPushAddress.kindOf(request.pushAddress()),
                    registry.pushAddresses().seal(deviceId, request.pushAddress()),
                    registry.codeHash(deviceId, code), expiresAt, now);
            session.persist(device);
            auditLog.record(session, DeviceRegistry.byDevice(deviceId, "device.registration-started")
                    .detail("platform=" + request.platform().apiName()));
            return true;
        });
        if (!created) {
            return new Started.KeyInUse();
        }
        // Sent after the commit: the clear number lives only in this request's memory.
        SmsResult result = sms.send(e164, SmsCode.text(code));
        if (result instanceof SmsResult.Accepted) {
            return new Started.CodeSent(deviceId, expiresAt);
        }
        database.inTransaction(session -> {
            Device device = DeviceQueries.lockedById(session, deviceId);
            if (device != null) {
                registry.erase(session, device, AuditEvent.system("device.registration-sms-failed")
                        .target(DeviceRegistry.TARGET, deviceId).detail("sms=" + result.kind()));
            }
        });
        return new Started.SmsNotSent(result instanceof SmsResult.Retry retry ? retry.retryAfter() : Optional.empty());
    }

    private Optional<Started> limited(String clientAddress, String thumbprint, String e164) {
        // The whole-portal budget is asked last, so refusals by the narrower limits do not spend it.
        record Check(String scope, String subject, Limit limit, String what) { }
        List<Check> checks = List.of(
                new Check("sms.address", PerNetwork.of(clientAddress), Limit.perHour(settings.smsPerAddressPerHour()),
                        "Too many codes were requested from this network address."),
                new Check("sms.device", thumbprint, Limit.perHour(settings.smsPerDevicePerHour()),
                        "Too many codes were requested for this device."),
                new Check("sms.number", e164, Limit.perHour(settings.smsPerNumberPerHour()),
                        "Too many codes were requested for this phone number."),
                new Check("sms.budget", "all", Limit.perDay(settings.smsDailyBudget()),
                        "The portal has sent as many codes as it may today."));
        for (Check check : checks) {
            RateLimiter.Decision decision = limiter.acquire(check.scope(), check.subject(), check.limit());
            if (!decision.allowed()) {
                return Optional.of(new Started.Limited(decision.retryAfter(), check.what()));
            }
        }
        return Optional.empty();
    }

    /** The device returns the code; the signature on this request already proved it holds the key. */
    Confirmed confirm(UUID deviceId, String code) {
        return database.fromTransaction(session -> {
            Device device = DeviceQueries.lockedById(session, deviceId);
            if (device == null) {
                return new Confirmed.Unknown();
            }
            if (device.state() == DeviceState.ACTIVE) {
                return new Confirmed.AlreadyActive();
            }
            Instant now = clock.instant();
            if (!now.isBefore(device.codeExpiresAt())) {
                registry.erase(session, device, DeviceRegistry.byDevice(deviceId, "device.registration-expired"));
                return new Confirmed.Expired();
            }
            if (!KeyedHash.same(registry.codeHash(deviceId, code), device.codeHash())) {
                if (device.wrongCode()) {
                    registry.erase(session, device, DeviceRegistry.byDevice(deviceId, "device.registration-failed")
                            .detail("wrong code " + Device.MAX_CODE_ATTEMPTS + " times"));
                    return new Confirmed.TriesExhausted();
                }
                auditLog.record(session, DeviceRegistry.byDevice(deviceId, "device.code-wrong")
                        .detail("attempt " + device.codeAttempts()));
                return new Confirmed.WrongCode(Device.MAX_CODE_ATTEMPTS - device.codeAttempts());
            }
            device.activate(now);
            auditLog.record(session, DeviceRegistry.byDevice(deviceId, "device.activated"));
            List<UUID> others = DeviceQueries.activeByPhoneHash(session, device.phoneHash()).stream()
                    .map(Device::id).filter(id -> !id.equals(deviceId)).toList();
            if (!others.isEmpty()) {
                events.newDeviceRegistered(session, deviceId, others);
            }
            return new Confirmed.Activated(deviceId);
        });
    }
}
