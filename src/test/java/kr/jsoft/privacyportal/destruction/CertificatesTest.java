package kr.jsoft.privacyportal.destruction;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CertificatesTest {
    private static final Instant T = Instant.parse("2026-11-30T03:00:00Z");

    private static ECKey key(String kid) throws Exception {
        return new ECKeyGenerator(Curve.P_256).keyID(kid).algorithm(JWSAlgorithm.ES256).generate();
    }

    private static Certificates.Facts facts() {
        return new Certificates.Facts("D-2026-000007", "web", T, Optional.of(T.plusSeconds(20)), T.plusSeconds(21), 2,
                1, List.of(2), List.of(new Certificates.Receipt(1, "abc123")), "PARTIAL", null);
    }

    @Test
    void aSignedCertificateVerifiesWithItsFacts() throws Exception {
        ECKey key = key("signing");
        Certificates certificates = new Certificates(key, new JWKSet(key.toPublicJWK()));
        Certificates.Verification v = certificates.verify(certificates.sign(facts(), T.plusSeconds(21)));
        assertThat(v.valid()).isTrue();
        Certificates.Facts f = v.facts().orElseThrow();
        assertThat(f.reference()).isEqualTo("D-2026-000007");
        assertThat(f.notConfirmed()).containsExactly(2);
        assertThat(f.receipts()).containsExactly(new Certificates.Receipt(1, "abc123"));
        assertThat(f.approvedAt()).contains(T.plusSeconds(20));
        assertThat(f.keyId()).isEqualTo("signing");
    }

    @Test
    void aChangedClaimBreaksTheSignature() throws Exception {
        ECKey key = key("signing");
        Certificates certificates = new Certificates(key, new JWKSet(key.toPublicJWK()));
        String[] parts = certificates.sign(facts(), T).split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1])).replace("\"wiped\":1", "\"wiped\":2");
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes())
                + "." + parts[2];
        assertThat(certificates.verify(tampered).valid()).isFalse();
        assertThat(certificates.verify(tampered).reason()).isEqualTo("destruction.verify.reason.signature");
    }

    @Test
    void aCertificateSignedWithAnotherKeyOrGarbageIsInvalid() throws Exception {
        ECKey published = key("signing");
        ECKey other = key("signing");
        Certificates portal = new Certificates(published, new JWKSet(published.toPublicJWK()));
        Certificates forger = new Certificates(other, new JWKSet(other.toPublicJWK()));
        assertThat(portal.verify(forger.sign(facts(), T)).valid()).isFalse();
        assertThat(portal.verify("not a certificate").valid()).isFalse();
        assertThat(portal.verify("").reason()).isEqualTo("destruction.verify.reason.empty");
        assertThat(portal.verify(null).valid()).isFalse();
    }
}
