package kr.jsoft.privacyportal.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import kr.jsoft.privacyportal.device.PublicJwk;
import kr.jsoft.privacyportal.testing.Await;
import kr.jsoft.privacyportal.testing.FakeFcmServer;
import kr.jsoft.privacyportal.testing.MutableClock;
import kr.jsoft.privacyportal.testing.PortalFixture;
import kr.jsoft.privacyportal.testing.TestDevice;
import kr.jsoft.privacyportal.testing.TestServiceAccount;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The dispatcher through FCM HTTP v1, configured by settings and pointed at a verifying fake FCM. */
class FcmWakeUpIT {
    private static final TestServiceAccount ACCOUNT;
    private static final FakeFcmServer FCM;
    private static final Path ACCOUNT_FILE;

    static {
        try {
            ACCOUNT = new TestServiceAccount();
            // The fake checks assertion times against a clock of its own that follows the portal's test clock.
            FCM = new FakeFcmServer(new MutableClock(PortalFixture.START), ACCOUNT.publicKey(),
                    TestServiceAccount.CLIENT_EMAIL, TestServiceAccount.KEY_ID, TestServiceAccount.PROJECT);
            ACCOUNT_FILE = Files.createTempFile("fcm-service-account", ".json");
            Files.writeString(ACCOUNT_FILE, ACCOUNT.json(FCM.tokenUri()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @RegisterExtension
    static PortalFixture portal = PortalFixture.builder()
            .setting("PORTAL_FCM_SERVICE_ACCOUNT_FILE", ACCOUNT_FILE.toString())
            .setting("PORTAL_FCM_BASE_URL", FCM.baseUrl().toString())
            .setting("PORTAL_FCM_TOKEN_URI", FCM.tokenUri().toString())
            .setting("PORTAL_SMS_LIMIT_PER_ADDRESS", "10000")
            .build();

    private static final AtomicInteger NUMBERS = new AtomicInteger(500);

    @AfterAll
    static void stopFcm() throws IOException {
        FCM.close();
        Files.deleteIfExists(ACCOUNT_FILE);
    }

    private static TestDevice registered() {
        int n = NUMBERS.incrementAndGet();
        return new TestDevice(portal::uri, portal.clock(), PublicJwk.Type.EC_P256, "android")
                .register(String.format("010-3%03d-%04d", n % 1000, n),
                        number -> portal.server().devices().smsInbox().orElseThrow().latestTo(number).orElseThrow().text());
    }

    private static Commands commands() {
        return portal.server().commands().commands();
    }

    private static CommandView view(UUID id) {
        return commands().view(id).orElseThrow();
    }

    private static UUID notifyDevice(TestDevice device) {
        return portal.server().database().fromTransaction(s -> commands().notify(s, device.id(),
                new Notice("test-notice", "via FCM")));
    }

    @Test
    void aWakeUpGoesOutAsAnFcmDataMessageWithTheExactWireFormat() {
        TestDevice phone = registered();
        int before = FCM.sentBodies().size();

        UUID command = notifyDevice(phone);

        Await.until("woken through FCM", () -> view(command).state() == CommandState.WOKEN);
        assertThat(FCM.failures()).isEmpty();
        String body = FCM.sentBodies().get(before);
        assertThat(body).contains("\"data\":{\"t\":\"sync\"}").contains("\"priority\":\"high\"")
                .contains("\"collapse_key\":\"sync\"").doesNotContain("via FCM");
    }

    @Test
    void anUnregisteredTokenIsDroppedAndQuotaErrorsWaitForRetryAfter() {
        TestDevice gone = registered();
        FCM.script(FakeFcmServer.Reply.unregistered());
        UUID dead = notifyDevice(gone);
        Await.until("dropped", () -> portal.server().devices().registry().pushAddressOf(gone.id()).isEmpty());
        Await.until("recorded", () -> view(dead).lastPushOutcome().isPresent());
        assertThat(view(dead).lastPushOutcome()).contains("DEAD_ADDRESS");

        TestDevice busy = registered();
        FCM.script(FakeFcmServer.Reply.quotaExceeded("30"));
        UUID slowed = notifyDevice(busy);
        Await.until("recorded", () -> view(slowed).lastPushOutcome().isPresent());
        assertThat(view(slowed).lastPushOutcome()).contains("RETRY");
        assertThat(view(slowed).nextWakeAt()).contains(view(slowed).lastPushAt().orElseThrow().plus(Duration.ofSeconds(30)));
        assertThat(FCM.failures()).isEmpty();
    }
}
