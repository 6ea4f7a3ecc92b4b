package kr.jsoft.privacyportal.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kr.jsoft.privacyportal.device.DeviceKeys;
import kr.jsoft.privacyportal.device.DeviceRequestSigner;
import kr.jsoft.privacyportal.device.PublicJwk;
import kr.jsoft.privacyportal.push.P256Keys;

/**
 * The app's side of the device API, for tests: generates a key pair, registers with a phone
 * number, signs every later call with {@link DeviceRequestSigner}. The seed of the reference
 * device simulator (issue 9).
 */
public final class TestDevice {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CODE = Pattern.compile("(?<![0-9])([0-9]{6})(?![0-9])");

    private final Function<String, URI> portal;
    private final Clock clock;
    /**
     * One client for every test device of the JVM: its pooled connections are reused across devices,
     * where a client per device left one idle keep-alive connection per device open on the portal
     * until the per-address connection limit refused the next one.
     */
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final HttpClient http = HTTP;
    private final String privateKey;
    private final String platform;
    private ObjectNode pushAddress;
    private String deviceId;

    /**
     * @param portal   resolves a path such as {@code /api/v1/devices} to the portal's address
     * @param clock    the clock the signatures' {@code iat} comes from (the portal's test clock)
     * @param keyType  the device key's type
     * @param platform {@code android}, {@code ios} or {@code web}
     */
    public TestDevice(Function<String, URI> portal, Clock clock, PublicJwk.Type keyType, String platform) {
        this.portal = portal;
        this.clock = clock;
        this.privateKey = DeviceKeys.generatePrivateKey(keyType);
        this.platform = platform;
        this.pushAddress = "web".equals(platform) ? webPush("https://push.example.net/wpush/" + UUID.randomUUID())
                : fcm("fcm-" + UUID.randomUUID() + "-token");
    }

    public static ObjectNode fcm(String token) {
        return JSON.createObjectNode().put("type", "fcm").put("token", token);
    }

    public static ObjectNode webPush(String endpoint) {
        java.security.SecureRandom random = new java.security.SecureRandom();
        byte[] auth = new byte[16];
        random.nextBytes(auth);
        ObjectNode node = JSON.createObjectNode().put("type", "webpush").put("endpoint", endpoint);
        node.putObject("keys")
                .put("p256dh", Base64.getUrlEncoder().withoutPadding()
                        .encodeToString(P256Keys.encode((java.security.interfaces.ECPublicKey) P256Keys.generate(random).getPublic())))
                .put("auth", Base64.getUrlEncoder().withoutPadding().encodeToString(auth));
        return node;
    }

    public String deviceId() {
        return deviceId;
    }

    public UUID id() {
        return UUID.fromString(deviceId);
    }

    public ObjectNode pushAddress() {
        return pushAddress.deepCopy();
    }

    public TestDevice withPushAddress(ObjectNode address) {
        this.pushAddress = address;
        return this;
    }

    /** The public key as the registration sends it. */
    public JsonNode publicKey() {
        return read(DeviceKeys.publicKeyOf(privateKey));
    }

    public ObjectNode registrationBody(String phoneNumber) {
        ObjectNode body = JSON.createObjectNode();
        body.put("phoneNumber", phoneNumber);
        body.put("platform", platform);
        body.put("appVersion", "3.2.1");
        body.set("pushAddress", pushAddress);
        body.set("publicKey", publicKey());
        return body;
    }

    /** Step 1: asks for a code; remembers the device id the portal answers. */
    public HttpResponse<String> startRegistration(String phoneNumber) {
        HttpResponse<String> response = send("POST", "/api/v1/devices", registrationBody(phoneNumber).toString(), null);
        if (response.statusCode() == 201) {
            deviceId = read(response.body()).get("deviceId").asText();
        }
        return response;
    }

    /** Step 2: returns the code, signed with the device key. */
    public HttpResponse<String> confirm(String code) {
        return signed("POST", "/api/v1/devices/" + deviceId + "/confirmation",
                JSON.createObjectNode().put("code", code).toString());
    }

    /** Both steps, with the code from {@code inbox} (number → SMS text); fails unless the device ends active. */
    public TestDevice register(String phoneNumber, Function<String, String> inbox) {
        HttpResponse<String> started = startRegistration(phoneNumber);
        if (started.statusCode() != 201) {
            throw new AssertionError("registration start answered " + started.statusCode() + ": " + started.body());
        }
        HttpResponse<String> confirmed = confirm(codeIn(inbox.apply(phoneNumber)));
        if (confirmed.statusCode() != 200) {
            throw new AssertionError("confirmation answered " + confirmed.statusCode() + ": " + confirmed.body());
        }
        return this;
    }

    public static String codeIn(String smsText) {
        Matcher matcher = CODE.matcher(smsText);
        if (!matcher.find()) {
            throw new AssertionError("no 6-digit code in the SMS");
        }
        return matcher.group(1);
    }

    public HttpResponse<String> checkIn() {
        return signed("POST", "/api/v1/devices/" + deviceId + "/check-ins", "{\"appVersion\":\"3.2.1\"}");
    }

    public HttpResponse<String> refreshPushAddress(ObjectNode address) {
        HttpResponse<String> response = signed("PUT", "/api/v1/devices/" + deviceId + "/push-address",
                JSON.createObjectNode().set("pushAddress", address).toString());
        if (response.statusCode() == 204) {
            pushAddress = address;
        }
        return response;
    }

    public HttpResponse<String> unregister() {
        return signed("DELETE", "/api/v1/devices/" + deviceId, null);
    }

    /** A request signed with this device's key (kid = its device id). */
    public HttpResponse<String> signed(String method, String path, String body) {
        return send(method, path, body, sign(method, path, body, clock));
    }

    /** The Device-Signature header for one request, with {@code iat} from {@code at}. */
    public String sign(String method, String path, String body, Clock at) {
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        return new DeviceRequestSigner(privateKey, deviceId, at).sign(method, path, bytes);
    }

    /** A request with exactly this {@code Device-Signature} (or none if null). */
    public HttpResponse<String> send(String method, String path, String body, String signature) {
        return kr.jsoft.privacyportal.simulator.DeviceApiCalls.send(http, portal.apply(path), method, body, signature);
    }

    public static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
