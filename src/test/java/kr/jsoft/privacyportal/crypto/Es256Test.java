package kr.jsoft.privacyportal.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Es256Test {
    private final ECKey key = generate();

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
    void itsSignaturesVerifyWithTheJdkBasedNimbusVerifier() throws Exception {
        JWSObject signed = jws("{\"cmd\":\"NOTIFY\"}");
        signed.sign(Es256.signer(key));

        JWSObject parsed = JWSObject.parse(signed.serialize());
        assertThat(parsed.verify(new ECDSAVerifier(key.toPublicJWK()))).isTrue();
    }

    @Test
    void itVerifiesWhatTheJdkBasedNimbusSignerSignedAndNothingElse() throws Exception {
        JWSObject signed = jws("{\"type\":\"completed\"}");
        signed.sign(new ECDSASigner(key));
        byte[] input = signed.getSigningInput();
        byte[] signature = signed.getSignature().decode();

        assertThat(Es256.verify(key.toECPublicKey(), input, signature)).isTrue();
        byte[] tampered = "x".concat(new String(input, StandardCharsets.US_ASCII)).getBytes(StandardCharsets.US_ASCII);
        assertThat(Es256.verify(key.toECPublicKey(), tampered, signature)).isFalse();
        assertThat(Es256.verify(generate().toECPublicKey(), input, signature)).as("another key").isFalse();
    }

    @Test
    void zeroOrMisSizedSignaturesAreNotValid() throws Exception {
        byte[] input = "header.payload".getBytes(StandardCharsets.US_ASCII);
        // CVE-2022-21449: r = s = 0 must never verify.
        assertThat(Es256.verify(key.toECPublicKey(), input, new byte[64])).isFalse();
        assertThat(Es256.verify(key.toECPublicKey(), input, new byte[63])).isFalse();
        assertThat(Es256.verify(key.toECPublicKey(), input, Es256.sign(key.toECPrivateKey(), input))).isTrue();
    }

    @Test
    void theSameMessageGetsTheSameSignatureWithoutARandomSource() throws Exception {
        byte[] input = "header.payload".getBytes(StandardCharsets.US_ASCII);

        assertThat(Es256.sign(key.toECPrivateKey(), input)).isEqualTo(Es256.sign(key.toECPrivateKey(), input));
    }
}
