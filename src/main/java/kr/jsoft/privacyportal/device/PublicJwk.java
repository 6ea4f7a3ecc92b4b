package kr.jsoft.privacyportal.device;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWK;
import java.util.Objects;

/**
 * A device's registered public key, already checked by {@link DeviceKeys#parsePublicKey}: an EC
 * P-256 key or an Ed25519 key, public part only, in a minimal canonical JWK form.
 */
public final class PublicJwk {

    /** The key types a device may register, each with the one JWS {@code alg} it signs with. */
    public enum Type {
        /** {@code kty} EC, {@code crv} P-256; signs with ES256. */
        EC_P256,
        /** {@code kty} OKP, {@code crv} Ed25519; signs with EdDSA. */
        ED25519
    }

    private final Type type;
    private final JWK jwk;

    PublicJwk(Type type, JWK jwk) {
        this.type = Objects.requireNonNull(type, "type");
        this.jwk = Objects.requireNonNull(jwk, "jwk");
        if (jwk.isPrivate()) {
            throw new IllegalArgumentException("a public JWK must not hold private members");
        }
    }

    public Type type() {
        return type;
    }

    /** The canonical JSON (only {@code kty}, {@code crv}, {@code x} and, for EC, {@code y}); store this. */
    public String toJson() {
        return jwk.toJSONString();
    }

    /** The RFC 7638 JWK SHA-256 thumbprint, base64url: a stable fingerprint of the key. */
    public String thumbprint() {
        try {
            return jwk.computeThumbprint().toString();
        } catch (JOSEException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    JWK jwk() {
        return jwk;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PublicJwk that && type == that.type && jwk.equals(that.jwk);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, jwk);
    }

    @Override
    public String toString() {
        return "PublicJwk[" + type + ", " + thumbprint() + "]";
    }
}
