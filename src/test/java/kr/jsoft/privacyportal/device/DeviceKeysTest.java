package kr.jsoft.privacyportal.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.OctetSequenceKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.BigIntegerUtils;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DeviceKeysTest {

    @ParameterizedTest
    @EnumSource(PublicJwk.Type.class)
    void privateKeyAtRegistrationIsRefused(PublicJwk.Type type) {
        String privateKey = DeviceKeys.generatePrivateKey(type);

        assertThatThrownBy(() -> DeviceKeys.parsePublicKey(privateKey))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("public key")
                .message().doesNotContain("\"d\"");
    }

    @ParameterizedTest
    @EnumSource(PublicJwk.Type.class)
    void publicKeyIsAcceptedInCanonicalForm(PublicJwk.Type type) {
        String publicKey = DeviceKeys.publicKeyOf(DeviceKeys.generatePrivateKey(type));

        PublicJwk parsed = DeviceKeys.parsePublicKey(publicKey);

        assertThat(parsed.type()).isEqualTo(type);
        assertThat(parsed.toJson()).doesNotContain("\"d\"");
        assertThat(DeviceKeys.parsePublicKey(parsed.toJson())).isEqualTo(parsed);
        assertThat(parsed.thumbprint()).hasSize(43);
    }

    @Test
    void extraMembersAreDroppedAndUseMustBeSig() throws Exception {
        ECKey key = new ECKeyGenerator(Curve.P_256).generate();
        String withExtras = new ECKey.Builder(key.toPublicJWK()).keyID("device-1").build().toJSONString();

        assertThat(DeviceKeys.parsePublicKey(withExtras).toJson()).doesNotContain("device-1");
        assertThatThrownBy(() -> DeviceKeys.parsePublicKey(
                new ECKey.Builder(key.toPublicJWK()).keyUse(KeyUse.ENCRYPTION).build().toJSONString()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void otherCurvesAndKeyTypesAreRefused() throws Exception {
        String p384 = new ECKeyGenerator(Curve.P_384).generate().toPublicJWK().toJSONString();
        // the JDK cannot generate secp256k1 keys: use the curve's generator point
        String secp256k1 = "{\"kty\":\"EC\",\"crv\":\"secp256k1\",\"x\":\"" + unsigned(
                "79BE667EF9DCBBAC55A06295CE870B07029BFCDB2DCE28D959F2815B16F81798") + "\",\"y\":\"" + unsigned(
                "483ADA7726A3C4655DA4FBFC0E1108A8FD17B448A68554199C47D08FFB10D4B8") + "\"}";
        String rsa = new RSAKeyGenerator(2048).generate().toPublicJWK().toJSONString();
        String x25519 = "{\"kty\":\"OKP\",\"crv\":\"X25519\",\"x\":\"" + Base64URL.encode(new byte[32]) + "\"}";
        String oct = new OctetSequenceKeyGenerator(256).generate().toJSONString();

        for (String key : new String[] {p384, secp256k1, rsa, x25519, oct, "", "{}", "not json", null}) {
            assertThatThrownBy(() -> DeviceKeys.parsePublicKey(key)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void pointOffTheCurveIsRefused() throws Exception {
        ECKey key = new ECKeyGenerator(Curve.P_256).generate();
        BigInteger y = key.getY().decodeToBigInteger().add(BigInteger.ONE);
        String offCurve = "{\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":\"" + key.getX() + "\",\"y\":\""
                + Base64URL.encode(BigIntegerUtils.toBytesUnsigned(y)) + "\"}";

        assertThatThrownBy(() -> DeviceKeys.parsePublicKey(offCurve)).isInstanceOf(IllegalArgumentException.class);
    }

    private static String unsigned(String hex) {
        return Base64URL.encode(BigIntegerUtils.toBytesUnsigned(new BigInteger(hex, 16))).toString();
    }

    @Test
    void shortOrInvalidEd25519KeyIsRefused() {
        String shortKey = "{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"" + Base64URL.encode(new byte[31]) + "\"}";
        byte[] notCanonical = new byte[32];
        java.util.Arrays.fill(notCanonical, (byte) 0xFF); // y = 2^255 - 1 is not below the field prime
        String notAPoint = "{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"" + Base64URL.encode(notCanonical) + "\"}";

        assertThatThrownBy(() -> DeviceKeys.parsePublicKey(shortKey)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DeviceKeys.parsePublicKey(notAPoint)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a valid point");
    }
}
