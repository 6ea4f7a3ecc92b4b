package kr.jsoft.privacyportal.mail;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import kr.jsoft.privacyportal.metrics.CachedReading;

/** {@code portal_mail_outbox{state="pending"|"failed"}}: mails waiting to be sent and mails given up. */
final class OutboxMeters {
    private OutboxMeters() {
    }

    static void register(MeterRegistry registry, Outbox outbox) {
        CachedReading<Outbox.Backlog> backlog = new CachedReading<>(outbox::backlog, CachedReading.MAX_AGE);
        Gauge.builder("portal.mail.outbox", backlog, b -> b.get(Outbox.Backlog::pending))
                .description("Mails in the outbox by state (pending: not yet sent; failed: given up)").strongReference(true)
                .tag("state", "pending").register(registry);
        Gauge.builder("portal.mail.outbox", backlog, b -> b.get(Outbox.Backlog::failed))
                .description("Mails in the outbox by state (pending: not yet sent; failed: given up)").strongReference(true)
                .tag("state", "failed").register(registry);
    }
}
