package kr.jsoft.privacyportal.command;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.jwk.ECKey;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import kr.jsoft.privacyportal.crypto.Es256;

/**
 * Signs commands with the portal's ES256 {@code signing} key, whose public half is served at
 * {@code /.well-known/jwks.json}: a compact JWS, header {@code alg ES256}, {@code typ
 * device-command+jwt}, {@code kid} the key's id; claims {@code jti} (command id), {@code sub}
 * (device id), {@code cmd}, {@code nonce}, {@code iat}, {@code exp} and {@code args}.
 */
public final class CommandSigner {
    /** The JWS {@code typ} of a command; the app refuses any other. */
    public static final JOSEObjectType TYPE = new JOSEObjectType("device-command+jwt");

    private final JWSSigner signer;
    private final String keyId;

    public CommandSigner(ECKey signingKey) {
        // Es256, not nimbus's JCA signer: JDK 17's ECDSA took ~1 ms per command (benchmark profile).
        this.signer = Es256.signer(signingKey);
        this.keyId = signingKey.getKeyID();
    }

    String sign(UUID commandId, UUID deviceId, CommandKind kind, String nonce, Instant issuedAt, Instant expiresAt,
                Map<String, Object> args) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("jti", commandId.toString());
        claims.put("sub", deviceId.toString());
        claims.put("cmd", kind.name());
        claims.put("nonce", nonce);
        claims.put("iat", issuedAt.getEpochSecond());
        claims.put("exp", expiresAt.getEpochSecond());
        claims.put("args", args);
        JWSObject jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.ES256).type(TYPE).keyID(keyId).build(),
                new Payload(claims));
        try {
            jws.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a command", e);
        }
        return jws.serialize();
    }
}
