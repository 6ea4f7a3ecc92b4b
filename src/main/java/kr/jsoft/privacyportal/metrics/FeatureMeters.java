package kr.jsoft.privacyportal.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.function.Supplier;
import kr.jsoft.privacyportal.complaint.ComplaintDesk;
import kr.jsoft.privacyportal.mail.Outbox;

/**
 * Gauges read from the database: the outbox backlog and the open and overdue complaints.
 * Each group is one cached reading (one short transaction at most every few seconds).
 */
public final class FeatureMeters {
    /** How stale a database gauge may be: a scrape every 15 s reads the database at most once. */
    public static final Duration MAX_AGE = Duration.ofSeconds(5);

    private FeatureMeters() {
    }

    /** {@code portal_mail_outbox{state="pending"|"failed"}}: mails waiting to be sent and mails given up. */
    public static void outbox(MeterRegistry registry, Outbox outbox) {
        CachedReading<Outbox.Backlog> backlog = new CachedReading<>(outbox::backlog, MAX_AGE);
        Gauge.builder("portal.mail.outbox", backlog, b -> b.get(Outbox.Backlog::pending))
                .description("Mails in the outbox by state (pending: not yet sent; failed: given up)").strongReference(true)
                .tag("state", "pending").register(registry);
        Gauge.builder("portal.mail.outbox", backlog, b -> b.get(Outbox.Backlog::failed))
                .description("Mails in the outbox by state (pending: not yet sent; failed: given up)").strongReference(true)
                .tag("state", "failed").register(registry);
    }

    /** {@code portal_complaints_open} and {@code portal_complaints_overdue}. */
    public static void complaints(MeterRegistry registry, ComplaintDesk desk) {
        Supplier<long[]> counts = desk::openAndOverdue;
        CachedReading<long[]> reading = new CachedReading<>(counts, MAX_AGE);
        Gauge.builder("portal.complaints.open", reading, r -> r.get(c -> c[0]))
                .description("Complaints received or in progress").strongReference(true).register(registry);
        Gauge.builder("portal.complaints.overdue", reading, r -> r.get(c -> c[1]))
                .description("Open complaints past their due date").strongReference(true).register(registry);
    }
}
