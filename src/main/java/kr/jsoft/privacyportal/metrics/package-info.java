/**
 * Operations: the Prometheus registry and endpoint, request metrics, and how erasures are journalled.
 *
 * <h2>Operations</h2>
 * <ul>
 * <li><b>Metrics without touching the features' hot paths.</b> Counters that belong to an outside service's
 *       answers (SMTP, push) are decorators around the {@code MailTransport} and {@code PushGateway} interfaces,
 *       wired in {@code PortalServer}; gauges of database state (outbox backlog, open/overdue complaints) call
 *       one public read of the feature ({@code Outbox.backlog()}, {@code ComplaintDesk.openAndOverdue()})
 *       through a cache of 5 s, so a scrape costs at most two short transactions; SQL statements are counted by
 *       a Hibernate {@code StatementInspector} in {@code Database}. Route labels come from the servlet mapping,
 *       so their number is bounded by the routes, not by the addresses visited.</li>
 * <li><b>Erasure journal.</b> Each destroying feature journals in its erasing transaction ({@code
 *       ErasureJournal.record}/{@code recordAll}) and offers an idempotent eraser registered in {@code
 *       PortalServer} ({@code device} → {@code DeviceRegistry.eraseAgain}, {@code complaint} → {@code
 *       ComplaintUpkeep.eraseAgain}, {@code subscriber} → {@code NoticeSubscriptions.eraseAgain}, {@code mail} →
 *       {@code Outbox.eraseAgain} in batches). Subscribers have identity ids, which a restored database hands
 *       out again: their journal id is <code>S-&lt;id&gt;.&lt;created µs&gt;</code>, so an entry never matches a
 *       later subscriber with the same id.</li>
 * </ul>
 */
package kr.jsoft.privacyportal.metrics;
