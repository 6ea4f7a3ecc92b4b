package kr.jsoft.privacyportal.device;

import kr.jsoft.privacyportal.device.DeviceSignatureException.Reason;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.OctetKeyPair;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import kr.jsoft.privacyportal.crypto.Es256;

/**
 * Checks the {@code Device-Signature} header of a device API request (a JWS modelled on DPoP,
 * RFC 9449): {@code alg} ES256 or EdDSA fitting the registered key, {@code typ}
 * {@code device-request+jwt}, {@code kid} the device id, and claims {@code htm}, {@code htp},
 * {@code bd}, {@code iat} and {@code jti}.
 *
 * <p>The caller still has to check that {@link Verified#deviceId()} is allowed to act on the
 * resource it asks for (e.g. that it is the device named in the path).
 */
final class DeviceRequestVerifier {

    /** A request whose signature holds. */
    public record Verified(String deviceId, String jti, Instant issuedAt, PublicJwk.Type keyType) {
    }

    public static final Duration DEFAULT_MAX_SKEW = Duration.ofSeconds(300);

    private static final int MAX_HEADER_LENGTH = 4096;
    private static final Pattern JTI = Pattern.compile("[A-Za-z0-9_-]{22,128}");
    private static final Set<String> KNOWN_HEADER_PARAMETERS = Set.of("alg", "typ", "kid");

    private final Clock clock;
    private final NonceStore nonces;
    private final Duration maxSkew;

    public DeviceRequestVerifier(Clock clock, NonceStore nonces) {
        this(clock, nonces, DEFAULT_MAX_SKEW);
    }

    public DeviceRequestVerifier(Clock clock, NonceStore nonces, Duration maxSkew) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.nonces = Objects.requireNonNull(nonces, "nonces");
        this.maxSkew = Objects.requireNonNull(maxSkew, "maxSkew");
        if (maxSkew.isNegative() || maxSkew.isZero()) {
            throw new IllegalArgumentException("maxSkew must be positive");
        }
    }

    /**
     * @param method          the request's HTTP method
     * @param pathAndQuery    the request's path and query exactly as received (raw, not decoded)
     * @param body            the exact body bytes; {@code null} or empty for none
     * @param signatureHeader the {@code Device-Signature} header value, or {@code null}
     * @param keyLookup       finds the registered public key of a device id
     */
    public Verified verify(String method, String pathAndQuery, byte[] body, String signatureHeader,
                           Function<String, Optional<PublicJwk>> keyLookup) throws DeviceSignatureException {
        if (signatureHeader == null || signatureHeader.isBlank()) {
            throw fail(Reason.MISSING, "The Device-Signature header is missing.");
        }
        JWSObject jws = parse(signatureHeader.strip());
        JWSHeader header = jws.getHeader();
        JWSAlgorithm alg = header.getAlgorithm();
        if (!JWSAlgorithm.ES256.equals(alg) && !JWSAlgorithm.EdDSA.equals(alg) && !JWSAlgorithm.Ed25519.equals(alg)) {
            throw fail(Reason.MALFORMED, "The Device-Signature must use alg ES256 or EdDSA.");
        }
        if (!DeviceRequests.TYPE.equals(header.getType())) {
            throw fail(Reason.MALFORMED, "The Device-Signature must have typ device-request+jwt.");
        }
        if (header.getCriticalParams() != null || !KNOWN_HEADER_PARAMETERS.containsAll(header.getIncludedParams())) {
            throw fail(Reason.MALFORMED, "The Device-Signature header may hold only alg, typ and kid.");
        }
        String kid = header.getKeyID();
        if (kid == null || kid.isBlank()) {
            throw fail(Reason.MALFORMED, "The Device-Signature must name the device in kid.");
        }
        PublicJwk key = keyLookup.apply(kid)
                .orElseThrow(() -> fail(Reason.UNKNOWN_KEY, "The signing device is not registered."));
        if (!signatureHolds(jws, key)) {
            throw fail(Reason.BAD_SIGNATURE, "The Device-Signature does not verify with the device's registered key.");
        }

        Map<String, Object> claims = jws.getPayload().toJSONObject();
        if (claims == null) {
            throw fail(Reason.MALFORMED, "The Device-Signature payload must be a JSON object.");
        }
        String htm = stringClaim(claims, "htm");
        String htp = stringClaim(claims, "htp");
        String bd = stringClaim(claims, "bd");
        String jti = stringClaim(claims, "jti");
        if (!JTI.matcher(jti).matches()) {
            throw fail(Reason.MALFORMED, "The Device-Signature jti must be a random value of 16 or more bytes, base64url.");
        }
        Object iatValue = claims.get("iat");
        if (!(iatValue instanceof Long || iatValue instanceof Integer)) {
            throw fail(Reason.MALFORMED, "The Device-Signature must have a numeric iat in seconds.");
        }
        Instant issuedAt = Instant.ofEpochSecond(((Number) iatValue).longValue());

        if (!htm.equals(method)) {
            throw fail(Reason.WRONG_REQUEST, "The Device-Signature was made for another HTTP method.");
        }
        if (!htp.equals(pathAndQuery)) {
            throw fail(Reason.WRONG_REQUEST, "The Device-Signature was made for another path or query.");
        }
        if (!bd.equals(DeviceRequests.bodyDigest(body))) {
            throw fail(Reason.WRONG_REQUEST, "The Device-Signature was made for another request body.");
        }
        Instant now = clock.instant();
        if (Duration.between(issuedAt, now).abs().compareTo(maxSkew) > 0) {
            throw fail(Reason.STALE, "The Device-Signature iat is more than " + maxSkew.toSeconds()
                    + " seconds away from the server's time; check the device clock.");
        }
        if (!nonces.firstUse(kid, jti, issuedAt.plus(maxSkew))) {
            throw fail(Reason.REPLAYED, "The Device-Signature has been used before; sign each request anew.");
        }
        return new Verified(kid, jti, issuedAt, key.type());
    }

    private static JWSObject parse(String compact) throws DeviceSignatureException {
        if (compact.length() > MAX_HEADER_LENGTH) {
            throw fail(Reason.MALFORMED, "The Device-Signature header is too long.");
        }
        try {
            return JWSObject.parse(compact);
        } catch (ParseException | RuntimeException e) {
            // includes alg "none", which nimbus does not accept as a JWS header
            throw fail(Reason.MALFORMED, "The Device-Signature header is not a compact JWS with alg ES256 or EdDSA.");
        }
    }

    private static boolean signatureHolds(JWSObject jws, PublicJwk key) {
        JWSAlgorithm alg = jws.getHeader().getAlgorithm();
        byte[] signingInput = jws.getSigningInput();
        switch (key.type()) {
            case EC_P256:
                if (!JWSAlgorithm.ES256.equals(alg)) {
                    return false;
                }
                // Like nimbus's ECDSAVerifier: no critical header parameters we would not understand.
                if (jws.getHeader().getCriticalParams() != null && !jws.getHeader().getCriticalParams().isEmpty()) {
                    return false;
                }
                try {
                    // Es256 (native P-256, else Bouncy Castle): JDK 17's verify took ~1.6 ms per device request.
                    return Es256.verify(((ECKey) key.jwk()).toECPublicKey(), signingInput,
                            jws.getSignature().decode());
                } catch (JOSEException e) {
                    return false;
                }
            case ED25519:
                if (!JWSAlgorithm.EdDSA.equals(alg) && !JWSAlgorithm.Ed25519.equals(alg)) {
                    return false;
                }
                return Ed25519.verify(((OctetKeyPair) key.jwk()).getDecodedX(), signingInput,
                        jws.getSignature().decode());
            default:
                return false;
        }
    }

    private static String stringClaim(Map<String, Object> claims, String name) throws DeviceSignatureException {
        if (claims.get(name) instanceof String value && !value.isEmpty()) {
            return value;
        }
        throw fail(Reason.MALFORMED, "The Device-Signature must have the claim " + name + " as a string.");
    }

    private static DeviceSignatureException fail(Reason reason, String message) {
        return new DeviceSignatureException(reason, message);
    }
}
