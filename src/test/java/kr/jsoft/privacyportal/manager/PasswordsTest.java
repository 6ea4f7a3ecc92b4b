package kr.jsoft.privacyportal.manager;

import static org.assertj.core.api.Assertions.assertThat;

import com.password4j.Argon2Function;
import org.junit.jupiter.api.Test;

class PasswordsTest {
    static final Passwords passwords = new Passwords();

    @Test
    void hashIsArgon2idWithTheDocumentedParametersAndVerifies() {
        String hash = passwords.hash("plover-quartz-lantern-73");

        assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(passwords.matches("plover-quartz-lantern-73", hash)).isTrue();
        assertThat(passwords.matches("plover-quartz-lantern-74", hash)).isFalse();
        assertThat(passwords.matches("anything", null)).isFalse();
    }

    @Test
    void theDecoyAnUnknownAccountIsCheckedAgainstCostsWhatARealHashCosts() {
        assertThat(Argon2Function.getInstanceFromHash(Passwords.DECOY)).isEqualTo(Passwords.ARGON2);
        assertThat(passwords.matches("decoy password that matches nothing", null)).isFalse();
    }

    @Test
    void shortAndCommonPasswordsAreRefusedEvenWhenDecorated() {
        assertThat(passwords.problem("elevenchars")).hasValue("manager.password.too-short");
        assertThat(passwords.problem("baseball1234")).hasValue("manager.password.common");
        assertThat(passwords.problem("!!Sunshine2026!!")).hasValue("manager.password.common");
        assertThat(passwords.problem("qwertyuiop12")).hasValue("manager.password.common");
        assertThat(passwords.problem("111111111111")).hasValue("manager.password.common");
        assertThat(passwords.problem("plover-quartz-lantern-73")).isEmpty();
    }
}
