package kr.jsoft.privacyportal.device;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import kr.jsoft.privacyportal.push.PushAddress;
import kr.jsoft.privacyportal.testing.ClearTextScan;
import kr.jsoft.privacyportal.testing.PortalFixture;
import kr.jsoft.privacyportal.testing.TestDevice;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The device API end to end on a real portal with the development SMS inbox. */
class DeviceApiIT {

    @RegisterExtension
    static PortalFixture portal = PortalFixture.builder()
            .setting("PORTAL_SMS_LIMIT_PER_ADDRESS", "10000")
            .setting("PORTAL_SMS_DAILY_BUDGET", "100000")
            .build();

    private static final AtomicInteger NUMBERS = new AtomicInteger(1000);
    private static final java.util.Set<String> NUMBERS_USED = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** A fresh Korean mobile number for each use, so tests do not share SMS limits. */
    static String newNumber() {
        int n = NUMBERS.incrementAndGet();
        String number = String.format("010-7%03d-%04d", n % 1000, n);
        NUMBERS_USED.add(number);
        return number;
    }

    private TestDevice device(String platform) {
        return new TestDevice(portal::uri, portal.clock(), PublicJwk.Type.EC_P256, platform);
    }

    private static DeviceFeature devices() {
        return portal.server().devices();
    }

    private static String sms(String number) {
        return devices().smsInbox().orElseThrow().latestTo(number).orElseThrow().text();
    }

    private static String codeFor(String number) {
        return TestDevice.codeIn(sms(number));
    }

    private static List<ActiveDevice> activeDevicesOf(String number) {
        return devices().registry().activeDevicesOf(devices().registry().phoneHashOf(number));
    }

    private static JsonNode json(HttpResponse<String> response) {
        return TestDevice.read(response.body());
    }

    @Test
    void registrationWithTheSmsCodeActivatesTheDevice() {
        String number = newNumber();
        TestDevice phone = device("android");
        java.time.Instant now = portal.clock().instant();

        HttpResponse<String> started = phone.startRegistration(number);

        assertThat(started.statusCode()).isEqualTo(201);
        assertThat(json(started).get("state").asText()).isEqualTo("pending");
        assertThat(java.time.Instant.parse(json(started).get("codeExpiresAt").asText()))
                .isEqualTo(now.plus(Duration.ofMinutes(10)));
        assertThat(sms(number)).matches("\\[Smart Callback\\] 인증번호 [0-9]{6} \\(10분 유효\\)");
        assertThat(activeDevicesOf(number)).isEmpty();
        assertThat(phone.checkIn().statusCode()).as("a pending device cannot act").isEqualTo(401);

        HttpResponse<String> confirmed = phone.confirm(codeFor(number));

        assertThat(confirmed.statusCode()).isEqualTo(200);
        assertThat(json(confirmed).get("deviceId").asText()).isEqualTo(phone.deviceId());
        assertThat(json(confirmed).get("state").asText()).isEqualTo("active");
        assertThat(activeDevicesOf(number)).extracting(ActiveDevice::id).containsExactly(phone.id());
        HttpResponse<String> checkIn = phone.checkIn();
        assertThat(checkIn.statusCode()).isEqualTo(200);
        assertThat(json(checkIn).get("commands").isArray()).isTrue();
        assertThat(json(checkIn).get("commands")).isEmpty();
        assertThat(phone.confirm(codeFor(number)).statusCode()).as("confirming twice").isEqualTo(409);
    }

    @Test
    void wrongCodesActivateNothingAndTheFifthVoidsTheRegistration() {
        String number = newNumber();
        TestDevice phone = device("android");
        phone.startRegistration(number);
        String right = codeFor(number);
        String wrong = right.equals("000000") ? "111111" : "000000";

        for (int triesLeft = 4; triesLeft >= 1; triesLeft--) {
            HttpResponse<String> refused = phone.confirm(wrong);
            assertThat(refused.statusCode()).isEqualTo(422);
            assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                    t -> assertThat(t).startsWith("application/problem+json"));
            assertThat(json(refused).get("triesLeft").asInt()).isEqualTo(triesLeft);
        }
        HttpResponse<String> fifth = phone.confirm(wrong);

        assertThat(fifth.statusCode()).isEqualTo(422);
        assertThat(json(fifth).get("detail").asText()).contains("wrong 5 times", "Start the registration again");
        assertThat(phone.confirm(right).statusCode()).as("the right code after five wrong ones").isEqualTo(401);
        assertThat(activeDevicesOf(number)).isEmpty();
    }

    @Test
    void theRightCodeWithinFiveTriesStillActivates() {
        String number = newNumber();
        TestDevice phone = device("android");
        phone.startRegistration(number);
        String right = codeFor(number);

        for (int i = 0; i < 4; i++) {
            assertThat(phone.confirm(right.equals("999999") ? "888888" : "999999").statusCode()).isEqualTo(422);
        }

        assertThat(phone.confirm(right).statusCode()).isEqualTo(200);
        assertThat(activeDevicesOf(number)).hasSize(1);
    }

    @Test
    void theCodeExpiresAfterTenMinutes() {
        String number = newNumber();
        TestDevice phone = device("ios");
        phone.startRegistration(number);
        String code = codeFor(number);
        portal.clock().advance(Duration.ofMinutes(10));

        HttpResponse<String> late = phone.confirm(code);

        assertThat(late.statusCode()).isEqualTo(410);
        assertThat(json(late).get("detail").asText()).contains("expired");
        assertThat(activeDevicesOf(number)).isEmpty();
        assertThat(phone.confirm(code).statusCode()).isEqualTo(401);
    }

    @Test
    void unconfirmedRegistrationsArePurgedWhenTheirCodeExpires() {
        String number = newNumber();
        TestDevice phone = device("android");
        phone.startRegistration(number);
        portal.clock().advance(Duration.ofMinutes(11));

        assertThat(devices().registry().purgeExpiredRegistrations()).isGreaterThanOrEqualTo(1);

        assertThat(devices().reports().lookUpByPhoneNumber(number, "test-staff", "127.0.0.1")).isEmpty();
    }

    @Test
    void badInputGetsAProblemNamingEveryInvalidFieldAndRegistersNothing() {
        TestDevice phone = device("android");
        ObjectNode body = phone.registrationBody("02-123-4567");
        body.put("platform", "blackberry");
        body.remove("appVersion");
        body.set("pushAddress", TestDevice.fcm("").put("type", "carrier-pigeon"));
        ObjectNode privateKey = (ObjectNode) TestDevice.read(DeviceKeys.generatePrivateKey(PublicJwk.Type.EC_P256));
        body.set("publicKey", privateKey);

        HttpResponse<String> response = phone.send("POST", "/api/v1/devices", body.toString(), null);

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        JsonNode problem = json(response);
        assertThat(problem.get("status").asInt()).isEqualTo(422);
        assertThat(problem.get("errors").findValuesAsText("pointer"))
                .containsExactlyInAnyOrder("/phoneNumber", "/platform", "/appVersion", "/pushAddress/type", "/publicKey");
        assertThat(problem.toString()).contains("never send the private key").doesNotContain("02-123-4567");
        assertThat(phone.send("POST", "/api/v1/devices", "{\"phoneNumber\":", null).statusCode()).isEqualTo(400);
        assertThat(phone.send("POST", "/api/v1/devices", "[]", null).statusCode()).isEqualTo(400);
        HttpResponse<String> text = portal.send(java.net.http.HttpRequest.newBuilder(portal.uri("/api/v1/devices"))
                .header("Content-Type", "text/plain").POST(java.net.http.HttpRequest.BodyPublishers.ofString("hello"))
                .build());
        assertThat(text.statusCode()).isEqualTo(415);
        assertThat(phone.send("POST", "/api/v1/devices", "{\"x\":\"" + "a".repeat(20_000) + "\"}", null).statusCode())
                .isEqualTo(413);
        assertThat(phone.send("GET", "/api/v1/devices", null, null).statusCode()).isEqualTo(405);
    }

    @Test
    void pushAddressMustFitThePlatformAndWebPushEndpointsMustBePublicHttps() {
        TestDevice iphone = device("ios").withPushAddress(TestDevice.webPush("https://push.example.net/x"));
        TestDevice browser = device("web").withPushAddress(TestDevice.fcm("token"));
        TestDevice intranet = device("web").withPushAddress(TestDevice.webPush("https://10.0.0.5/push"));
        TestDevice plain = device("android").withPushAddress(TestDevice.webPush("http://push.example.net/x"));

        assertThat(json(iphone.startRegistration(newNumber())).get("errors").findValuesAsText("pointer"))
                .containsExactly("/pushAddress/type");
        assertThat(json(browser.startRegistration(newNumber())).get("errors").findValuesAsText("pointer"))
                .containsExactly("/pushAddress/type");
        assertThat(json(intranet.startRegistration(newNumber())).get("errors").findValuesAsText("detail"))
                .singleElement().asString().contains("non-public address");
        assertThat(json(plain.startRegistration(newNumber())).get("errors").findValuesAsText("detail"))
                .singleElement().asString().contains("https");
    }

    @Test
    void aKeyThatBelongsToAnActiveDeviceCannotRegisterAgain() {
        TestDevice phone = device("android").register(newNumber(), DeviceApiIT::sms);

        assertThat(phone.startRegistration(newNumber()).statusCode()).isEqualTo(409);
    }

    @Test
    void missingBadOldReplayedOrMisdirectedSignaturesAreRefused() {
        TestDevice phone = device("android").register(newNumber(), DeviceApiIT::sms);
        TestDevice other = device("android").register(newNumber(), DeviceApiIT::sms);
        String path = "/api/v1/devices/" + phone.deviceId() + "/check-ins";
        String body = "{\"appVersion\":\"3.2.1\"}";
        TestDevice impostor = new TestDevice(portal::uri, portal.clock(), PublicJwk.Type.ED25519, "android");

        HttpResponse<String> missing = phone.send("POST", path, body, null);
        HttpResponse<String> bad = impostor.send("POST", path, body, forgedAs(impostor, phone, path, body));
        HttpResponse<String> old = phone.send("POST", path, body, phone.sign("POST", path, body,
                Clock.fixed(portal.clock().instant().minus(Duration.ofMinutes(6)), ZoneOffset.UTC)));
        HttpResponse<String> otherBody = phone.send("POST", path, "{\"appVersion\":\"9.9.9\"}",
                phone.sign("POST", path, body, portal.clock()));
        String once = phone.sign("POST", path, body, portal.clock());
        HttpResponse<String> first = phone.send("POST", path, body, once);
        HttpResponse<String> replayed = phone.send("POST", path, body, once);
        HttpResponse<String> misdirected = other.signed("POST", path, body);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(List.of(missing, bad, old, otherBody, replayed)).allSatisfy(response -> {
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Device-Signature");
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    t -> assertThat(t).startsWith("application/problem+json"));
        });
        assertThat(List.of(missing, bad, old, otherBody, replayed)).extracting(r -> json(r).get("reason").asText())
                .containsExactly("missing", "bad_signature", "stale", "wrong_request", "replayed");
        assertThat(misdirected.statusCode()).isEqualTo(403);
        assertThat(json(misdirected).get("detail").asText()).contains("kid names another device");
    }

    /** A signature by {@code signer}'s key that claims to come from {@code victim}. */
    private static String forgedAs(TestDevice signer, TestDevice victim, String path, String body) {
        String privateKey = DeviceKeys.generatePrivateKey(PublicJwk.Type.ED25519);
        return new DeviceRequestSigner(privateKey, victim.deviceId(), portal.clock())
                .sign("POST", path, body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void aSignedDestructionRequestWithAnUnknownMemberIsRefusedNamingItAndStartsNothing() {
        TestDevice phone = device("android").register(newNumber(), DeviceApiIT::sms);
        String path = "/api/v1/devices/" + phone.deviceId() + "/destruction-requests";
        long before = destructionRequests();

        HttpResponse<String> refused = phone.signed("POST", path,
                "{\"email\":\"owner@example.com\",\"lang\":\"ko\",\"foo\":1}");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(refused.body()).contains("foo");
        assertThat(destructionRequests()).as("no destruction started").isEqualTo(before);

        HttpResponse<String> accepted = phone.signed("POST", path,
                "{\"email\":\"owner@example.com\",\"lang\":\"ko\"}");
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        assertThat(destructionRequests()).isEqualTo(before + 1);
    }

    private static long destructionRequests() {
        return portal.server().database().fromTransaction(s -> ((Number) s.createNativeQuery(
                "select count(*) from destruction_request", Object.class).getSingleResult()).longValue());
    }

    @Test
    void tokenRefreshReplacesThePushAddress() {
        TestDevice phone = device("android").register(newNumber(), DeviceApiIT::sms);
        ObjectNode unifiedPush = TestDevice.webPush("https://up.example.org/up/" + java.util.UUID.randomUUID());

        HttpResponse<String> refreshed = phone.refreshPushAddress(unifiedPush);

        assertThat(refreshed.statusCode()).isEqualTo(204);
        assertThat(devices().registry().pushAddressOf(phone.id())).hasValueSatisfying(address -> {
            assertThat(address).isInstanceOf(PushAddress.WebPushSubscription.class);
            assertThat(((PushAddress.WebPushSubscription) address).endpoint().toString())
                    .isEqualTo(unifiedPush.get("endpoint").asText());
        });
        assertThat(phone.refreshPushAddress(TestDevice.fcm("new-token")).statusCode()).isEqualTo(204);
        assertThat(devices().registry().pushAddressOf(phone.id())).contains(new PushAddress.FcmToken("new-token"));
        assertThat(phone.refreshPushAddress(TestDevice.webPush("ftp://x")).statusCode()).isEqualTo(422);
    }

    @Test
    void unregisteringErasesTheDeviceAtOnceLeavingOnlyTheAuditTrail() {
        String number = newNumber();
        TestDevice phone = device("web").register(number, DeviceApiIT::sms);

        HttpResponse<String> response = phone.unregister();

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(activeDevicesOf(number)).isEmpty();
        assertThat(devices().registry().pushAddressOf(phone.id())).isEmpty();
        assertThat(devices().registry().activeKey(phone.id())).isEmpty();
        assertThat(phone.checkIn().statusCode()).isEqualTo(401);
        DeviceReports.DeviceHistory history = devices().reports().history(phone.id(), "test-staff", "127.0.0.1");
        assertThat(history.current()).isEmpty();
        assertThat(history.entries()).extracting(DeviceReports.HistoryEntry::action)
                .containsSubsequence("device.registration-started", "device.activated", "device.unregistered");
    }

    @Test
    void devicesThatStopCheckingInAreErasedAfterTheInactivityPeriod() {
        String number = newNumber();
        TestDevice silent = device("android").register(number, DeviceApiIT::sms);
        TestDevice faithful = device("android").register(number, DeviceApiIT::sms);
        portal.clock().advance(Duration.ofDays(60));
        assertThat(faithful.checkIn().statusCode()).isEqualTo(200);
        portal.clock().advance(Duration.ofDays(31));

        int erased = devices().registry().eraseInactive();

        assertThat(erased).isGreaterThanOrEqualTo(1);
        assertThat(activeDevicesOf(number)).extracting(ActiveDevice::id).containsExactly(faithful.id());
        assertThat(silent.checkIn().statusCode()).isEqualTo(401);
        assertThat(devices().reports().history(silent.id(), "test-staff", "127.0.0.1").entries())
                .extracting(DeviceReports.HistoryEntry::action).contains("device.erased-inactive");
    }

    @Test
    void lookupByPhoneNumberFindsTheDevicesInAnyNotationAndIsAccessLogged() {
        String number = newNumber();
        TestDevice first = device("android").register(number, DeviceApiIT::sms);
        TestDevice second = device("ios").register(number, DeviceApiIT::sms);
        String e164 = "+82" + number.replace("-", "").substring(1);

        List<DeviceSummary> found = devices().reports().lookUpByPhoneNumber(e164, "staff-7", "192.0.2.1");

        assertThat(found).extracting(DeviceSummary::id).containsExactlyInAnyOrder(first.id(), second.id());
        assertThat(found).allSatisfy(d -> assertThat(d.state()).isEqualTo(DeviceState.ACTIVE));
        assertThat(devices().reports().counts()).anySatisfy(count -> {
            assertThat(count.platform()).isEqualTo(DevicePlatform.IOS);
            assertThat(count.state()).isEqualTo(DeviceState.ACTIVE);
            assertThat(count.count()).isGreaterThanOrEqualTo(1);
        });
        assertThat(devices().reports().latestCheckIns(100)).extracting(DeviceSummary::id).contains(second.id());
        List<String> actions = portal.server().database().fromTransaction(s -> s.createSelectionQuery(
                "select e.action from AuditEntry e where e.actor = 'account:staff-7'", String.class).getResultList());
        assertThat(actions).containsExactly("device.looked-up-by-phone-number");
    }

    @Test
    void everyRouteOfTheTableIsServedAndTheOpenApiDocumentDescribesExactlyThem() {
        HttpResponse<String> document = portal.get("/api/v1/openapi.json");

        assertThat(document.statusCode()).isEqualTo(200);
        assertThat(document.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/json"));
        JsonNode paths = json(document).get("paths");
        java.util.Set<String> documented = new java.util.TreeSet<>();
        paths.fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method -> {
            if (List.of("get", "put", "post", "delete", "patch", "head", "options").contains(method)) {
                documented.add(method.toUpperCase(java.util.Locale.ROOT) + " " + path.getKey());
            }
        }));
        java.util.Set<String> routed = new java.util.TreeSet<>();
        for (DeviceApiRoute route : DeviceApiRoute.values()) {
            routed.add(route.method + " " + route.template);
            String concrete = route.template.replace("{deviceId}", java.util.UUID.randomUUID().toString())
                    .replace("{commandId}", java.util.UUID.randomUUID().toString());
            TestDevice nobody = device("android");
            HttpResponse<String> answer = nobody.send(route.method, concrete, null, null);
            assertThat(answer.statusCode()).as(route + " is served").isNotIn(404, 405);
            assertThat(answer.statusCode()).as(route + " needs a signature")
                    .isEqualTo(route.signing == DeviceApiRoute.Signing.NONE ? 400 : 401);
        }
        assertThat(documented).isEqualTo(routed);
    }

    @Test
    void theDatabaseHoldsNoClearPhoneNumberPushTokenOrEndpoint() throws Exception {
        String number = newNumber();
        String e164 = "+82" + number.replace("-", "").substring(1);
        TestDevice phone = device("android").withPushAddress(TestDevice.fcm("fcm-clear-token-must-not-be-stored"));
        phone.register(e164, n -> sms(number));
        TestDevice browser = device("web").register(number.replace("-", ""), n -> sms(number));
        phone.checkIn();
        phone.refreshPushAddress(TestDevice.webPush("https://clear-endpoint.example.net/must-not-be-stored"));
        TestDevice wrong = device("android");
        wrong.startRegistration(number.replace("-", " "));
        wrong.confirm("000000");
        devices().reports().lookUpByPhoneNumber(number, "staff-scan", "192.0.2.9");
        browser.unregister();

        List<String> needles = new java.util.ArrayList<>(ClearTextScan.notations(number));
        needles.addAll(List.of("fcm-clear-token", "clear-endpoint.example.net"));

        assertThat(ClearTextScan.find(portal, needles)).isEmpty();
        assertThat(ClearTextScan.find(portal, List.of("device.activated"))).as("the scan sees stored text")
                .isNotEmpty();
        assertThat(devices().registry().pushAddressOf(phone.id())).isPresent();
    }

    /** After every test of this class: none of the numbers any of them used is in the database in clear. */
    @AfterAll
    static void noNumberOfTheWholeRunIsStoredInClear() throws Exception {
        List<String> needles = NUMBERS_USED.stream().flatMap(n -> ClearTextScan.notations(n).stream()).toList();
        needles = new java.util.ArrayList<>(needles);
        needles.addAll(List.of("-token", "push.example.net", "up.example.org"));

        assertThat(ClearTextScan.find(portal, needles)).isEmpty();
    }
}
