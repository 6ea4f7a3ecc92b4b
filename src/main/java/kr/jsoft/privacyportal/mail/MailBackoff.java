package kr.jsoft.privacyportal.mail;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Delay before the next attempt after {@code attempts} failed ones: {@code base * 2^(attempts-1)},
 * at most {@code cap}, scaled by a random factor in [0.5, 1] so that many mails failing together
 * (a relay outage) do not all come back in the same second. With the defaults (2 min, 6 h)
 * eight attempts span about four hours.
 */
record MailBackoff(Duration base, Duration cap, RandomGenerator random) {
    static MailBackoff standard(RandomGenerator random) {
        return new MailBackoff(Duration.ofMinutes(2), Duration.ofHours(6), random);
    }

    Duration after(int attempts) {
        int shift = Math.max(0, Math.min(attempts - 1, 30));
        long millis = Math.min(cap.toMillis(), base.toMillis() << shift);
        return Duration.ofMillis((long) (millis * (0.5 + 0.5 * random.nextDouble())));
    }
}
