/**
 * Metrics: the portal's one Micrometer registry, the Prometheus endpoint and the meters of requests, outside
 * services and database state.
 *
 * <ul>
 * <li><b>One registry, its own connector.</b> {@code PortalMetrics} is built once and handed to whoever records
 *       (never Micrometer's static global registry). {@code MetricsEndpoint} answers {@code GET /metrics} only on
 *       the connector of {@code PORTAL_METRICS_PORT}, so the public port never exposes it.</li>
 * <li><b>Bounded labels.</b> {@code RequestMetrics} times every request by route (the servlet mapping, never the
 *       raw path with its ids and tokens), method and status, so the number of series is bounded by the routes,
 *       not by the addresses visited.</li>
 * <li><b>Nothing on the features' hot paths.</b> Counters of an outside service's answers (SMTP, push) are
 *       decorators around the {@code MailTransport} and {@code PushGateway} interfaces; gauges of database state
 *       (outbox backlog, open and overdue complaints) read through {@code CachedReading} at most every 5 s, so a
 *       scrape costs at most a few short transactions; SQL statements are counted by
 *       {@code persistence.StatementCounter}.</li>
 * </ul>
 */
package kr.jsoft.privacyportal.metrics;
