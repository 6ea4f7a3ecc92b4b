package kr.jsoft.privacyportal.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class DataCipherTest {
    private static final SecretKey KEY_1 = key(1);
    private static final SecretKey KEY_2 = key(2);
    private final DataCipher cipher = new DataCipher("k1", Map.of("k1", KEY_1), new SecureRandom());

    private static SecretKey key(int seed) {
        byte[] bytes = new byte[32];
        java.util.Arrays.fill(bytes, (byte) seed);
        return new SecretKeySpec(bytes, "AES");
    }

    @Test
    void sealedTextOpensAgainAndDoesNotContainThePlaintext() {
        String sealed = cipher.sealText("fcm-token-abc", "device.push:1");

        assertThat(sealed).startsWith("k1:").doesNotContain("fcm-token-abc");
        assertThat(cipher.openText(sealed, "device.push:1")).isEqualTo("fcm-token-abc");
    }

    @Test
    void everySealUsesAFreshNonce() {
        String first = cipher.sealText("same", "c");
        String second = cipher.sealText("same", "c");

        assertThat(first).isNotEqualTo(second);
        byte[] a = Base64.getUrlDecoder().decode(first.substring(3));
        byte[] b = Base64.getUrlDecoder().decode(second.substring(3));
        assertThat(java.util.Arrays.copyOf(a, 12)).isNotEqualTo(java.util.Arrays.copyOf(b, 12));
        assertThat(a).hasSize(12 + "same".length() + 16);
    }

    @Test
    void valueSealedForAnotherContextDoesNotOpen() {
        String sealed = cipher.sealText("secret", "device.push:1");

        assertThatThrownBy(() -> cipher.open(sealed, "device.push:2"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("secret");
    }

    @Test
    void alteredValueDoesNotOpen() {
        String sealed = cipher.sealText("secret", "c");
        byte[] bytes = Base64.getUrlDecoder().decode(sealed.substring(3));
        bytes[bytes.length - 1] ^= 1;
        String altered = "k1:" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);

        assertThatThrownBy(() -> cipher.open(altered, "c")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> cipher.open("k1:!!", "c")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> cipher.open("nokey", "c")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void afterRotationOldValuesOpenAndNewOnesUseTheNewKey() {
        String old = cipher.seal("before".getBytes(StandardCharsets.UTF_8), "c");
        DataCipher rotated = new DataCipher("k2", Map.of("k1", KEY_1, "k2", KEY_2), new SecureRandom());

        assertThat(rotated.openText(old, "c")).isEqualTo("before");
        assertThat(rotated.needsResealing(old)).isTrue();
        String fresh = rotated.sealText("after", "c");
        assertThat(fresh).startsWith("k2:");
        assertThat(rotated.needsResealing(fresh)).isFalse();
        assertThatThrownBy(() -> cipher.open(fresh, "c")).hasMessage("sealed with an unknown key");
    }

    @Test
    void keysMustBe256BitsAndTheCurrentKeyMustBeKnown() {
        SecretKey short128 = new SecretKeySpec(new byte[16], "AES");
        assertThatThrownBy(() -> new DataCipher("k", Map.of("k", short128), new SecureRandom()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DataCipher("k9", Map.of("k1", KEY_1), new SecureRandom()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keyedHashSeparatesPurposesAndIsStable() {
        KeyedHash hash = new KeyedHash(new SecretKeySpec(new byte[32], "HmacSHA256"));

        assertThat(hash.hash("phone", "+821012345678")).hasSize(64).isEqualTo(hash.hash("phone", "+821012345678"));
        assertThat(hash.hash("phone", "+821012345678")).isNotEqualTo(hash.hash("code", "+821012345678"));
        assertThat(hash.hash("a", "b", "c")).isNotEqualTo(hash.hash("a", "bc"));
        assertThat(KeyedHash.same(hash.hash("x"), hash.hash("x"))).isTrue();
    }
}
