package kr.jsoft.privacyportal.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The reference device acts only on commands the portal's published key signed, for itself, unexpired. */
class CommandVerifierTest {
    private static final Instant NOW = Instant.parse("2026-11-30T03:00:00Z");
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final ECKey portalKey = key("signing");
    private final AtomicInteger fetches = new AtomicInteger();
    private final CommandVerifier verifier = new CommandVerifier(() -> {
        fetches.incrementAndGet();
        return new JWKSet(portalKey.toPublicJWK());
    }, clock);

    private static ECKey key(String kid) {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID(kid).generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String command(ECKey key, String type, String device, Instant exp) throws Exception {
        JWSObject jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.ES256).type(new JOSEObjectType(type))
                .keyID(key.getKeyID()).build(), new Payload(Map.of("jti", "c1", "sub", device, "cmd", "WIPE_APP_DATA",
                "nonce", "n1", "iat", NOW.getEpochSecond(), "exp", exp.getEpochSecond(), "args", Map.of())));
        jws.sign(new ECDSASigner(key));
        return jws.serialize();
    }

    @Test
    void aCommandSignedWithThePublishedKeyIsAccepted() throws Exception {
        CommandVerifier.Verified verified = verifier.verify(
                command(portalKey, "device-command+jwt", "d1", NOW.plusSeconds(60)), "d1");

        assertThat(verified.kind()).isEqualTo("WIPE_APP_DATA");
        assertThat(verified.nonce()).isEqualTo("n1");
    }

    @Test
    void aCommandSignedByAnotherKeyUnderTheSameKidIsRejected() throws Exception {
        String forged = command(key("signing"), "device-command+jwt", "d1", NOW.plusSeconds(60));

        assertThatThrownBy(() -> verifier.verify(forged, "d1")).isInstanceOf(CommandVerifier.Rejected.class)
                .hasMessageContaining("does not verify");
    }

    @Test
    void anUnknownKidFetchesTheJwksAgainOnceThenRejects() throws Exception {
        String unknown = command(key("rotated"), "device-command+jwt", "d1", NOW.plusSeconds(60));

        assertThatThrownBy(() -> verifier.verify(unknown, "d1")).hasMessageContaining("no key rotated");
        assertThat(fetches.get()).isEqualTo(2);
    }

    @Test
    void commandsForAnotherDeviceExpiredOrOfAnotherTypeAreRejected() throws Exception {
        assertThatThrownBy(() -> verifier.verify(command(portalKey, "device-command+jwt", "d2", NOW.plusSeconds(60)), "d1"))
                .hasMessageContaining("another device");
        assertThatThrownBy(() -> verifier.verify(command(portalKey, "device-command+jwt", "d1", NOW), "d1"))
                .hasMessageContaining("expired");
        assertThatThrownBy(() -> verifier.verify(command(portalKey, "JWT", "d1", NOW.plusSeconds(60)), "d1"))
                .hasMessageContaining("device-command+jwt");
    }
}
