package kr.jsoft.privacyportal.push;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * When to try a {@link PushOutcome.Kind#RETRY} again: the push service's {@code Retry-After} if
 * it gave one, else jittered exponential back-off: {@code min(cap, base * 2^(attempt-1))} scaled
 * by a random factor in [0.5, 1) ("equal jitter"), so it never exceeds the cap.
 */
public final class Backoff {

    private final Duration base;
    private final Duration cap;
    private final RandomGenerator random;
    private final Clock clock;

    public Backoff(Duration base, Duration cap, RandomGenerator random, Clock clock) {
        this.base = Objects.requireNonNull(base, "base");
        this.cap = Objects.requireNonNull(cap, "cap");
        this.random = Objects.requireNonNull(random, "random");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (base.isNegative() || base.isZero() || cap.compareTo(base) < 0) {
            throw new IllegalArgumentException("need 0 < base <= cap");
        }
    }

    /** Base 1 s, cap 60 s (what Firebase's own SDK uses for immediate retries). */
    public static Backoff standard(RandomGenerator random, Clock clock) {
        return new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60), random, clock);
    }

    /**
     * @param attempt    1 for the first retry, 2 for the second, ...
     * @param retryAfter the server's wish, honoured as given
     */
    public Duration delay(int attempt, Optional<Duration> retryAfter) {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt starts at 1");
        }
        if (retryAfter.isPresent()) {
            return retryAfter.get();
        }
        long capMillis = cap.toMillis();
        int shift = Math.min(attempt - 1, 62);
        long exp = base.toMillis() > (capMillis >> shift) ? capMillis : base.toMillis() << shift;
        double factor = 0.5 + 0.5 * random.nextDouble();
        return Duration.ofMillis(Math.min(capMillis, (long) (exp * factor)));
    }

    /** The instant of the next attempt after the given {@code RETRY} outcome. */
    public Instant nextAttemptAt(int attempt, PushOutcome outcome) {
        return clock.instant().plus(delay(attempt, outcome.retryAfter()));
    }
}
