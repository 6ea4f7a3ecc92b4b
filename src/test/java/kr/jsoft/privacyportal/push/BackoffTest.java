package kr.jsoft.privacyportal.push;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import kr.jsoft.privacyportal.testing.MutableClock;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));

    /** A generator whose nextDouble() is (almost) exactly {@code value}. */
    private static RandomGenerator fixed(double value) {
        long bits = (long) (value * (1L << 53)) << 11;
        return () -> bits;
    }

    @Test
    void backoffIsJitteredAndCapped() {
        Backoff lowest = Backoff.standard(fixed(0.0), clock);
        Backoff highest = Backoff.standard(fixed(0.999_999), clock);

        assertThat(lowest.delay(1, Optional.empty())).isEqualTo(Duration.ofMillis(500));
        assertThat(lowest.delay(2, Optional.empty())).isEqualTo(Duration.ofSeconds(1));
        assertThat(lowest.delay(4, Optional.empty())).isEqualTo(Duration.ofSeconds(4));
        assertThat(highest.delay(1, Optional.empty())).isBetween(Duration.ofMillis(999), Duration.ofSeconds(1));
        assertThat(highest.delay(7, Optional.empty())).isBetween(Duration.ofMillis(59_999), Duration.ofSeconds(60));
        assertThat(highest.delay(1_000, Optional.empty())).isLessThanOrEqualTo(Duration.ofSeconds(60));
        assertThat(lowest.delay(Integer.MAX_VALUE, Optional.empty())).isEqualTo(Duration.ofSeconds(30));

        Backoff seeded = Backoff.standard(new SplittableRandom(42), clock);
        for (int attempt = 1; attempt <= 20; attempt++) {
            Duration d = seeded.delay(attempt, Optional.empty());
            Duration exp = Duration.ofSeconds(Math.min(60, 1L << Math.min(attempt - 1, 30)));
            assertThat(d).isBetween(exp.dividedBy(2), exp);
        }
    }

    @Test
    void retryAfterIsHonouredOverBackoff() {
        Backoff backoff = Backoff.standard(fixed(0.5), clock);

        assertThat(backoff.delay(1, Optional.of(Duration.ofMinutes(10)))).isEqualTo(Duration.ofMinutes(10));
        assertThat(backoff.nextAttemptAt(3, PushOutcome.retry(Optional.of(Duration.ofSeconds(90)), "x")))
                .isEqualTo(Instant.parse("2026-03-01T10:01:30Z"));
        assertThat(backoff.nextAttemptAt(1, PushOutcome.retry("x")))
                .isEqualTo(Instant.parse("2026-03-01T10:00:00.750Z"));
    }

    @Test
    void baseAndCapAreConfigurable() {
        Backoff backoff = new Backoff(Duration.ofSeconds(5), Duration.ofMinutes(10), fixed(0.0), clock);

        assertThat(backoff.delay(3, Optional.empty())).isEqualTo(Duration.ofSeconds(10));
        assertThat(backoff.delay(20, Optional.empty())).isEqualTo(Duration.ofMinutes(5));
    }
}
