package kr.jsoft.privacyportal.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECPoint;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.ECPublicKeySpec;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every behaviour on both engines: the native one (where it loads) and Bouncy Castle. */
class Es256Test {
    private final ECKey key = generate();

    interface Engine {
        byte[] sign(ECPrivateKey key, byte[] input);

        boolean verify(ECPublicKey key, byte[] input, byte[] signature);
    }

    static final Engine PORTABLE = new Engine() {
        public byte[] sign(ECPrivateKey key, byte[] input) {
            return Es256.signPortable(key, input);
        }

        public boolean verify(ECPublicKey key, byte[] input, byte[] signature) {
            return Es256.verifyPortable(key, input, signature);
        }

        public String toString() {
            return "Bouncy Castle";
        }
    };

    static final Engine NATIVE = new Engine() {
        public byte[] sign(ECPrivateKey key, byte[] input) {
            return Es256.signNative(NativeP256.provider().orElseThrow(), key, input);
        }

        public boolean verify(ECPublicKey key, byte[] input, byte[] signature) {
            return Es256.verifyNative(NativeP256.provider().orElseThrow(), key, input, signature);
        }

        public String toString() {
            return "native";
        }
    };

    static Stream<Engine> engines() {
        return NativeP256.provider().isPresent() ? Stream.of(NATIVE, PORTABLE) : Stream.of(PORTABLE);
    }

    private static ECKey generate() {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID("k1").generate();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JWSObject jws(String payload) {
        return new JWSObject(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("k1").build(), new Payload(payload));
    }

    @Test
    void theNativeEngineLoadsOnTheBuildPlatform() {
        // CI and the benchmark run on Linux x86-64, where the provider ships its library; elsewhere
        // the portal falls back to Bouncy Castle and this check does not apply.
        Assumptions.assumeTrue(System.getProperty("os.name").startsWith("Linux")
                && System.getProperty("os.arch").matches("amd64|x86_64"));
        Assumptions.assumeFalse("false".equals(System.getProperty("portal.crypto.native")));
        assertThat(NativeP256.provider()).as(NativeP256.describe()).isPresent();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void itsSignaturesVerifyWithTheJdkBasedNimbusVerifier(Engine engine) throws Exception {
        JWSObject signed = jws("{\"cmd\":\"NOTIFY\"}");
        byte[] signature = engine.sign(key.toECPrivateKey(), signed.getSigningInput());

        JWSObject parsed = new JWSObject(signed.getHeader().toBase64URL(), signed.getPayload().toBase64URL(),
                com.nimbusds.jose.util.Base64URL.encode(signature));
        assertThat(parsed.verify(new ECDSAVerifier(key.toPublicJWK()))).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void itVerifiesWhatTheJdkBasedNimbusSignerSignedAndNothingElse(Engine engine) throws Exception {
        JWSObject signed = jws("{\"type\":\"completed\"}");
        signed.sign(new ECDSASigner(key));
        byte[] input = signed.getSigningInput();
        byte[] signature = signed.getSignature().decode();

        assertThat(engine.verify(key.toECPublicKey(), input, signature)).isTrue();
        byte[] tampered = "x".concat(new String(input, StandardCharsets.US_ASCII)).getBytes(StandardCharsets.US_ASCII);
        assertThat(engine.verify(key.toECPublicKey(), tampered, signature)).isFalse();
        assertThat(engine.verify(generate().toECPublicKey(), input, signature)).as("another key").isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void zeroOrMisSizedSignaturesAreNotValid(Engine engine) throws Exception {
        byte[] input = "header.payload".getBytes(StandardCharsets.US_ASCII);
        // CVE-2022-21449: r = s = 0 must never verify.
        assertThat(engine.verify(key.toECPublicKey(), input, new byte[64])).isFalse();
        assertThat(engine.verify(key.toECPublicKey(), input, new byte[63])).isFalse();
        byte[] nOrder = new byte[64];
        byte[] n = Curve.P_256.toECParameterSpec().getOrder().toByteArray();
        System.arraycopy(n, n.length - 32, nOrder, 0, 32);
        System.arraycopy(n, n.length - 32, nOrder, 32, 32);
        assertThat(engine.verify(key.toECPublicKey(), input, nOrder)).as("r = s = n").isFalse();
        assertThat(engine.verify(key.toECPublicKey(), input, engine.sign(key.toECPrivateKey(), input))).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void keysOfAnotherCurveAreRefused(Engine engine) throws Exception {
        ECKey p384 = new ECKeyGenerator(Curve.P_384).generate();
        byte[] input = "header.payload".getBytes(StandardCharsets.US_ASCII);

        assertThatThrownBy(() -> engine.sign(p384.toECPrivateKey(), input)).isInstanceOf(IllegalArgumentException.class);
        assertThat(engine.verify(p384.toECPublicKey(), input, engine.sign(key.toECPrivateKey(), input))).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void bothEnginesAcceptEachOthersSignatures(Engine engine) throws Exception {
        byte[] input = "header.payload".getBytes(StandardCharsets.US_ASCII);
        for (Engine other : engines().toList()) {
            assertThat(other.verify(key.toECPublicKey(), input, engine.sign(key.toECPrivateKey(), input)))
                    .as(engine + " signed, " + other + " verified").isTrue();
        }
    }

    // RFC 6979 Appendix A.2.5: ECDSA, 256 bits (prime field), with SHA-256.
    private static final String X = "C9AFA9D845BA75166B5C215767B1D6934E50C3DB36E89B127B8A622B120F6721";
    private static final String UX = "60FED4BA255A9D31C961EB74C6356D68C049B8923B61FA6CE669622E60F29FB6";
    private static final String UY = "7903FE1008B8BC99A41AE9E95628BC64F2F1B20C2D7E9F5177A3C294D4462299";
    private static final String SAMPLE_RS = "EFD48B2AACB6A8FD1140DD9CD45E81D69D2C877B56AAF991C34D0EA84EAF3716"
            + "F7CB1C942D657C41D436C7A1B6E29F65F3E900DBB9AFF4064DC4AB2F843ACDA8";
    private static final String TEST_RS = "F1ABB023518351CD71D881567B1EA663ED3EFCF6C5132B354F28D3B0B7D38367"
            + "019F4113742A2B14BD25926B49C649155F267E60D3814B4C0CC84250E46F0083";

    private static ECPrivateKey rfc6979Private() throws Exception {
        return (ECPrivateKey) KeyFactory.getInstance("EC").generatePrivate(
                new ECPrivateKeySpec(new BigInteger(X, 16), Curve.P_256.toECParameterSpec()));
    }

    private static ECPublicKey rfc6979Public() throws Exception {
        return (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(
                new ECPoint(new BigInteger(UX, 16), new BigInteger(UY, 16)), Curve.P_256.toECParameterSpec()));
    }

    @Test
    void theBouncyCastleEngineSignsRfc6979sTestVectorsByteForByte() throws Exception {
        assertThat(Es256.signPortable(rfc6979Private(), "sample".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo(HexFormat.of().parseHex(SAMPLE_RS));
        assertThat(Es256.signPortable(rfc6979Private(), "test".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo(HexFormat.of().parseHex(TEST_RS));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void everyEngineAcceptsRfc6979sSignaturesAndRefusesThemForAnotherMessage(Engine engine) throws Exception {
        byte[] sample = "sample".getBytes(StandardCharsets.US_ASCII);
        byte[] test = "test".getBytes(StandardCharsets.US_ASCII);

        assertThat(engine.verify(rfc6979Public(), sample, HexFormat.of().parseHex(SAMPLE_RS))).isTrue();
        assertThat(engine.verify(rfc6979Public(), test, HexFormat.of().parseHex(TEST_RS))).isTrue();
        assertThat(engine.verify(rfc6979Public(), test, HexFormat.of().parseHex(SAMPLE_RS))).isFalse();
    }

    @Test
    void theDefaultSignerUsesTheNativeEngineWhereItLoads() throws Exception {
        byte[] input = "header.payload".getBytes(StandardCharsets.US_ASCII);
        byte[] first = Es256.sign(key.toECPrivateKey(), input);
        byte[] second = Es256.sign(key.toECPrivateKey(), input);

        // Bouncy Castle's nonces are deterministic (RFC 6979), AWS-LC's random: the two calls tell them apart.
        assertThat(java.util.Arrays.equals(first, second)).isEqualTo(NativeP256.provider().isEmpty());
        assertThat(Es256.verify(key.toECPublicKey(), input, first)).isTrue();
    }
}
