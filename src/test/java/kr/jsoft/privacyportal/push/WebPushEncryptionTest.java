package kr.jsoft.privacyportal.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class WebPushEncryptionTest {

    // RFC 8291 Appendix A
    private static final String PLAINTEXT = "When I grow up, I want to be a watermelon";
    private static final String AS_PUBLIC =
            "BP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A8";
    private static final String AS_PRIVATE = "yfWPiYE-n46HLnH0KqZOF1fJJU3MYrct3AELtAQ-oRw";
    private static final String UA_PUBLIC =
            "BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4";
    private static final String UA_PRIVATE = "q1dXpw3UpT5VOmu_cf_v6ih07Aems3njxI-JWgLcM94";
    private static final String AUTH = "BTBZMqHH6r4Tts7J_aSIgg";
    private static final String SALT = "DGv6ra1nlYgDCS1FRnbzlw";
    private static final String BODY = "DGv6ra1nlYgDCS1FRnbzlwAAEABBBP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27ml"
            + "mlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A_yl95bQpu6cVPT"
            + "pK4Mqgkf1CXztLVBSt2Ks3oZwbuwXPXLWyouBWLVWGNWQexSgSxsj_Qulcy4a-fN";

    static java.util.stream.Stream<P256Keys.Engine> engines() {
        return kr.jsoft.privacyportal.crypto.NativeP256.provider().isPresent()
                ? java.util.stream.Stream.of(P256Keys.Engine.NATIVE, P256Keys.Engine.PORTABLE)
                : java.util.stream.Stream.of(P256Keys.Engine.PORTABLE);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void encryptionReproducesRfc8291AppendixA(P256Keys.Engine engine) {
        KeyPair sender = P256Keys.keyPairFromScalar(b64(AS_PRIVATE));
        assertThat(P256Keys.encode((java.security.interfaces.ECPublicKey) sender.getPublic()))
                .isEqualTo(b64(AS_PUBLIC));
        WebPushEncryption encryption = new WebPushEncryption(() -> b64(SALT), () -> sender, engine);

        byte[] body = encryption.encrypt(PLAINTEXT.getBytes(StandardCharsets.UTF_8), b64(UA_PUBLIC), b64(AUTH));

        assertThat(Base64.getUrlEncoder().withoutPadding().encodeToString(body)).isEqualTo(BODY);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void decryptionOpensRfc8291AppendixA(P256Keys.Engine engine) {
        WebPushDecryption decryption = new WebPushDecryption(P256Keys.privateFromScalar(b64(UA_PRIVATE)), b64(AUTH),
                engine);

        assertThat(new String(decryption.decrypt(b64(BODY)), StandardCharsets.UTF_8)).isEqualTo(PLAINTEXT);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void freshKeysRoundTripAcrossEnginesAndTamperingIsDetected(P256Keys.Engine engine) {
        SecureRandom random = new SecureRandom();
        KeyPair receiver = engine.generate(random);
        byte[] auth = new byte[16];
        random.nextBytes(auth);
        byte[] body = new WebPushEncryption(random, engine).encrypt(
                PushGateway.WAKE_UP_PAYLOAD.getBytes(StandardCharsets.UTF_8),
                P256Keys.encode((java.security.interfaces.ECPublicKey) receiver.getPublic()), auth);
        for (P256Keys.Engine other : engines().toList()) {
            assertThat(new String(new WebPushDecryption((ECPrivateKey) receiver.getPrivate(), auth, other).decrypt(body),
                    StandardCharsets.UTF_8)).as(engine + " encrypted, " + other + " decrypted").isEqualTo("{\"t\":\"sync\"}");
        }
        WebPushDecryption decryption = new WebPushDecryption((ECPrivateKey) receiver.getPrivate(), auth, engine);

        assertThat(new String(decryption.decrypt(body), StandardCharsets.UTF_8)).isEqualTo("{\"t\":\"sync\"}");
        body[body.length - 1] ^= 1;
        assertThatThrownBy(() -> decryption.decrypt(body)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void pointOffTheCurveIsRejected() {
        byte[] bad = b64(UA_PUBLIC);
        bad[64] ^= 1;
        assertThatThrownBy(() -> P256Keys.decodePublic(bad)).isInstanceOf(IllegalArgumentException.class);
    }

    static byte[] b64(String s) {
        return Base64.getUrlDecoder().decode(s);
    }
}
