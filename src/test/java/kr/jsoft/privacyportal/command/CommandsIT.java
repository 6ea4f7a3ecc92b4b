package kr.jsoft.privacyportal.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JWSObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import kr.jsoft.privacyportal.crypto.PortalKeys;
import kr.jsoft.privacyportal.device.PublicJwk;
import kr.jsoft.privacyportal.device.TestDevice;
import kr.jsoft.privacyportal.push.FakeWebPushServer;
import kr.jsoft.privacyportal.push.P256Keys;
import kr.jsoft.privacyportal.push.PushAddress;
import kr.jsoft.privacyportal.simulator.ApprovalRule;
import kr.jsoft.privacyportal.simulator.DeviceStore;
import kr.jsoft.privacyportal.simulator.ReferenceDevice;
import kr.jsoft.privacyportal.testing.PortalFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The command channel end to end: the portal, the reference device in-process, a fake Web Push service. */
class CommandsIT {

    @RegisterExtension
    static PortalFixture portal = PortalFixture.builder()
            .setting("PORTAL_PUSH_ALLOW_PRIVATE_ENDPOINTS", "true")
            .setting("PORTAL_SMS_LIMIT_PER_ADDRESS", "10000")
            .setting("PORTAL_SMS_DAILY_BUDGET", "100000")
            .build();

    private static final AtomicInteger NUMBERS = new AtomicInteger(100);

    @TempDir
    Path dir;
    private final List<ReferenceDevice> devices = new CopyOnWriteArrayList<>();
    private FakeWebPushServer pushService;

    @BeforeEach
    void startPushService() throws Exception {
        byte[] auth = new byte[16];
        new SecureRandom().nextBytes(auth);
        ECPublicKey vapid = portal.server().cores().keys().ecKey(PortalKeys.VAPID).toECPublicKey();
        pushService = new FakeWebPushServer(portal.clock(), P256Keys.generate(new SecureRandom()), auth,
                P256Keys.encode(vapid));
    }

    @AfterEach
    void stop() {
        devices.forEach(ReferenceDevice::close);
        pushService.close();
    }

    static String newNumber() {
        int n = NUMBERS.incrementAndGet();
        return String.format("010-6%03d-%04d", n % 1000, n);
    }

    private static Commands commands() {
        return portal.server().commands().commands();
    }

    private static String code(String number) {
        return TestDevice.codeIn(portal.server().devices().smsInbox().orElseThrow().latestTo(number).orElseThrow().text());
    }

    private ReferenceDevice referenceDevice(String number, ApprovalRule rule) throws Exception {
        ReferenceDevice device = new ReferenceDevice(portal.uri("/"),
                new DeviceStore(dir.resolve(UUID.randomUUID().toString())).seed(25, 3), rule, portal.clock(),
                System.out).start();
        devices.add(device);
        return device.register(number, CommandsIT::code);
    }

    private static CommandView view(UUID command) {
        return commands().view(command).orElseThrow();
    }

    private static UUID queue(java.util.function.Function<org.hibernate.Session, UUID> work) {
        return portal.server().database().fromTransaction(work);
    }

    /** A device registered through the API whose push address is the fake push service's subscription. */
    private TestDevice deviceAtFakePushService() {
        PushAddress.WebPushSubscription sub = pushService.subscription(UUID.randomUUID().toString());
        ObjectNode address = TestDevice.webPush(sub.endpoint().toString());
        ((ObjectNode) address.get("keys")).put("p256dh", Base64.getUrlEncoder().withoutPadding()
                .encodeToString(sub.p256dh())).put("auth", Base64.getUrlEncoder().withoutPadding()
                .encodeToString(sub.auth()));
        String number = newNumber();
        return new TestDevice(portal::uri, portal.clock(), PublicJwk.Type.EC_P256, "android")
                .withPushAddress(address).register(number, n -> portal.server().devices().smsInbox().orElseThrow()
                        .latestTo(n).orElseThrow().text());
    }

    @Test
    void aNotifyWakesTheReferenceDeviceWhichShowsItAndSignsTheReceipt() throws Exception {
        ReferenceDevice phone = referenceDevice(newNumber(), ApprovalRule.approve());

        UUID command = queue(s -> commands().notify(s, UUID.fromString(phone.deviceId()),
                new Notice("test-notice", "Hello from the portal")));

        Await.until("the device completed the NOTIFY", () -> view(command).state() == CommandState.COMPLETED);
        Await.until("the device recorded what it did", () -> !phone.handled().isEmpty());
        assertThat(phone.wakeUps()).isPositive();
        assertThat(phone.handled()).extracting(ReferenceDevice.Handled::outcome).containsExactly("shown");
        CommandView done = view(command);
        assertThat(done.wokenAt()).isPresent();
        assertThat(done.fetchedAt()).isPresent();
        assertThat(done.nextWakeAt()).as("no more wake-ups once completed").isEmpty();
    }

    @Test
    void anApprovalComesBackSignedAndTheListenerHearsItInTheReceiptsTransaction() throws Exception {
        ReferenceDevice phone = referenceDevice(newNumber(), ApprovalRule.parse("match:42", null, null));
        List<CommandView> heard = new CopyOnWriteArrayList<>();
        String reference = "test-approval:" + UUID.randomUUID();
        commands().listen((session, changed) -> {
            if (changed.reference().filter(reference::equals).isPresent()) {
                assertThat(session.getTransaction().isActive()).isTrue();
                heard.add(changed);
            }
        });

        UUID approved = queue(s -> commands().approveRequest(s, UUID.fromString(phone.deviceId()),
                new ApprovalPrompt("destruction-request", "Destroy the app data?", "42"), reference, Duration.ofDays(1)));
        UUID refused = queue(s -> commands().approveRequest(s, UUID.fromString(phone.deviceId()),
                new ApprovalPrompt("destruction-request", "Destroy the app data?", "17"), reference, Duration.ofDays(1)));

        Await.until("both answers arrived", () -> heard.size() == 2
                && view(approved).state() == CommandState.COMPLETED && view(refused).state() == CommandState.COMPLETED);
        assertThat(view(approved).answer()).contains(Answer.APPROVED);
        assertThat(view(refused).answer()).contains(Answer.REFUSED);
        assertThat(heard).extracting(CommandView::state).containsOnly(CommandState.COMPLETED);
        List<CommandView> byReference = portal.server().database().fromTransaction(s -> commands().byReference(s, reference));
        assertThat(byReference).extracting(CommandView::id).containsExactlyInAnyOrder(approved, refused);
    }

    @Test
    void aWipeDeletesTheStoreAfterAStartedReceiptAndReportsTheCounts() throws Exception {
        ReferenceDevice phone = referenceDevice(newNumber(), ApprovalRule.approve());

        UUID command = queue(s -> commands().wipeAppData(s, UUID.fromString(phone.deviceId()), "wipe-test",
                Commands.DEFAULT_EXPIRY));

        Await.until("the wipe completed", () -> view(command).state() == CommandState.COMPLETED);
        assertThat(phone.store().counts()).containsEntry("contacts", 0L).containsEntry("cardImages", 0L);
        CommandView done = view(command);
        assertThat(done.counts()).containsEntry("contacts", 25L).containsEntry("cardImages", 3L);
        assertThat(done.startedAt()).isPresent();
        assertThat(done.startedAt().orElseThrow()).isBeforeOrEqualTo(done.finishedAt().orElseThrow());
        CommandDetail detail = commands().detail(command, "manager-1", "127.0.0.1").orElseThrow();
        assertThat(detail.receipts()).extracting(ReceiptView::type).containsExactly("started", "completed");
        ReceiptView completed = detail.receipts().get(1);
        assertThat(JWSObject.parse(completed.deviceSignature()).getPayload().toJSONObject().get("bd"))
                .as("the stored signature covers the stored body").isEqualTo(completed.bodyDigest());
        assertThat(detail.wakeUps()).extracting(WakeUpView::outcome).contains("DELIVERED");
    }

    @Test
    void aNewDeviceUnderTheSameNumberIsAnnouncedToTheFirstThroughTheChannel() throws Exception {
        String number = newNumber();
        ReferenceDevice first = referenceDevice(number, ApprovalRule.approve());

        referenceDevice(number, ApprovalRule.approve());

        Await.until("the first device showed the notice", () -> !first.handled().isEmpty());
        assertThat(first.handled()).extracting(ReferenceDevice.Handled::kind).containsExactly("NOTIFY");
        List<CommandView> history = commands().historyOf(UUID.fromString(first.deviceId()), "manager-1", "127.0.0.1");
        assertThat(history).singleElement().satisfies(c -> assertThat(c.reference().orElseThrow()).startsWith("new-device:"));
    }

    @Test
    void anOfflineDeviceGetsItsCommandAtTheNextCheckIn() {
        // An FCM device on a portal without FCM configured: every push is a configuration error.
        TestDevice phone = new TestDevice(portal::uri, portal.clock(), PublicJwk.Type.EC_P256, "android")
                .register(newNumber(), n -> portal.server().devices().smsInbox().orElseThrow().latestTo(n).orElseThrow().text());
        UUID command = queue(s -> commands().notify(s, phone.id(), new Notice("test-notice", "You were offline")));
        Await.until("the wake-up was attempted", () -> view(command).wakeUps() > 0);
        assertThat(view(command).state()).isEqualTo(CommandState.QUEUED);
        assertThat(view(command).lastPushOutcome()).contains("CONFIG_ERROR");

        HttpResponse<String> checkIn = phone.checkIn();

        JsonNode commands = TestDevice.read(checkIn.body()).get("commands");
        assertThat(commands).hasSize(1);
        assertThat(commands.get(0).asText()).contains(".");
        assertThat(view(command).state()).isEqualTo(CommandState.FETCHED);
        assertThat(view(command).nextWakeAt()).as("wake-ups go on until it completes").isPresent();
    }

    @Test
    void aDeadPushAddressIsDroppedButThePendingCommandWaitsForTheNextCheckIn() {
        TestDevice phone = deviceAtFakePushService();
        pushService.script(FakeWebPushServer.Reply.status(410));

        UUID command = queue(s -> commands().notify(s, phone.id(), new Notice("test-notice", "Your address died")));

        Await.until("the address was dropped",
                () -> portal.server().devices().registry().pushAddressOf(phone.id()).isEmpty());
        Await.until("the attempt was recorded", () -> view(command).wakeUps() > 0);
        assertThat(view(command).lastPushOutcome()).contains("DEAD_ADDRESS");
        assertThat(portal.server().devices().registry().activeKey(phone.id())).as("the device stays").isPresent();

        JsonNode commands = TestDevice.read(phone.checkIn().body()).get("commands");

        assertThat(commands).hasSize(1);
        assertThat(view(command).state()).isEqualTo(CommandState.FETCHED);
    }

    @Test
    void retryAfterIsHonouredAndOtherwiseTheBackOffIsJitteredOnTheControllableClock() {
        TestDevice phone = deviceAtFakePushService();
        pushService.script(FakeWebPushServer.Reply.retryAfter(429, "120"), FakeWebPushServer.Reply.status(503));
        java.time.Instant queuedAt = portal.clock().instant();

        UUID command = queue(s -> commands().notify(s, phone.id(), new Notice("test-notice", "Slow down")));

        Await.until("the 429 was recorded", () -> view(command).wakeUps() == 1);
        assertThat(view(command).lastPushOutcome()).contains("RETRY");
        assertThat(view(command).nextWakeAt()).contains(queuedAt.plusSeconds(120));

        portal.clock().advance(Duration.ofSeconds(120));
        portal.server().commands().wakeUps().dispatchDue();
        Await.until("the 503 was recorded", () -> view(command).wakeUps() == 2);
        java.time.Instant retryAt = view(command).nextWakeAt().orElseThrow();
        java.time.Instant at503 = view(command).lastPushAt().orElseThrow();
        assertThat(Duration.between(at503, retryAt)).as("second retry: 2 s base, equal jitter")
                .isBetween(Duration.ofSeconds(1), Duration.ofSeconds(2));

        portal.clock().advance(Duration.ofSeconds(2));
        portal.server().commands().wakeUps().dispatchDue();
        Await.until("the wake-up was delivered", () -> view(command).state() == CommandState.WOKEN);
        assertThat(view(command).nextWakeAt()).contains(view(command).lastPushAt().orElseThrow().plus(Duration.ofMinutes(1)));
        assertThat(pushService.failures()).isEmpty();
        assertThat(pushService.received()).extracting(FakeWebPushServer.Received::payload).containsOnly("{\"t\":\"sync\"}");
    }

    @Test
    void aCommandNobodyCompletesExpiresAndTheManagerSeesItHighlighted() {
        TestDevice phone = deviceAtFakePushService();
        UUID command = queue(s -> commands().wipeAppData(s, phone.id(), null, Duration.ofHours(1)));
        Await.until("woken", () -> view(command).state() == CommandState.WOKEN);
        assertThat(commands().retryWakeUp(command, "manager-1", "127.0.0.1")).isEqualTo(Commands.RetryResult.SCHEDULED);

        portal.clock().advance(Duration.ofHours(2));
        commands().expireOverdue();

        assertThat(view(command).state()).isEqualTo(CommandState.EXPIRED);
        assertThat(view(command).needsAttention()).isTrue();
        assertThat(commands().retryWakeUp(command, "manager-1", "127.0.0.1")).isEqualTo(Commands.RetryResult.FINISHED);
        assertThat(TestDevice.read(phone.checkIn().body()).get("commands")).isEmpty();
    }

    @Test
    void theJwksPublishesOnlyThePublicSigningKey() {
        HttpResponse<String> jwks = portal.get("/.well-known/jwks.json");

        assertThat(jwks.statusCode()).isEqualTo(200);
        JsonNode keys = TestDevice.read(jwks.body()).get("keys");
        assertThat(keys).singleElement().satisfies(key -> {
            assertThat(key.get("kid").asText()).isEqualTo(PortalKeys.SIGNING);
            assertThat(key.has("d")).isFalse();
        });
    }
}
