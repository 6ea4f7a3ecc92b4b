package kr.jsoft.privacyportal.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CommandSignerTest {
    private final ECKey key = generate("signing-1");
    private final CommandSigner signer = new CommandSigner(key);

    private static ECKey generate(String id) {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID(id).generate();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aSignedCommandIsACompactJwsThatNimbusParsesAndVerifiesWithThePublishedKey() throws Exception {
        UUID command = UUID.randomUUID();
        UUID device = UUID.randomUUID();
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("code", "device-registered");
        args.put("message", "새 기기가 등록되었습니다 \"quoted\" </script> & 12");
        Instant issued = Instant.parse("2026-11-30T12:00:00Z");

        String compact = signer.sign(command, device, CommandKind.NOTIFY, "n0nce", issued,
                issued.plusSeconds(86_400), args);

        JWSObject jws = JWSObject.parse(compact);
        assertThat(jws.verify(new ECDSAVerifier(key.toPublicJWK()))).isTrue();
        assertThat(jws.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
        assertThat(jws.getHeader().getType()).isEqualTo(CommandSigner.TYPE);
        assertThat(jws.getHeader().getKeyID()).isEqualTo("signing-1");
        Map<String, Object> claims = jws.getPayload().toJSONObject();
        assertThat(claims).containsEntry("jti", command.toString()).containsEntry("sub", device.toString())
                .containsEntry("cmd", "NOTIFY").containsEntry("nonce", "n0nce")
                .containsEntry("iat", issued.getEpochSecond()).containsEntry("exp", issued.getEpochSecond() + 86_400)
                .containsEntry("args", args);
        assertThat(compact).doesNotContain("=").doesNotContain("+").doesNotContain("/");
    }

    @Test
    void anotherKeyOrAChangedPayloadDoesNotVerify() throws Exception {
        String compact = signer.sign(UUID.randomUUID(), UUID.randomUUID(), CommandKind.WIPE_APP_DATA, "n",
                Instant.EPOCH, Instant.EPOCH.plusSeconds(60), Map.of());
        String[] parts = compact.split("\\.");
        String otherPayload = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"cmd\":\"WIPE_APP_DATA\",\"sub\":\"someone-else\"}".getBytes());

        assertThat(JWSObject.parse(compact).verify(new ECDSAVerifier(generate("other").toPublicJWK()))).isFalse();
        assertThat(JWSObject.parse(parts[0] + "." + otherPayload + "." + parts[2])
                .verify(new ECDSAVerifier(key.toPublicJWK()))).isFalse();
    }
}
