/**
 * Metrics: the portal's one Micrometer registry, the Prometheus endpoint, request timing and the shared
 * mechanics features use for their own meters. It imports no feature: each feature registers its meters in
 * its factory ({@code complaint.ComplaintMeters}, {@code mail.OutboxMeters}, {@code mail.MeteredMailTransport},
 * {@code push.MeteredPushGateway}, {@code destruction.DestructionMetrics}), so a new feature adds its meters
 * without touching this package.
 *
 * <ul>
 * <li><b>One registry, its own connector.</b> {@code PortalMetrics} is built once per process and handed out
 *       (never Micrometer's static global registry); it binds the JVM, process, SQL-statement and Jetty
 *       thread-pool meters. {@code MetricsEndpoint} answers {@code GET /metrics} only on the connector of
 *       {@code PORTAL_METRICS_PORT}, so the public port never exposes it.</li>
 * <li><b>Bounded labels.</b> {@code RequestMetrics} times every request by route (the servlet mapping, never the
 *       raw path with its ids and tokens), method and status, so the number of series is bounded by the routes,
 *       not by the addresses visited.</li>
 * <li><b>Cheap scrapes.</b> Gauges of database state read through {@code CachedReading} at most every 5 s, so a
 *       scrape costs at most a few short transactions however often Prometheus asks.</li>
 * </ul>
 */
package kr.jsoft.privacyportal.metrics;
