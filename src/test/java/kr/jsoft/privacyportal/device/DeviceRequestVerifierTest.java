package kr.jsoft.privacyportal.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.util.Base64URL;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import kr.jsoft.privacyportal.device.DeviceSignatureException.Reason;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DeviceRequestVerifierTest {

    private static final Instant NOW = Instant.parse("2026-11-30T03:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final String PATH = "/api/v1/devices/abc/check-in";
    private static final byte[] BODY = "{\"battery\":81,\"missedCalls\":2}".getBytes(StandardCharsets.UTF_8);

    private final InMemoryNonceStore nonces = new InMemoryNonceStore(CLOCK);
    private final DeviceRequestVerifier verifier = new DeviceRequestVerifier(CLOCK, nonces);
    private final Map<String, PublicJwk> registered = new HashMap<>();
    private final Function<String, Optional<PublicJwk>> lookup = kid -> Optional.ofNullable(registered.get(kid));

    private DeviceRequestSigner device(String kid, PublicJwk.Type type, Clock clock) {
        String privateKey = DeviceKeys.generatePrivateKey(type);
        registered.put(kid, DeviceKeys.parsePublicKey(DeviceKeys.publicKeyOf(privateKey)));
        return new DeviceRequestSigner(privateKey, kid, clock);
    }

    private ThrowingCallable verifying(String method, String path, byte[] body, String header) {
        return () -> verifier.verify(method, path, body, header, lookup);
    }

    private static void assertRefused(ThrowingCallable call, Reason reason) {
        assertThatThrownBy(call).isInstanceOfSatisfying(DeviceSignatureException.class,
                e -> assertThat(e.reason()).isEqualTo(reason));
    }

    @ParameterizedTest
    @EnumSource(PublicJwk.Type.class)
    void validSignatureIsAccepted(PublicJwk.Type type) throws Exception {
        String header = device("abc", type, CLOCK).sign("POST", PATH, BODY);

        DeviceRequestVerifier.Verified verified = verifier.verify("POST", PATH, BODY, header, lookup);

        assertThat(verified.deviceId()).isEqualTo("abc");
        assertThat(verified.issuedAt()).isEqualTo(NOW);
        assertThat(verified.keyType()).isEqualTo(type);
        assertThat(Base64URL.from(verified.jti()).decode()).hasSizeGreaterThanOrEqualTo(16);
        JWSObject jws = JWSObject.parse(header);
        assertThat(jws.getHeader().getAlgorithm())
                .isEqualTo(type == PublicJwk.Type.EC_P256 ? JWSAlgorithm.ES256 : JWSAlgorithm.EdDSA);
        assertThat(jws.getHeader().getType()).isEqualTo(new JOSEObjectType("device-request+jwt"));
        assertThat(jws.getPayload().toJSONObject())
                .containsEntry("htm", "POST").containsEntry("htp", PATH).containsEntry("iat", NOW.getEpochSecond())
                .containsEntry("bd", Base64URL.encode(MessageDigest.getInstance("SHA-256").digest(BODY)).toString());
    }

    @ParameterizedTest
    @EnumSource(PublicJwk.Type.class)
    void requestWithoutBodyIsSignedOverTheEmptyBody(PublicJwk.Type type) throws Exception {
        String header = device("abc", type, CLOCK).sign("GET", "/api/v1/devices/abc/settings?since=3", null);

        assertThat(verifier.verify("GET", "/api/v1/devices/abc/settings?since=3", new byte[0], header, lookup).deviceId())
                .isEqualTo("abc");
        assertThat(JWSObject.parse(header).getPayload().toJSONObject().get("bd"))
                .isEqualTo("47DEQpj8HBSa-_TImW-5JCeuQeRkm5NMpJWZG3hSuFU");
    }

    @Test
    void ed25519SignatureFromTheJdkIsAccepted() throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        byte[] x509 = pair.getPublic().getEncoded();
        byte[] x = Arrays.copyOfRange(x509, x509.length - 32, x509.length);
        registered.put("jdk", DeviceKeys.parsePublicKey(
                "{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"" + Base64URL.encode(x) + "\"}"));
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.EdDSA)
                .type(new JOSEObjectType("device-request+jwt")).keyID("jdk").build();
        Payload payload = new Payload(claims("POST", PATH, BODY, NOW.getEpochSecond()));
        String signingInput = header.toBase64URL() + "." + payload.toBase64URL();
        Signature jdk = Signature.getInstance("Ed25519");
        jdk.initSign(pair.getPrivate());
        jdk.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        String compact = signingInput + "." + Base64URL.encode(jdk.sign());

        assertThat(verifier.verify("POST", PATH, BODY, compact, lookup).deviceId()).isEqualTo("jdk");
    }

    @Test
    void tamperedBodyIsRefused() {
        String header = device("abc", PublicJwk.Type.EC_P256, CLOCK).sign("POST", PATH, BODY);
        byte[] tampered = "{\"battery\":81,\"missedCalls\":3}".getBytes(StandardCharsets.UTF_8);

        assertRefused(verifying("POST", PATH, tampered, header), Reason.WRONG_REQUEST);
        assertRefused(verifying("POST", PATH, null, header), Reason.WRONG_REQUEST);
    }

    @Test
    void otherPathIsRefused() {
        String header = device("abc", PublicJwk.Type.ED25519, CLOCK).sign("POST", PATH, BODY);

        assertRefused(verifying("POST", "/api/v1/devices/xyz/check-in", BODY, header), Reason.WRONG_REQUEST);
        assertRefused(verifying("POST", PATH + "?force=1", BODY, header), Reason.WRONG_REQUEST);
        assertRefused(verifying("PUT", PATH, BODY, header), Reason.WRONG_REQUEST);
    }

    @Test
    void oldTimestampIsRefused() {
        Clock sixMinutesAgo = Clock.fixed(NOW.minus(Duration.ofSeconds(301)), ZoneOffset.UTC);
        Clock sixMinutesAhead = Clock.fixed(NOW.plus(Duration.ofSeconds(301)), ZoneOffset.UTC);

        assertRefused(verifying("POST", PATH, BODY,
                device("abc", PublicJwk.Type.EC_P256, sixMinutesAgo).sign("POST", PATH, BODY)), Reason.STALE);
        assertRefused(verifying("POST", PATH, BODY,
                device("abc", PublicJwk.Type.EC_P256, sixMinutesAhead).sign("POST", PATH, BODY)), Reason.STALE);
    }

    @Test
    void timestampWithinTheSkewIsAccepted() throws Exception {
        Clock fiveMinutesAgo = Clock.fixed(NOW.minus(Duration.ofSeconds(300)), ZoneOffset.UTC);
        String header = device("abc", PublicJwk.Type.ED25519, fiveMinutesAgo).sign("POST", PATH, BODY);

        assertThat(verifier.verify("POST", PATH, BODY, header, lookup).issuedAt()).isEqualTo(NOW.minusSeconds(300));
    }

    @Test
    void replayedNonceIsRefused() throws Exception {
        DeviceRequestSigner device = device("abc", PublicJwk.Type.EC_P256, CLOCK);
        String header = device.sign("POST", PATH, BODY);
        verifier.verify("POST", PATH, BODY, header, lookup);

        assertRefused(verifying("POST", PATH, BODY, header), Reason.REPLAYED);
        assertThat(verifier.verify("POST", PATH, BODY, device.sign("POST", PATH, BODY), lookup).deviceId())
                .isEqualTo("abc");
    }

    @Test
    void refusedRequestDoesNotUseUpItsNonce() {
        String header = device("abc", PublicJwk.Type.EC_P256, CLOCK).sign("POST", PATH, BODY);

        assertRefused(verifying("POST", "/elsewhere", BODY, header), Reason.WRONG_REQUEST);
        assertThat(nonces.size()).isZero();
    }

    @Test
    void unknownKeyIsRefused() {
        String header = device("abc", PublicJwk.Type.EC_P256, CLOCK).sign("POST", PATH, BODY);
        registered.clear();

        assertRefused(verifying("POST", PATH, BODY, header), Reason.UNKNOWN_KEY);
    }

    @Test
    void signatureByAnotherKeyIsRefused() {
        String header = device("abc", PublicJwk.Type.ED25519, CLOCK).sign("POST", PATH, BODY);
        device("abc", PublicJwk.Type.ED25519, CLOCK); // re-registers abc with a new key

        assertRefused(verifying("POST", PATH, BODY, header), Reason.BAD_SIGNATURE);
    }

    @Test
    void algorithmThatDoesNotFitTheRegisteredKeyIsRefused() {
        String header = device("abc", PublicJwk.Type.EC_P256, CLOCK).sign("POST", PATH, BODY);
        device("abc", PublicJwk.Type.ED25519, CLOCK); // abc now has an Ed25519 key; header says ES256

        assertRefused(verifying("POST", PATH, BODY, header), Reason.BAD_SIGNATURE);
    }

    @Test
    void algNoneIsRefused() {
        device("abc", PublicJwk.Type.EC_P256, CLOCK);
        String unsecured = b64("{\"alg\":\"none\",\"typ\":\"device-request+jwt\",\"kid\":\"abc\"}") + "."
                + new Payload(claims("POST", PATH, BODY, NOW.getEpochSecond())).toBase64URL() + ".";

        assertRefused(verifying("POST", PATH, BODY, unsecured), Reason.MALFORMED);
    }

    @Test
    void hmacAlgIsRefused() throws Exception {
        device("abc", PublicJwk.Type.EC_P256, CLOCK);
        // the classic confusion attack: HMAC keyed with the (public) registered key
        byte[] secret = registered.get("abc").toJson().getBytes(StandardCharsets.UTF_8);
        JWSObject jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.HS256)
                .type(new JOSEObjectType("device-request+jwt")).keyID("abc").build(),
                new Payload(claims("POST", PATH, BODY, NOW.getEpochSecond())));
        jws.sign(new MACSigner(secret));

        assertRefused(verifying("POST", PATH, BODY, jws.serialize()), Reason.MALFORMED);
    }

    @Test
    void wrongTypIsRefused() throws Exception {
        DeviceRequestSigner device = device("abc", PublicJwk.Type.EC_P256, CLOCK);
        JWSObject genuine = JWSObject.parse(device.sign("POST", PATH, BODY));
        String header = b64("{\"alg\":\"ES256\",\"typ\":\"JWT\",\"kid\":\"abc\"}");
        String forged = header + "." + genuine.getPayload().toBase64URL() + "." + genuine.getSignature();

        assertRefused(verifying("POST", PATH, BODY, forged), Reason.MALFORMED);
    }

    @Test
    void missingOrGarbledHeaderIsRefused() {
        assertRefused(verifying("POST", PATH, BODY, null), Reason.MISSING);
        assertRefused(verifying("POST", PATH, BODY, " "), Reason.MISSING);
        assertRefused(verifying("POST", PATH, BODY, "not-a-jws"), Reason.MALFORMED);
        assertRefused(verifying("POST", PATH, BODY, "a.b.c"), Reason.MALFORMED);
        assertRefused(verifying("POST", PATH, BODY, "x".repeat(5000)), Reason.MALFORMED);
    }

    @Test
    void messagesDoNotEchoTheRequest() {
        String header = device("device-7f3a", PublicJwk.Type.EC_P256, CLOCK).sign("POST", PATH, BODY);
        registered.clear();

        assertThatThrownBy(() -> verifier.verify("POST", "/secret/path", BODY, header, lookup))
                .isInstanceOf(DeviceSignatureException.class)
                .message().doesNotContain("device-7f3a").doesNotContain("/secret/path").doesNotContain(PATH);
    }

    private static Map<String, Object> claims(String method, String path, byte[] body, long iat) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("htm", method);
        claims.put("htp", path);
        try {
            claims.put("bd", Base64URL.encode(MessageDigest.getInstance("SHA-256").digest(body)).toString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        claims.put("iat", iat);
        claims.put("jti", "q7Z3m0Jc1x0kqW0cYyQm5A");
        return claims;
    }

    private static String b64(String json) {
        return Base64URL.encode(json.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
