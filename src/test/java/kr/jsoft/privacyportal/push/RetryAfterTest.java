package kr.jsoft.privacyportal.push;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import kr.jsoft.privacyportal.testing.MutableClock;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));

    @Test
    void secondsAndHttpDatesAreUnderstood() {
        assertThat(RetryAfter.parse("120", clock)).contains(Duration.ofSeconds(120));
        assertThat(RetryAfter.parse(" 0 ", clock)).contains(Duration.ZERO);
        assertThat(RetryAfter.parse("Sun, 01 Mar 2026 10:02:00 GMT", clock)).contains(Duration.ofMinutes(2));
    }

    @Test
    void pastDatesMeanNowAndGarbageIsIgnored() {
        assertThat(RetryAfter.parse("Sun, 01 Mar 2026 09:00:00 GMT", clock)).contains(Duration.ZERO);
        assertThat(RetryAfter.parse("soon", clock)).isEqualTo(Optional.empty());
        assertThat(RetryAfter.parse("-5", clock)).isEqualTo(Optional.empty());
        assertThat(RetryAfter.parse("99999999999999999999999", clock)).isEqualTo(Optional.empty());
        assertThat(RetryAfter.parse("", clock)).isEqualTo(Optional.empty());
    }
}
