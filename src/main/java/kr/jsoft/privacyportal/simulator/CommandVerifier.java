package kr.jsoft.privacyportal.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import java.io.IOException;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * What the app does with each command before acting on it: checks the portal's ES256 signature
 * with a key from the portal's {@code /.well-known/jwks.json} (fetched again once when the
 * {@code kid} is unknown, for key rotation), the {@code typ}, that the command is for this device
 * and that it has not expired.
 */
public final class CommandVerifier {
    static final JOSEObjectType TYPE = new JOSEObjectType("device-command+jwt");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A command whose signature holds. */
    public record Verified(String id, String kind, String nonce, JsonNode args, Instant expiresAt) {
    }

    /** A command the app refuses to act on. */
    public static final class Rejected extends Exception {
        private static final long serialVersionUID = 1L;

        Rejected(String reason) {
            super(reason, null, false, false);
        }
    }

    private final Supplier<JWKSet> jwks;
    private final Clock clock;
    private volatile JWKSet keys;

    /** @param jwks fetches the portal's JWKS (called lazily, and again for an unknown kid) */
    public CommandVerifier(Supplier<JWKSet> jwks, Clock clock) {
        this.jwks = jwks;
        this.clock = clock;
    }

    public Verified verify(String compact, String deviceId) throws Rejected {
        JWSObject jws;
        try {
            jws = JWSObject.parse(compact);
        } catch (ParseException e) {
            throw new Rejected("not a compact JWS");
        }
        if (!JWSAlgorithm.ES256.equals(jws.getHeader().getAlgorithm()) || !TYPE.equals(jws.getHeader().getType())) {
            throw new Rejected("not an ES256 device-command+jwt");
        }
        ECKey key = key(jws.getHeader().getKeyID());
        try {
            if (!jws.verify(new ECDSAVerifier(key))) {
                throw new Rejected("the signature does not verify with the portal's published key");
            }
        } catch (JOSEException e) {
            throw new Rejected("the signature cannot be checked");
        }
        JsonNode claims;
        try {
            claims = JSON.readTree(jws.getPayload().toString());
        } catch (IOException e) {
            throw new Rejected("the payload is not JSON");
        }
        if (!deviceId.equals(claims.path("sub").asText())) {
            throw new Rejected("the command is for another device");
        }
        Instant expiresAt = Instant.ofEpochSecond(claims.path("exp").asLong());
        if (!clock.instant().isBefore(expiresAt)) {
            throw new Rejected("the command has expired");
        }
        return new Verified(claims.path("jti").asText(), claims.path("cmd").asText(), claims.path("nonce").asText(),
                claims.path("args"), expiresAt);
    }

    private ECKey key(String kid) throws Rejected {
        if (kid == null) {
            throw new Rejected("the command names no key");
        }
        for (int attempt = 0; attempt < 2; attempt++) {
            if (keys == null || attempt == 1) {
                keys = jwks.get();
            }
            JWK key = keys.getKeyByKeyId(kid);
            if (key instanceof ECKey ec && !ec.isPrivate()) {
                return ec;
            }
        }
        throw new Rejected("the portal publishes no key " + kid);
    }
}
