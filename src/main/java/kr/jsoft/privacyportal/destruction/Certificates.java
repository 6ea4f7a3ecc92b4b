package kr.jsoft.privacyportal.destruction;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Destruction certificates: a compact JWS signed with the portal's ES256 {@code signing} key
 * (header {@code typ destruction-certificate+jwt}, {@code kid} of the key published at
 * {@code /.well-known/jwks.json}), so anyone can check one with the JWKS alone. Claims:
 * {@code ref}, {@code origin}, {@code requested_at}, {@code approved_at}, {@code completed_at}
 * (epoch seconds), {@code devices}, {@code wiped}, {@code not_confirmed} (device positions),
 * {@code receipts} ({@code device} position and {@code sha256}, base64url, of the device's
 * signed COMPLETED receipt), {@code outcome} and {@code iat}.
 */
final class Certificates {
    public static final JOSEObjectType TYPE = new JOSEObjectType("destruction-certificate+jwt");
    static final int MAX_LENGTH = 8000;

    private final ECDSASigner signer;
    private final String keyId;
    private final JWKSet publicKeys;

    public Certificates(ECKey signingKey, JWKSet publicKeys) {
        try {
            this.signer = new ECDSASigner(signingKey);
        } catch (JOSEException e) {
            throw new IllegalArgumentException("the signing key must be a private P-256 key", e);
        }
        this.keyId = signingKey.getKeyID();
        this.publicKeys = publicKeys;
    }

    /** One device's verified receipt as the certificate lists it. */
    public record Receipt(int device, String sha256) {
    }

    /** What a certificate states. */
    public record Facts(String reference, String origin, Instant requestedAt, Optional<Instant> approvedAt,
                        Instant completedAt, int devices, int wiped, List<Integer> notConfirmed,
                        List<Receipt> receipts, String outcome, String keyId) {
    }

    /** A pasted certificate checked: valid with its facts, or invalid with the reason. */
    public record Verification(boolean valid, Optional<Facts> facts, String reason) {
        static Verification invalid(String reason) {
            return new Verification(false, Optional.empty(), reason);
        }
    }

    String sign(Facts facts, Instant issuedAt) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("ref", facts.reference());
        claims.put("origin", facts.origin());
        claims.put("requested_at", facts.requestedAt().getEpochSecond());
        facts.approvedAt().ifPresent(at -> claims.put("approved_at", at.getEpochSecond()));
        claims.put("completed_at", facts.completedAt().getEpochSecond());
        claims.put("devices", facts.devices());
        claims.put("wiped", facts.wiped());
        claims.put("not_confirmed", facts.notConfirmed());
        List<Map<String, Object>> receipts = new ArrayList<>();
        for (Receipt r : facts.receipts()) {
            Map<String, Object> receipt = new LinkedHashMap<>();
            receipt.put("device", r.device());
            receipt.put("sha256", r.sha256());
            receipts.add(receipt);
        }
        claims.put("receipts", receipts);
        claims.put("outcome", facts.outcome());
        claims.put("iat", issuedAt.getEpochSecond());
        JWSObject jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.ES256).type(TYPE).keyID(keyId).build(),
                new Payload(claims));
        try {
            jws.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a certificate", e);
        }
        return jws.serialize();
    }

    /** Checks a pasted certificate against the published keys; never throws on bad input. */
    public Verification verify(String pasted) {
        String compact = pasted == null ? "" : pasted.replaceAll("\\s", "");
        if (compact.isEmpty() || compact.length() > MAX_LENGTH) {
            return Verification.invalid("destruction.verify.reason.empty");
        }
        JWSObject jws;
        try {
            jws = JWSObject.parse(compact);
        } catch (ParseException e) {
            return Verification.invalid("destruction.verify.reason.format");
        }
        JWSHeader header = jws.getHeader();
        if (!JWSAlgorithm.ES256.equals(header.getAlgorithm()) || !TYPE.equals(header.getType())) {
            return Verification.invalid("destruction.verify.reason.type");
        }
        JWK key = header.getKeyID() == null ? null : publicKeys.getKeyByKeyId(header.getKeyID());
        if (!(key instanceof ECKey ec)) {
            return Verification.invalid("destruction.verify.reason.key");
        }
        try {
            if (!jws.verify(new ECDSAVerifier(ec.toPublicJWK()))) {
                return Verification.invalid("destruction.verify.reason.signature");
            }
        } catch (JOSEException e) {
            return Verification.invalid("destruction.verify.reason.signature");
        }
        try {
            return new Verification(true, Optional.of(facts(jws.getPayload().toJSONObject(), header.getKeyID())), "");
        } catch (RuntimeException e) {
            return Verification.invalid("destruction.verify.reason.format");
        }
    }

    private static Facts facts(Map<String, Object> claims, String keyId) {
        List<Integer> notConfirmed = new ArrayList<>();
        for (Object n : (List<?>) claims.get("not_confirmed")) {
            notConfirmed.add(((Number) n).intValue());
        }
        List<Receipt> receipts = new ArrayList<>();
        for (Object o : (List<?>) claims.get("receipts")) {
            Map<?, ?> r = (Map<?, ?>) o;
            receipts.add(new Receipt(((Number) r.get("device")).intValue(), (String) r.get("sha256")));
        }
        Object approved = claims.get("approved_at");
        return new Facts((String) claims.get("ref"), (String) claims.get("origin"), epoch(claims.get("requested_at")),
                approved == null ? Optional.empty() : Optional.of(epoch(approved)), epoch(claims.get("completed_at")),
                ((Number) claims.get("devices")).intValue(), ((Number) claims.get("wiped")).intValue(), notConfirmed,
                receipts, (String) claims.get("outcome"), keyId);
    }

    private static Instant epoch(Object value) {
        return Instant.ofEpochSecond(((Number) value).longValue());
    }
}
