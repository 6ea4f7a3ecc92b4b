package kr.jsoft.privacyportal.destruction;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * How long destruction requests take, from the request to its final state: the timer
 * {@value #LATENCY} (Prometheus {@code portal_destruction_latency_seconds}) tagged with the
 * outcome. The destruction feature calls {@link #finished} once per request.
 */
public final class DestructionMetrics {
    public static final String LATENCY = "portal.destruction.latency";
    private static final Pattern OUTCOME = Pattern.compile("[a-z][a-z-]{0,23}");
    private static final Duration[] BUCKETS = {Duration.ofSeconds(10), Duration.ofMinutes(1), Duration.ofMinutes(10),
            Duration.ofHours(1), Duration.ofHours(6), Duration.ofDays(1), Duration.ofDays(3), Duration.ofDays(10)};
    private final MeterRegistry registry;

    DestructionMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /**
     * Records one destruction request that reached its final state.
     *
     * @param sinceRequested time from the request's receipt to now
     * @param outcome        a short lower-case word: {@code completed}, {@code partial}, {@code failed}, {@code refused}…
     */
    public void finished(Duration sinceRequested, String outcome) {
        if (!OUTCOME.matcher(outcome).matches()) {
            throw new IllegalArgumentException("outcome must be a short lower-case word: " + outcome);
        }
        timer(outcome).record(sinceRequested.isNegative() ? Duration.ZERO : sinceRequested);
    }

    Timer timer(String outcome) {
        return Timer.builder(LATENCY)
                .description("Destruction requests from receipt to their final state")
                .tag("outcome", outcome)
                .serviceLevelObjectives(BUCKETS)
                .register(registry);
    }
}
