package kr.jsoft.privacyportal.command;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.jwk.ECKey;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.ECPrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import kr.jsoft.privacyportal.crypto.Es256;

/**
 * Signs commands with the portal's ES256 {@code signing} key, whose public half is served at
 * {@code /.well-known/jwks.json}: a compact JWS (RFC 7515 §7.1), header {@code alg ES256}, {@code typ
 * device-command+jwt}, {@code kid} the key's id; claims {@code jti} (command id), {@code sub}
 * (device id), {@code cmd}, {@code nonce}, {@code iat}, {@code exp} and {@code args}.
 *
 * <p>The compact form is put together here from Jackson's JSON, the JDK's base64url and
 * {@link Es256} rather than through nimbus's {@code JWSObject}: nimbus encodes base64url with a
 * constant-time codec meant for secrets, and that codec was 40% of the CPU of creating a command
 * in the benchmark's profile. The header is the same for every command and is encoded once.
 * {@code CommandSignerTest} checks the result with nimbus's parser and verifier.
 */
final class CommandSigner {
    /** The JWS {@code typ} of a command; the app refuses any other. */
    public static final JOSEObjectType TYPE = new JOSEObjectType("device-command+jwt");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final ECPrivateKey key;
    private final String encodedHeader;

    public CommandSigner(ECKey signingKey) {
        if (!com.nimbusds.jose.jwk.Curve.P_256.equals(signingKey.getCurve())) {
            throw new IllegalArgumentException("the signing key must be a private P-256 key");
        }
        try {
            this.key = signingKey.toECPrivateKey();
        } catch (JOSEException e) {
            throw new IllegalArgumentException("the signing key must be a private P-256 key", e);
        }
        if (key == null) {
            throw new IllegalArgumentException("the signing key must be a private P-256 key");
        }
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", "ES256");
        header.put("typ", TYPE.getType());
        header.put("kid", signingKey.getKeyID());
        this.encodedHeader = BASE64URL.encodeToString(json(header));
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
        String signingInput = encodedHeader + "." + BASE64URL.encodeToString(json(claims));
        byte[] signature = Es256.sign(key, signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + BASE64URL.encodeToString(signature);
    }

    private static byte[] json(Map<String, Object> value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a command", e);
        }
    }
}
