package kr.jsoft.privacyportal.complaint;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import kr.jsoft.privacyportal.metrics.CachedReading;

/** {@code portal_complaints_open} and {@code portal_complaints_overdue}: one cached reading for both. */
final class ComplaintMeters {
    private ComplaintMeters() {
    }

    static void register(MeterRegistry registry, ComplaintDesk desk) {
        CachedReading<long[]> reading = new CachedReading<>(desk::openAndOverdue, CachedReading.MAX_AGE);
        Gauge.builder("portal.complaints.open", reading, r -> r.get(c -> c[0]))
                .description("Complaints received or in progress").strongReference(true).register(registry);
        Gauge.builder("portal.complaints.overdue", reading, r -> r.get(c -> c[1]))
                .description("Open complaints past their due date").strongReference(true).register(registry);
    }
}
