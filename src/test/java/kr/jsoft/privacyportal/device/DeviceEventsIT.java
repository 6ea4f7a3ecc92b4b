package kr.jsoft.privacyportal.device;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.spec.SecretKeySpec;
import kr.jsoft.privacyportal.Settings;
import kr.jsoft.privacyportal.audit.AuditLog;
import kr.jsoft.privacyportal.crypto.DataCipher;
import kr.jsoft.privacyportal.crypto.KeyedHash;
import kr.jsoft.privacyportal.persistence.Database;
import kr.jsoft.privacyportal.push.PushAddress;
import kr.jsoft.privacyportal.ratelimit.RateLimiter;
import kr.jsoft.privacyportal.sms.DevelopmentSmsInbox;
import kr.jsoft.privacyportal.testing.MutableClock;
import kr.jsoft.privacyportal.testing.PortalFixture;
import kr.jsoft.privacyportal.testing.TestDatabase;
import kr.jsoft.privacyportal.testing.TestDevice;
import org.hibernate.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The registry tells other features (issue 9) about new devices under a number and about erasures. */
class DeviceEventsIT {
    @TempDir
    Path dir;
    private TestDatabase testDatabase;
    private Database database;
    private final MutableClock clock = new MutableClock(PortalFixture.START);
    private final List<String> told = new ArrayList<>();
    private DeviceRegistry registry;
    private DeviceRegistration registration;
    private DevelopmentSmsInbox inbox;

    @BeforeEach
    void build() {
        testDatabase = TestDatabase.create(dir);
        Map<String, String> env = testDatabase.environment(dir);
        List<Class<?>> entities = new ArrayList<>(AuditLog.ENTITIES);
        entities.addAll(RateLimiter.ENTITIES);
        entities.addAll(DeviceRegistry.ENTITIES);
        Settings settings = Settings.fromEnvironment(env);
        database = Database.open(settings.database(), entities);
        AuditLog auditLog = new AuditLog(clock);
        DeviceEvents events = new DeviceEvents() {
            @Override
            public void newDeviceRegistered(Session session, UUID newDeviceId, List<UUID> otherActiveDevices) {
                told.add("new " + newDeviceId + " others " + otherActiveDevices);
            }

            @Override
            public void deviceErased(Session session, UUID deviceId) {
                told.add("erased " + deviceId);
            }
        };
        SecureRandom random = new SecureRandom();
        byte[] key = new byte[32];
        random.nextBytes(key);
        kr.jsoft.privacyportal.erasure.ErasureJournal journal =
                new kr.jsoft.privacyportal.erasure.ErasureJournal(dir.resolve("erasure-journal"), clock);
        registry = new DeviceRegistry(database, auditLog, clock, new KeyedHash(new SecretKeySpec(key, "HmacSHA256")),
                new DataCipher("k", Map.of("k", new SecretKeySpec(key, "AES")), random), events, Duration.ofDays(90),
                journal);
        journal.register(DeviceRegistry.ERASURE_KIND, registry::eraseAgain);
        inbox = new DevelopmentSmsInbox(clock);
        registration = new DeviceRegistration(database, auditLog, clock, random, registry, inbox,
                new RateLimiter(database, clock, new SecretKeySpec(key, "HmacSHA256")), settings.devices(), events);
    }

    @AfterEach
    void close() {
        database.close();
        testDatabase.close();
    }

    private UUID register(String number) {
        PublicJwk key = DeviceKeys.parsePublicKey(DeviceKeys.publicKeyOf(DeviceKeys.generatePrivateKey(PublicJwk.Type.ED25519)));
        var started = (DeviceRegistration.Started.CodeSent) registration.start(new DeviceRegistration.Request(number,
                DevicePlatform.ANDROID, "1.0", new PushAddress.FcmToken("t-" + UUID.randomUUID()), key), "127.0.0.1");
        String code = TestDevice.codeIn(inbox.latestTo(number).orElseThrow().text());
        assertThat(registration.confirm(started.deviceId(), code)).isInstanceOf(DeviceRegistration.Confirmed.Activated.class);
        return started.deviceId();
    }

    @Test
    void aSecondDeviceUnderTheSameNumberIsAnnouncedToTheFirst() {
        UUID first = register("010-6000-0001");
        assertThat(told).as("the first device of a number has nobody to tell").isEmpty();

        UUID second = register("+821060000001");

        assertThat(told).containsExactly("new " + second + " others [" + first + "]");
    }

    @Test
    void erasureIsAnnouncedInTheSameTransaction() {
        UUID device = register("010-6000-0002");

        registry.unregister(device);

        assertThat(told).containsExactly("erased " + device);
    }
}
