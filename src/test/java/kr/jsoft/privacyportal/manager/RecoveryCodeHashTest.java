package kr.jsoft.privacyportal.manager;

import static org.assertj.core.api.Assertions.assertThat;

import javax.crypto.spec.SecretKeySpec;
import kr.jsoft.privacyportal.crypto.Digests;
import kr.jsoft.privacyportal.crypto.KeyedHash;
import org.junit.jupiter.api.Test;

class RecoveryCodeHashTest {
    private static KeyedHash key(int seed) {
        byte[] bytes = new byte[32];
        bytes[0] = (byte) seed;
        return new KeyedHash(new SecretKeySpec(bytes, "HmacSHA256"));
    }

    @Test
    void aStoredCodeIsNotItsPlainHashAndNeedsTheKey() {
        String code = Tokens.normaliseRecoveryCode("abcde-fghjk");
        String stored = new RecoveryCodeHash(key(1)).of(code);

        assertThat(stored).hasSize(64).isNotEqualTo(Digests.sha256Hex(code));
        assertThat(new RecoveryCodeHash(key(1)).of(code)).isEqualTo(stored);
        assertThat(new RecoveryCodeHash(key(2)).of(code)).as("another key, another hash").isNotEqualTo(stored);
    }

    @Test
    void itsPurposeIsItsOwn() {
        String code = Tokens.normaliseRecoveryCode("abcde-fghjk");
        assertThat(new RecoveryCodeHash(key(1)).of(code))
                .isEqualTo(key(1).hash(RecoveryCodeHash.PURPOSE, Digests.sha256Hex(code)))
                .isNotEqualTo(key(1).hash("phone", Digests.sha256Hex(code)));
    }
}
