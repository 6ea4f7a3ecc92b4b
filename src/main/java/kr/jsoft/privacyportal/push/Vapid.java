package kr.jsoft.privacyportal.push;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.security.KeyPair;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Locale;

/** VAPID (RFC 8292): {@code Authorization: vapid t=<ES256 JWT>, k=<public key>}. */
final class Vapid {

    static final Duration VALIDITY = Duration.ofHours(12);

    private final ECDSASigner signer;
    private final String publicKey;
    private final String subject;
    private final Clock clock;

    /**
     * @param keyPair P-256 application server key pair
     * @param contact {@code mailto:} (or {@code https:}) contact for the push service operator
     */
    Vapid(KeyPair keyPair, String contact, Clock clock) {
        if (!(keyPair.getPrivate() instanceof ECPrivateKey priv) || !(keyPair.getPublic() instanceof ECPublicKey pub)) {
            throw new IllegalArgumentException("VAPID needs a P-256 key pair");
        }
        if (contact == null || !(contact.startsWith("mailto:") || contact.startsWith("https:"))) {
            throw new IllegalArgumentException("VAPID contact must be a mailto: or https: URI");
        }
        try {
            this.signer = new ECDSASigner(priv);
        } catch (JOSEException e) {
            throw new IllegalArgumentException("VAPID needs a P-256 key pair", e);
        }
        this.publicKey = Base64.getUrlEncoder().withoutPadding().encodeToString(P256Keys.encode(pub));
        this.subject = contact;
        this.clock = clock;
    }

    /** A token for one push service origin, reused until half its validity has passed. */
    private record Cached(String header, Instant renewAt) {
    }

    private final java.util.concurrent.ConcurrentHashMap<String, Cached> cache = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The header for {@code endpoint}. One ES256 signature per push service origin and 6 hours, not per
     * wake-up: the token names only the origin, so every subscription of that service can share it.
     */
    String authorization(URI endpoint) {
        String origin = origin(endpoint);
        Instant now = clock.instant();
        Cached cached = cache.get(origin);
        if (cached != null && now.isBefore(cached.renewAt())) {
            return cached.header();
        }
        String header = sign(endpoint, now);
        if (cache.size() >= 10_000) {
            cache.clear();
        }
        cache.put(origin, new Cached(header, now.plus(VALIDITY.dividedBy(2))));
        return header;
    }

    private String sign(URI endpoint, Instant now) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .audience(origin(endpoint))
                .expirationTime(Date.from(now.plus(VALIDITY)))
                .subject(subject)
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).type(JOSEObjectType.JWT).build(), claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("VAPID signing failed", e);
        }
        return "vapid t=" + jwt.serialize() + ", k=" + publicKey;
    }

    /** {@code scheme://host[:port]}, the port only when not the scheme's default. */
    static String origin(URI endpoint) {
        String scheme = endpoint.getScheme().toLowerCase(Locale.ROOT);
        int port = endpoint.getPort();
        boolean defaultPort = port == -1 || (scheme.equals("https") && port == 443) || (scheme.equals("http") && port == 80);
        return scheme + "://" + endpoint.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
    }
}
