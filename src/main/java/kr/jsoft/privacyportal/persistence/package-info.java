/**
 * The one database: pool, schema, {@code SessionFactory} and transactions.
 *
 * <ul>
 * <li>{@code Database.open} builds a HikariCP pool, migrates the schema with Flyway
 *       ({@code src/main/resources/db/migration}) and opens one Hibernate {@code SessionFactory} that validates
 *       the mapping against it, so a mismatch stops start-up rather than a request (the mapping is built on a
 *       second thread while Flyway migrates, and validated after; Hibernate makes no proxy classes,
 *       {@code NoProxies}; on H2 the migrations run under H2's write delay, {@code H2Durability}). Services run their work
 *       through {@code inTransaction}/{@code fromTransaction}; servlets never see a {@code Session}.</li>
 * <li>A request that gets no pooled connection within {@code PORTAL_DB_CONNECT_TIMEOUT} fails with HikariCP's
 *       {@code SQLTransientConnectionException}, which {@code web.Failures} answers with 503 and
 *       {@code Retry-After}.</li>
 * <li>Portable building blocks for H2 and PostgreSQL alike: {@code Inserts.ifAbsent} (insert unless present,
 *       quiet when instances race: a savepoint absorbs the unique-key violation), {@code Locks.skipLocked}
 *       ({@code FOR UPDATE SKIP LOCKED}, so workers and instances claim different rows).</li>
 * <li>{@code StatementCounter} counts the SQL statements Hibernate prepares (the metric
 *       {@code portal_db_statements_total}).</li>
 * </ul>
 */
package kr.jsoft.privacyportal.persistence;
