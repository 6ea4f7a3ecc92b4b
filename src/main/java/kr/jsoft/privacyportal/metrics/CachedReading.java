package kr.jsoft.privacyportal.metrics;

import java.time.Duration;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A database reading behind gauges, taken at most once per {@code maxAge} however often
 * Prometheus scrapes and however many gauges read it. A failed reading gives NaN (no value)
 * until the next one succeeds. The age is measured on the monotonic clock: it is a cache, not
 * business time.
 */
public final class CachedReading<T> {
    /** How stale a database gauge may be: a scrape every 15 s reads the database at most once. */
    public static final Duration MAX_AGE = Duration.ofSeconds(5);

    private static final Logger log = LoggerFactory.getLogger(CachedReading.class);
    private final Supplier<T> source;
    private final long maxAgeNanos;
    private T value;
    private long readAt;
    private boolean read;

    public CachedReading(Supplier<T> source, Duration maxAge) {
        this.source = source;
        this.maxAgeNanos = maxAge.toNanos();
    }

    public synchronized double get(ToDoubleFunction<T> field) {
        long now = System.nanoTime();
        if (!read || now - readAt >= maxAgeNanos) {
            readAt = now;
            read = true;
            try {
                value = source.get();
            } catch (RuntimeException e) {
                log.warn("Metrics reading failed: {}", e.getClass().getSimpleName());
                value = null;
            }
        }
        return value == null ? Double.NaN : field.applyAsDouble(value);
    }
}
