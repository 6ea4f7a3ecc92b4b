package kr.jsoft.privacyportal.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import kr.jsoft.privacyportal.web.RequestLog;

/**
 * Request rate and latency per route: the timer {@code portal.http.requests} (Prometheus
 * {@code portal_http_requests_seconds_*}) tagged with route (the servlet mapping, never the raw
 * path), method and status, with histogram buckets for quantiles over instances.
 */
public final class RequestMetrics implements RequestLog.RequestObserver {
    static final String NAME = "portal.http.requests";
    private static final Duration[] BUCKETS = {Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
            Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
            Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10)};
    private final MeterRegistry registry;
    /** Bounded like the labels themselves: routes are servlet mappings, methods and statuses small sets. */
    private final Map<Labels, Timer> timers = new ConcurrentHashMap<>();

    private record Labels(String route, String method, int status) {
    }

    public RequestMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void finished(String route, String method, int status, long nanos) {
        timers.computeIfAbsent(new Labels(route, method, status), this::register).record(nanos, TimeUnit.NANOSECONDS);
    }

    private Timer register(Labels labels) {
        return Timer.builder(NAME)
                .description("HTTP requests by route, method and status")
                .tags("route", labels.route(), "method", labels.method(), "status", Integer.toString(labels.status()))
                .serviceLevelObjectives(BUCKETS)
                .register(registry);
    }
}
