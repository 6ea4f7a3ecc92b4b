package kr.jsoft.privacyportal.device;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.util.Base64URL;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The device side of signed requests: makes the {@code Device-Signature} header value for one
 * request, with the clock's time and a fresh 16-byte {@code jti}.
 */
public final class DeviceRequestSigner {

    /** The request header that carries the signature. */
    public static final String HEADER = DeviceRequests.HEADER;

    private final JWK privateKey;
    private final String kid;
    private final Clock clock;
    private final SecureRandom random;

    public DeviceRequestSigner(String privateJwkJson, String kid, Clock clock) {
        this(privateJwkJson, kid, clock, new SecureRandom());
    }

    /**
     * @param privateJwkJson the device's private key (EC P-256 or Ed25519) as JWK JSON
     * @param kid            the device id the portal knows the public key by
     */
    public DeviceRequestSigner(String privateJwkJson, String kid, Clock clock, SecureRandom random) {
        this.privateKey = DeviceKeys.parsePrivateKey(privateJwkJson);
        this.kid = Objects.requireNonNull(kid, "kid");
        if (kid.isBlank()) {
            throw new IllegalArgumentException("kid must not be blank");
        }
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
    }

    /**
     * @param method       the HTTP method, e.g. {@code POST}
     * @param pathAndQuery the path and query exactly as sent, e.g. {@code /api/v1/devices/abc/check-in}
     * @param body         the exact body bytes, or {@code null} / empty for none
     * @return the compact JWS to send as the {@code Device-Signature} header
     */
    public String sign(String method, String pathAndQuery, byte[] body) {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(pathAndQuery, "pathAndQuery");
        byte[] nonce = new byte[16];
        random.nextBytes(nonce);
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("htm", method);
        claims.put("htp", pathAndQuery);
        claims.put("bd", DeviceRequests.bodyDigest(body));
        claims.put("iat", clock.instant().getEpochSecond());
        claims.put("jti", Base64URL.encode(nonce).toString());

        boolean ec = DeviceKeys.typeOf(privateKey) == PublicJwk.Type.EC_P256;
        JWSHeader header = new JWSHeader.Builder(ec ? JWSAlgorithm.ES256 : JWSAlgorithm.EdDSA)
                .type(DeviceRequests.TYPE)
                .keyID(kid)
                .build();
        Base64URL headerPart = header.toBase64URL();
        Base64URL payloadPart = new Payload(claims).toBase64URL();
        byte[] signingInput = (headerPart + "." + payloadPart).getBytes(StandardCharsets.US_ASCII);
        Base64URL signature;
        if (ec) {
            try {
                signature = new ECDSASigner((ECKey) privateKey).sign(header, signingInput);
            } catch (JOSEException e) {
                throw new IllegalStateException("cannot sign with ES256", e);
            }
        } else {
            signature = Base64URL.encode(Ed25519.sign(((OctetKeyPair) privateKey).getDecodedD(), signingInput));
        }
        return headerPart + "." + payloadPart + "." + signature;
    }
}
