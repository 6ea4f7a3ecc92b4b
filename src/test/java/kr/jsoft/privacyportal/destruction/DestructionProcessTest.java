package kr.jsoft.privacyportal.destruction;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.SignedJWT;
import io.micrometer.core.instrument.Timer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import kr.jsoft.privacyportal.PortalServer;
import kr.jsoft.privacyportal.Settings;
import kr.jsoft.privacyportal.command.CommandKind;
import kr.jsoft.privacyportal.command.Commands;
import kr.jsoft.privacyportal.device.DeviceCommandChannel;
import kr.jsoft.privacyportal.device.DeviceRegistry;
import kr.jsoft.privacyportal.device.RegisteredDevices;
import kr.jsoft.privacyportal.persistence.Database;
import kr.jsoft.privacyportal.sms.DevelopmentSmsInbox;
import kr.jsoft.privacyportal.testing.MutableClock;
import kr.jsoft.privacyportal.testing.PortalFixture;
import kr.jsoft.privacyportal.testing.TestDatabase;
import kr.jsoft.privacyportal.testing.TestDevice;
import kr.jsoft.privacyportal.web.Dates;
import kr.jsoft.privacyportal.web.Lang;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each background step of {@link DestructionProcess} and its handling of the devices' answers and
 * receipts, without a server: the real services, wired by the features' own factories, on a real
 * database (an H2 file, or PostgreSQL with -Ppostgresql), a clock the test moves, and the test in
 * the place of the phones (it fetches their signed commands and hands in their receipts through the
 * command channel). Each test makes its own requests for its own number and looks only at them.
 */
class DestructionProcessTest {
    private static final AtomicInteger NUMBERS = new AtomicInteger();

    @TempDir
    static Path dir;
    static final MutableClock clock = new MutableClock(PortalFixture.START);
    static TestDatabase testDatabase;
    static PortalServer portal;
    static Database database;
    static Commands commands;
    static DeviceCommandChannel channel;
    static DeviceRegistry registry;
    static RegisteredDevices devices;
    static DevelopmentSmsInbox inbox;
    static Certificates certificates;
    static DestructionIntake intake;
    static DestructionProcess process;
    /** How many requests had reached each outcome before the current test (the meters count for the class). */
    static Map<String, Long> finishedBefore = Map.of();

    /**
     * The portal as {@link PortalServer#create} wires it, never started: no port, no background
     * workers or jobs, so each step runs only when the test calls it.
     */
    @BeforeAll
    static void services() {
        testDatabase = TestDatabase.create(dir);
        Map<String, String> env = testDatabase.environment(dir);
        env.put("PORTAL_SMS_LIMIT_PER_ADDRESS", "10000");
        env.put("PORTAL_SMS_DAILY_BUDGET", "100000");
        env.put("PORTAL_DESTRUCTION_LIMIT_PER_ADDRESS", "10000");
        env.put("PORTAL_MANAGER_ALERT_EMAIL", "privacy-manager@jsoft.test");
        // A relay rather than the embedded development mailbox, which would start at once and, with the
        // server never started, never stop; nothing is sent (the mail dispatcher is not running either).
        env.put("PORTAL_SMTP_HOST", "127.0.0.1");
        portal = PortalServer.create(Settings.fromEnvironment(env), clock);
        database = portal.database();
        commands = portal.commands().commands();
        channel = portal.commands().channel();
        registry = portal.devices().registry();
        inbox = portal.devices().smsInbox().orElseThrow();
        devices = new RegisteredDevices(portal.devices());
        certificates = portal.destruction().certificates();
        intake = portal.destruction().intake();
        process = portal.destruction().process();
    }

    @BeforeEach
    void nothingFinishedYet() {
        finishedBefore = finishedCounts();
    }

    @AfterAll
    static void close() {
        portal.stop();
        testDatabase.close();
    }

    // ---- looking up the devices ----

    @Test
    void lookingUpAsksEveryDeviceOfTheNumberInBothLanguagesWithTheApprovalNumber() throws Exception {
        Asked asked = askedOnWebsite(2);

        DestructionRequest request = request(asked.request());
        assertThat(request.state()).isEqualTo(RequestState.AWAITING_APPROVAL);
        assertThat(request.deviceCount()).isEqualTo(2);
        for (UUID device : asked.devices()) {
            Map<String, Object> args = onlyCommand(device, CommandKind.APPROVE_REQUEST);
            assertThat(args).containsEntry("action", "destruction-request")
                    .containsEntry("number", request.approvalNumber());
            assertThat((String) args.get("message"))
                    .startsWith("누군가 이 휴대전화의 Smart Callback 데이터를 모두 영구 삭제해 달라고 요청했습니다.")
                    .contains(" / Someone asked to permanently delete all Smart Callback data on this phone.")
                    .doesNotContain("destruction.");
        }
    }

    @Test
    void aNumberWithoutDevicesWaitsForApprovalLikeAnyOtherAndIsCancelledWhenTheWindowEnds() {
        UUID id = onWebsite(newNumber());

        process.lookUpDevices();
        assertThat(request(id).state()).as("the same work whether or not the number has devices")
                .isEqualTo(RequestState.AWAITING_APPROVAL);
        assertThat(request(id).deviceCount()).isZero();

        clock.advance(DestructionIntake.APPROVAL_WINDOW.minusSeconds(1));
        process.cancelUnapproved();
        assertThat(request(id).state()).as("a second before the window ends").isEqualTo(RequestState.AWAITING_APPROVAL);

        clock.advance(Duration.ofSeconds(1));
        process.cancelUnapproved();
        DestructionRequest cancelled = request(id);
        assertThat(cancelled.state()).isEqualTo(RequestState.CANCELLED);
        assertThat(cancelled.emailSealed()).as("the requester's email is erased with the request").isNull();
        assertThat(cancelled.phoneHash()).isNull();
    }

    // ---- answers ----

    @Test
    void approvalOnOneDeviceSendsTheWipeToEveryDeviceOfTheNumber() throws Exception {
        Asked asked = askedOnWebsite(2);
        UUID approving = asked.devices().get(0);
        UUID other = asked.devices().get(1);
        UUID id = asked.request();

        answer(approving, "approve");

        DestructionRequest request = request(id);
        assertThat(request.state()).isEqualTo(RequestState.DESTROYING);
        assertThat(request.approvedAt()).isEqualTo(clock.instant());
        assertThat(onlyCommandToken(approving, CommandKind.WIPE_APP_DATA)).isNotBlank();
        assertThat(onlyCommandToken(other, CommandKind.WIPE_APP_DATA)).isNotBlank();
    }

    @Test
    void aRefusalOnAnyDeviceCancelsTheRequest() throws Exception {
        Asked asked = askedOnWebsite(2);
        UUID refusing = asked.devices().get(0);
        UUID id = asked.request();

        answer(refusing, "refuse");

        assertThat(request(id).state()).isEqualTo(RequestState.CANCELLED);
        assertThat(finished()).containsExactly("cancelled");
    }

    @Test
    void anApprovalAfterTheWindowEndedIsTooLateAndTheRequestEndsUnapproved() throws Exception {
        Asked asked = askedOnWebsite(1);
        UUID device = asked.devices().get(0);
        UUID id = asked.request();
        String prompt = onlyCommandToken(device, CommandKind.APPROVE_REQUEST);

        clock.advance(Duration.between(clock.instant(), request(id).approvalDueAt()));
        assertThat(receipt(device, idOf(prompt), "{\"type\":\"completed\",\"nonce\":\"" + nonceOf(prompt)
                + "\",\"answer\":\"approve\"}")).isInstanceOf(DeviceCommandChannel.ReceiptResult.Conflict.class);
        process.cancelUnapproved();

        assertThat(request(id).state()).isEqualTo(RequestState.CANCELLED);
        assertThat(request(id).approvedAt()).isNull();
        assertThat(pending(device)).extracting(DestructionProcessTest::kind)
                .doesNotContain(CommandKind.WIPE_APP_DATA.name());
    }

    // ---- wipes, erasure of the portal's records, completion ----

    @Test
    void confirmedWipesEraseTheDevicesAndCompleteTheRequestWithACertificateMailedOnce() throws Exception {
        Asked asked = askedOnWebsite(2);
        UUID first = asked.devices().get(0);
        UUID second = asked.devices().get(1);
        UUID id = asked.request();
        answer(first, "approve");

        wiped(first, 25);
        process.eraseDestroyedDevices();
        process.completeFinished();
        assertThat(request(id).state()).as("one device still wiping").isEqualTo(RequestState.DESTROYING);
        assertThat(registry.activeDevice(first)).as("the wiped device's records go at once").isEmpty();
        wiped(second, 3);
        process.completeFinished();
        assertThat(request(id).state()).as("wiped but the portal still holds the devices")
                .isEqualTo(RequestState.DESTROYING);

        process.eraseDestroyedDevices();
        assertThat(registry.activeDevice(second)).isEmpty();
        process.completeFinished();

        DestructionRequest done = request(id);
        assertThat(done.state()).isEqualTo(RequestState.COMPLETED);
        assertThat(done.outcome()).isEqualTo(Outcome.COMPLETED);
        assertThat(done.wipedCount()).isEqualTo(2);
        assertThat(done.emailSealed()).as("the email leaves the request once the certificate is queued").isNull();
        assertThat(done.certificateMailId()).isNotNull();
        Certificates.Facts facts = certificates.verify(done.certificate()).facts().orElseThrow();
        assertThat(facts.reference()).isEqualTo(done.reference());
        assertThat(facts.devices()).isEqualTo(2);
        assertThat(facts.wiped()).isEqualTo(2);
        assertThat(facts.notConfirmed()).isEmpty();
        assertThat(facts.receipts()).extracting(Certificates.Receipt::sha256).doesNotContainNull();
        assertThat(finished()).containsExactly("completed");
    }

    @Test
    void aWipeThatExpiresUnconfirmedEndsThePartialRequestWithTheDeviceNamedNotConfirmed() throws Exception {
        Asked asked = askedOnWebsite(2);
        UUID wiping = asked.devices().get(0);
        UUID silent = asked.devices().get(1);
        UUID id = asked.request();
        answer(wiping, "approve");
        wiped(wiping, 7);

        clock.advance(Duration.ofDays(9).plusMinutes(1));
        commands.expireOverdue();
        process.eraseDestroyedDevices();
        process.completeFinished();

        DestructionRequest done = request(id);
        assertThat(done.state()).isEqualTo(RequestState.COMPLETED);
        assertThat(done.outcome()).isEqualTo(Outcome.PARTIAL);
        Certificates.Facts facts = certificates.verify(done.certificate()).facts().orElseThrow();
        assertThat(facts.wiped()).isEqualTo(1);
        assertThat(facts.notConfirmed()).containsExactly(position(id, silent));
        assertThat(registry.activeDevice(silent)).as("an unconfirmed device's records go too").isEmpty();
    }

    @Test
    void theCertificateMailIsErasedFromTheOutboxOnlyOnceItIsFinished() throws Exception {
        Asked asked = askedOnWebsite(1);
        UUID device = asked.devices().get(0);
        UUID id = asked.request();
        answer(device, "approve");
        wiped(device, 1);
        process.eraseDestroyedDevices();
        process.completeFinished();
        UUID mail = request(id).certificateMailId();

        process.eraseSentCertificateMails();
        assertThat(request(id).certificateMailId()).as("still waiting to be sent").isEqualTo(mail);
    }

    // ---- the 60-second promise ----

    @Test
    void aRequestAnOnlineDeviceHasNotConfirmedSixtySecondsAfterApprovalIsFlaggedOnce() throws Exception {
        Asked asked = askedOnWebsite(1);
        UUID device = asked.devices().get(0);
        UUID id = asked.request();
        answer(device, "approve");
        channel.deliverPending(device);

        clock.advance(DestructionProcess.PROMISE.minusSeconds(1));
        process.checkPromise();
        assertThat(request(id).promiseMissedAt()).as("59 s after approval").isNull();

        clock.advance(Duration.ofSeconds(1));
        process.checkPromise();
        assertThat(request(id).promiseMissedAt()).isEqualTo(clock.instant());

        clock.advance(Duration.ofMinutes(5));
        process.checkPromise();
        assertThat(request(id).promiseMissedAt()).as("flagged once").isEqualTo(clock.instant().minus(
                Duration.ofMinutes(5)));
    }

    @Test
    void aRequestWhoseDevicesAreOfflineIsNotFlagged() throws Exception {
        Asked asked = askedOnWebsite(1);
        UUID device = asked.devices().get(0);
        UUID id = asked.request();
        answer(device, "approve");

        clock.advance(Duration.ofMinutes(10));
        process.checkPromise();

        assertThat(request(id).promiseMissedAt()).as("the wipe was never fetched").isNull();
    }

    // ---- without the device: the waiting period ----

    @Test
    void aNumberProvenWithoutTheDeviceIsAnnouncedToItsDevicesInTheirWordsAndWipedWhenTheWaitingPeriodEnds()
            throws Exception {
        String number = newNumber();
        UUID device = devices.activate(number);
        UUID id = provenBySms(number);
        DestructionRequest waiting = request(id);
        assertThat(waiting.state()).isEqualTo(RequestState.WAITING_PERIOD);

        process.lookUpDevices();

        Map<String, Object> announced = onlyCommand(device, CommandKind.NOTIFY);
        assertThat(announced).containsEntry("code", "destruction-announced");
        assertThat((String) announced.get("message"))
                .contains(Dates.dateTime(waiting.windowEndsAt(), Lang.KO) + "에 삭제됩니다.")
                .contains("It will be deleted on " + Dates.dateTime(waiting.windowEndsAt(), Lang.EN) + ".");
        assertThat(onlyCommand(device, CommandKind.APPROVE_REQUEST)).containsEntry("action", "destruction-cancel");
        assertThat(request(id).phoneHash()).as("the number's hash goes once its devices are known").isNull();

        clock.advance(Duration.between(clock.instant(), waiting.windowEndsAt()).minusSeconds(1));
        process.endWaitingPeriods();
        assertThat(request(id).state()).isEqualTo(RequestState.WAITING_PERIOD);

        clock.advance(Duration.ofSeconds(1));
        process.endWaitingPeriods();
        assertThat(request(id).state()).isEqualTo(RequestState.DESTROYING);
        assertThat(pending(device)).extracting(DestructionProcessTest::kind).contains(CommandKind.WIPE_APP_DATA.name());
    }

    @Test
    void approvingTheCancelQuestionDuringTheWaitingPeriodCancelsTheWipe() throws Exception {
        String number = newNumber();
        UUID device = devices.activate(number);
        UUID id = provenBySms(number);
        process.lookUpDevices();

        answer(device, "approve");

        assertThat(request(id).state()).isEqualTo(RequestState.CANCELLED);
        clock.advance(Duration.ofDays(4));
        process.endWaitingPeriods();
        assertThat(request(id).state()).isEqualTo(RequestState.CANCELLED);
        assertThat(pending(device)).extracting(DestructionProcessTest::kind)
                .doesNotContain(CommandKind.WIPE_APP_DATA.name());
    }

    // ---- the test as requester and as phone ----

    /**
     * The outcomes of the requests that reached their final state during this test, once per
     * request: what the process recorded into the destruction latency timer since the test began.
     */
    private static List<String> finished() {
        List<String> outcomes = new ArrayList<>();
        finishedCounts().forEach((outcome, count) -> {
            for (long i = finishedBefore.getOrDefault(outcome, 0L); i < count; i++) {
                outcomes.add(outcome);
            }
        });
        return outcomes;
    }

    private static Map<String, Long> finishedCounts() {
        return portal.metrics().registry().find(DestructionMetrics.LATENCY).timers().stream()
                .collect(Collectors.toMap(t -> t.getId().getTag("outcome"), Timer::count, Long::sum));
    }

    /** A fresh number for each test (the database is this class's own). */
    private static String newNumber() {
        return String.format("010-6100-%04d", NUMBERS.incrementAndGet());
    }

    /** A website request, looked up: its number's active devices have been asked to approve. */
    private record Asked(UUID request, List<UUID> devices) {
    }

    /** A website request for a fresh number with {@code count} active devices, after the look-up step. */
    private static Asked askedOnWebsite(int count) {
        String number = newNumber();
        List<UUID> active = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            active.add(devices.activate(number));
        }
        UUID id = onWebsite(number);
        process.lookUpDevices();
        return new Asked(id, List.copyOf(active));
    }

    private static UUID onWebsite(String number) {
        return intake.requestOnWebsite(number, "requester@example.com", Lang.KO, "192.0.2.7").id();
    }

    private static UUID provenBySms(String number) {
        DestructionViews.Submitted submitted = intake.requestWithSmsCode(number, "requester@example.com", Lang.EN,
                "192.0.2.7");
        String code = TestDevice.codeIn(inbox.latestTo(number).orElseThrow().text());
        assertThat(intake.confirmCode(submitted.statusToken(), code)).isEqualTo(DestructionIntake.CodeResult.CONFIRMED);
        return submitted.id();
    }

    private static DestructionRequest request(UUID id) {
        return database.fromTransaction(session -> session.find(DestructionRequest.class, id));
    }

    private static int position(UUID requestId, UUID deviceId) {
        return database.fromTransaction(session -> DestructionRecords.device(session, requestId, deviceId)
                .orElseThrow().position());
    }

    /** The device fetches its signed commands (which marks them fetched). */
    private static List<String> pending(UUID device) {
        return channel.deliverPending(device);
    }

    private static String onlyCommandToken(UUID device, CommandKind kind) {
        List<String> ofKind = pending(device).stream().filter(c -> kind(c).equals(kind.name())).toList();
        assertThat(ofKind).as(kind + " commands pending for the device").hasSize(1);
        return ofKind.get(0);
    }

    private static Map<String, Object> onlyCommand(UUID device, CommandKind kind) throws ParseException {
        return SignedJWT.parse(onlyCommandToken(device, kind)).getJWTClaimsSet().getJSONObjectClaim("args");
    }

    private static String kind(String signedCommand) {
        try {
            return SignedJWT.parse(signedCommand).getJWTClaimsSet().getStringClaim("cmd");
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String nonceOf(String signedCommand) throws ParseException {
        return SignedJWT.parse(signedCommand).getJWTClaimsSet().getStringClaim("nonce");
    }

    private static UUID idOf(String signedCommand) throws ParseException {
        return UUID.fromString(SignedJWT.parse(signedCommand).getJWTClaimsSet().getJWTID());
    }

    /** The phone answers its approval prompt ("approve" or "refuse"). */
    private static void answer(UUID device, String answer) throws ParseException {
        String command = onlyCommandToken(device, CommandKind.APPROVE_REQUEST);
        String nonce = nonceOf(command);
        accepted(device, idOf(command), "{\"type\":\"completed\",\"nonce\":\"" + nonce + "\",\"answer\":\"" + answer
                + "\"}");
    }

    /** The phone wipes the app's data and says how much it deleted. */
    private static void wiped(UUID device, int contacts) throws ParseException {
        String command = onlyCommandToken(device, CommandKind.WIPE_APP_DATA);
        accepted(device, idOf(command), "{\"type\":\"completed\",\"nonce\":\"" + nonceOf(command)
                + "\",\"counts\":{\"contacts\":" + contacts + "}}");
    }

    /** The signature was checked by the device API before this point; the channel stores what it is given. */
    private static DeviceCommandChannel.ReceiptResult receipt(UUID device, UUID command, String body) {
        return channel.acceptReceipt(device, command, new DeviceCommandChannel.SignedReceipt("test-signature",
                body.getBytes(StandardCharsets.UTF_8), "test-key"));
    }

    private static void accepted(UUID device, UUID command, String body) {
        assertThat(receipt(device, command, body)).as("the portal takes the receipt " + body)
                .isInstanceOf(DeviceCommandChannel.ReceiptResult.Accepted.class);
    }
}
