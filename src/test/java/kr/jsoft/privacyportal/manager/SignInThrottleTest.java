package kr.jsoft.privacyportal.manager;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SignInThrottleTest {
    @Test
    void accountDelaysDoubleAfterFiveFreeFailuresUpToFifteenMinutes() {
        SignInThrottle.Rule rule = SignInThrottle.ACCOUNT;

        assertThat(rule.delayAfter(5)).isZero();
        assertThat(rule.delayAfter(6)).isEqualTo(Duration.ofSeconds(1));
        assertThat(rule.delayAfter(7)).isEqualTo(Duration.ofSeconds(2));
        assertThat(rule.delayAfter(10)).isEqualTo(Duration.ofSeconds(16));
        assertThat(rule.delayAfter(16)).isEqualTo(Duration.ofMinutes(15));
        assertThat(rule.delayAfter(1_000)).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void addressAllowsTwentyFreeFailuresAndCapsAtOneHour() {
        assertThat(SignInThrottle.ADDRESS.delayAfter(20)).isZero();
        assertThat(SignInThrottle.ADDRESS.delayAfter(21)).isEqualTo(Duration.ofSeconds(1));
        assertThat(SignInThrottle.ADDRESS.delayAfter(40)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void accountKeyHidesTheEmailAndIgnoresCase() {
        assertThat(SignInThrottle.accountKey(" Kim@Jsoft.test ")).isEqualTo(SignInThrottle.accountKey("kim@jsoft.test"))
                .doesNotContain("@", "kim");
    }
}
