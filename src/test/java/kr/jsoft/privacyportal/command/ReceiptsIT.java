package kr.jsoft.privacyportal.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSObject;
import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import kr.jsoft.privacyportal.device.PublicJwk;
import kr.jsoft.privacyportal.testing.PortalFixture;
import kr.jsoft.privacyportal.testing.TestDevice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Receipts: signed by the device key, bound to the command, stored once; forgeries and replays refused. */
class ReceiptsIT {

    @RegisterExtension
    static PortalFixture portal = PortalFixture.builder()
            .setting("PORTAL_SMS_LIMIT_PER_ADDRESS", "10000")
            .build();

    private static final AtomicInteger NUMBERS = new AtomicInteger(300);

    private static TestDevice registered() {
        int n = NUMBERS.incrementAndGet();
        return new TestDevice(portal::uri, portal.clock(), PublicJwk.Type.EC_P256, "android")
                .register(String.format("010-5%03d-%04d", n % 1000, n),
                        number -> portal.server().devices().smsInbox().orElseThrow().latestTo(number).orElseThrow().text());
    }

    private static Commands commands() {
        return portal.server().commands().commands();
    }

    private record Fetched(UUID id, String nonce) {
    }

    private static Fetched wipeFor(TestDevice device) throws Exception {
        portal.server().database().fromTransaction(s -> commands().wipeAppData(s, device.id(), null, Commands.DEFAULT_EXPIRY));
        HttpResponse<String> fetched = device.signed("GET", "/api/v1/devices/" + device.deviceId() + "/commands", null);
        assertThat(fetched.statusCode()).isEqualTo(200);
        JsonNode commands = TestDevice.read(fetched.body()).get("commands");
        var claims = JWSObject.parse(commands.get(commands.size() - 1).asText()).getPayload().toJSONObject();
        return new Fetched(UUID.fromString((String) claims.get("jti")), (String) claims.get("nonce"));
    }

    private static String path(TestDevice device, UUID command) {
        return "/api/v1/devices/" + device.deviceId() + "/commands/" + command + "/receipts";
    }

    @Test
    void aRepeatedReceiptGetsTheStoredResultAndADifferentOneIsAConflict() throws Exception {
        TestDevice phone = registered();
        Fetched wipe = wipeFor(phone);
        String body = "{\"type\":\"completed\",\"nonce\":\"" + wipe.nonce() + "\",\"counts\":{\"contacts\":7}}";

        HttpResponse<String> first = phone.signed("POST", path(phone, wipe.id()), body);
        HttpResponse<String> again = phone.signed("POST", path(phone, wipe.id()), body);
        HttpResponse<String> other = phone.signed("POST", path(phone, wipe.id()),
                body.replace("7", "8"));

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(TestDevice.read(again.body())).isEqualTo(TestDevice.read(first.body()));
        assertThat(other.statusCode()).isEqualTo(409);
        assertThat(commands().view(wipe.id()).orElseThrow().counts()).containsEntry("contacts", 7L);
    }

    @Test
    void aReplayedReceiptSignatureIsRefused() throws Exception {
        TestDevice phone = registered();
        Fetched wipe = wipeFor(phone);
        String body = "{\"type\":\"started\",\"nonce\":\"" + wipe.nonce() + "\"}";
        String signature = phone.sign("POST", path(phone, wipe.id()), body, portal.clock());

        assertThat(phone.send("POST", path(phone, wipe.id()), body, signature).statusCode()).isEqualTo(201);
        HttpResponse<String> replay = phone.send("POST", path(phone, wipe.id()), body, signature);

        assertThat(replay.statusCode()).isEqualTo(401);
        assertThat(TestDevice.read(replay.body()).get("reason").asText()).isEqualTo("replayed");
    }

    @Test
    void aReceiptForgedByAnotherDeviceOrForAnotherDevicesCommandIsRefused() throws Exception {
        TestDevice owner = registered();
        TestDevice intruder = registered();
        Fetched wipe = wipeFor(owner);
        String body = "{\"type\":\"completed\",\"nonce\":\"" + wipe.nonce() + "\",\"counts\":{\"contacts\":0}}";

        // The intruder signs with its own key but claims to be the owner: the signature does not verify.
        String forged = intruder.sign("POST", path(owner, wipe.id()), body, portal.clock())
                .replaceFirst("^[^.]+", owner.sign("POST", path(owner, wipe.id()), body, portal.clock()).split("\\.")[0]);
        assertThat(owner.send("POST", path(owner, wipe.id()), body, forged).statusCode()).isEqualTo(401);
        // Signed honestly by the intruder, on the owner's path: a device may act only on itself.
        assertThat(intruder.send("POST", path(owner, wipe.id()), body,
                intruder.sign("POST", path(owner, wipe.id()), body, portal.clock())).statusCode()).isEqualTo(403);
        // On its own path, naming the owner's command: no such command for it.
        assertThat(intruder.signed("POST", path(intruder, wipe.id()), body).statusCode()).isEqualTo(404);
        // A body tampered with after signing.
        String signature = owner.sign("POST", path(owner, wipe.id()), body, portal.clock());
        assertThat(owner.send("POST", path(owner, wipe.id()), body.replace("0}", "5}"), signature).statusCode())
                .isEqualTo(401);

        assertThat(commands().view(wipe.id()).orElseThrow().state()).isEqualTo(CommandState.FETCHED);
    }

    @Test
    void aReceiptMustCarryTheCommandsNonceAndTheFieldsItsKindNeeds() throws Exception {
        TestDevice phone = registered();
        Fetched wipe = wipeFor(phone);

        HttpResponse<String> wrongNonce = phone.signed("POST", path(phone, wipe.id()),
                "{\"type\":\"completed\",\"nonce\":\"not-the-nonce\",\"counts\":{\"contacts\":1}}");
        HttpResponse<String> noCounts = phone.signed("POST", path(phone, wipe.id()),
                "{\"type\":\"completed\",\"nonce\":\"" + wipe.nonce() + "\"}");
        HttpResponse<String> negative = phone.signed("POST", path(phone, wipe.id()),
                "{\"type\":\"completed\",\"nonce\":\"" + wipe.nonce() + "\",\"counts\":{\"contacts\":-1}}");

        assertThat(wrongNonce.statusCode()).isEqualTo(422);
        assertThat(TestDevice.read(wrongNonce.body()).get("errors").get(0).get("pointer").asText()).isEqualTo("/nonce");
        assertThat(noCounts.statusCode()).isEqualTo(422);
        assertThat(negative.statusCode()).isEqualTo(422);
        assertThat(commands().view(wipe.id()).orElseThrow().state()).isEqualTo(CommandState.FETCHED);
    }

    @Test
    void anUnregisteredDevicesOpenCommandsFail() throws Exception {
        TestDevice phone = registered();
        Fetched wipe = wipeFor(phone);

        assertThat(phone.unregister().statusCode()).isEqualTo(204);

        CommandView failed = commands().view(wipe.id()).orElseThrow();
        assertThat(failed.state()).isEqualTo(CommandState.FAILED);
        assertThat(failed.failure()).contains("device erased");
        assertThat(failed.needsAttention()).isTrue();
    }
}
