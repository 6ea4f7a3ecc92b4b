package kr.jsoft.privacyportal.device;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import java.security.SecureRandom;
import java.text.ParseException;
import java.util.Set;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;

/**
 * Device key pairs as JWK JSON.
 *
 * <p>Ed25519 is handled with Bouncy Castle: nimbus-jose-jwt's own Ed25519 classes need Google Tink,
 * which is not on the class path.
 */
public final class DeviceKeys {

    private static final int MAX_JWK_LENGTH = 2048;

    private DeviceKeys() {
    }

    /**
     * Parses and checks the public key a device presents at registration.
     *
     * @throws IllegalArgumentException (with a message safe to show the device) if the JSON is not a
     *     JWK, holds a private key, is not EC P-256 or OKP Ed25519, or is not a valid point
     */
    public static PublicJwk parsePublicKey(String jwkJson) {
        JWK jwk = parse(jwkJson);
        if (jwk.isPrivate()) {
            throw new IllegalArgumentException("the key must be a public key: never send the private key");
        }
        checkUseAndAlg(jwk);
        if (jwk instanceof ECKey ec && Curve.P_256.equals(ec.getCurve())) {
            // nimbus has already checked that (x, y) lies on the curve
            return new PublicJwk(PublicJwk.Type.EC_P256, new ECKey.Builder(Curve.P_256, ec.getX(), ec.getY()).build());
        }
        if (jwk instanceof OctetKeyPair okp && Curve.Ed25519.equals(okp.getCurve())) {
            byte[] x = okp.getDecodedX();
            if (x.length != Ed25519PublicKeyParameters.KEY_SIZE) {
                throw new IllegalArgumentException("the Ed25519 key 'x' must be 32 bytes");
            }
            try {
                new Ed25519PublicKeyParameters(x, 0);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("the Ed25519 key 'x' is not a valid point");
            }
            return new PublicJwk(PublicJwk.Type.ED25519, new OctetKeyPair.Builder(Curve.Ed25519, okp.getX()).build());
        }
        throw new IllegalArgumentException("the key must be EC P-256 or OKP Ed25519");
    }

    /** Generates a new private key of {@code type} as JWK JSON, for the device simulator and tests. */
    public static String generatePrivateKey(PublicJwk.Type type) {
        SecureRandom random = new SecureRandom();
        try {
            return switch (type) {
                case EC_P256 -> new ECKeyGenerator(Curve.P_256).secureRandom(random).generate().toJSONString();
                case ED25519 -> {
                    Ed25519PrivateKeyParameters privateKey = new Ed25519PrivateKeyParameters(random);
                    yield new OctetKeyPair.Builder(Curve.Ed25519,
                            Base64URL.encode(privateKey.generatePublicKey().getEncoded()))
                            .d(Base64URL.encode(privateKey.getEncoded()))
                            .build().toJSONString();
                }
            };
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate a key", e);
        }
    }

    /** The public part of a private JWK, as the device registers it. */
    public static String publicKeyOf(String privateJwkJson) {
        JWK jwk = parse(privateJwkJson);
        return parsePublicKey(jwk.toPublicJWK().toJSONString()).toJson();
    }

    /** Parses a private device key; package-private, used by {@link DeviceRequestSigner}. */
    static JWK parsePrivateKey(String privateJwkJson) {
        JWK jwk = parse(privateJwkJson);
        if (!jwk.isPrivate()) {
            throw new IllegalArgumentException("a private key is needed to sign");
        }
        parsePublicKey(jwk.toPublicJWK().toJSONString());
        return jwk;
    }

    static PublicJwk.Type typeOf(JWK jwk) {
        return jwk instanceof ECKey ? PublicJwk.Type.EC_P256 : PublicJwk.Type.ED25519;
    }

    private static JWK parse(String json) {
        if (json == null || json.length() > MAX_JWK_LENGTH) {
            throw new IllegalArgumentException("the key must be a JWK (JSON) of at most " + MAX_JWK_LENGTH + " characters");
        }
        try {
            return JWK.parse(json);
        } catch (ParseException | RuntimeException e) {
            // nimbus' messages may quote the input: do not pass them on
            throw new IllegalArgumentException("the key is not a valid JWK");
        }
    }

    private static void checkUseAndAlg(JWK jwk) {
        if (jwk.getKeyUse() != null && !KeyUse.SIGNATURE.equals(jwk.getKeyUse())) {
            throw new IllegalArgumentException("the key's 'use' must be 'sig'");
        }
        if (jwk.getAlgorithm() != null) {
            Set<JWSAlgorithm> allowed = jwk instanceof ECKey ? Set.of(JWSAlgorithm.ES256)
                    : Set.of(JWSAlgorithm.EdDSA, JWSAlgorithm.Ed25519);
            if (!allowed.contains(JWSAlgorithm.parse(jwk.getAlgorithm().getName()))) {
                throw new IllegalArgumentException("the key's 'alg' does not fit its type");
            }
        }
    }
}
