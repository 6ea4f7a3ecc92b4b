/**
 * Background work, and why every job is safe with several instances on one database.
 *
 * <h2>Several instances on one database</h2>
 * <p>Instances are stateless: everything they share lives in the database, so any number of them run behind a
 *     load balancer without sticky sessions ({@code SeveralInstancesIT} starts two on one database).
 * <ul>
 * <li><b>Sessions</b>: Jetty's {@code JDBCSessionDataStore} over the portal's pool, table {@code jetty_session}
 *       (Flyway V12_2; Jetty's column names set in {@code web.SessionStore}), no in-memory session cache,
 *       written before the response commits. The session holds small serializable values only: the CSRF token,
 *       {@code SignedIn}/{@code PendingSignIn} (account id and times); setup state, recovery codes and issued
 *       setup links are sealed first ({@code manager.SessionSecrets}).</li>
 * <li><b>Rate limits and throttles</b>: {@code rate_limit_bucket} and {@code sign_in_throttle} rows with expiry,
 *       locked {@code FOR UPDATE}; the first row of a key is created with {@code Inserts.ifAbsent}, so a race
 *       between instances counts both hits and logs nothing. SMS-code attempts, TOTP step reuse and recovery
 *       codes live on their rows too; nothing is counted in memory.</li>
 * <li><b>Client address</b>: {@code X-Forwarded-For} (or {@code Forwarded}) is read only when the direct peer is
 *       in {@code PORTAL_TRUSTED_PROXIES}, walked from the right past trusted proxies; Jetty's {@code
 *       InetAddressSet} matches ranges, {@code HostPort}/{@code QuotedCSV} split the header, and only IP
 *       literals are parsed (no DNS).</li>
 *   <li><b>Background work</b>, per job (leases use the portal's {@code Clock}):</li>
 * </ul>
 * <table>
 *   <caption>Jobs</caption>
 *   <tr><th>Job (every)</th><th>Safe with N instances because</th></tr>
 * <tr><td>rate-limit purge (10 min), device nonce purge (10 min), sign-in throttle expiry (1
 *       h)</td><td>idempotent <code>DELETE … WHERE expires_at &lt;= now</code>; runs on every instance</td></tr>
 * <tr><td>device registration expiry (10 min), device inactivity erasure (1 h)</td><td>{@code exclusive} ({@code
 *       job_lease}, 10 min); the devices are taken {@code FOR UPDATE SKIP LOCKED}, so even overlapping runs
 *       erase and audit each device once; inactive devices one per transaction (their open commands are failed,
 *       and the wake-up dispatcher waits for command locks only in id order (its claim skips locked rows):
 *       no deadlock)</td></tr>
 * <tr><td>complaint erasure (1 h)</td><td>{@code exclusive}; cases taken {@code FOR UPDATE SKIP LOCKED} ({@code
 *       erased_at is null} re-checked on the locked row)</td></tr>
 * <tr><td>mail erasure, unconfirmed subscription purge (1 h)</td><td>{@code exclusive}; conditional bulk {@code
 *       UPDATE}/{@code DELETE} (row locks decide), one audit entry per run that changed rows</td></tr>
 * <tr><td>audit-head (15 min)</td><td>the Seoul day's {@code audit_head} row (V12_1) is inserted in the
 *       transaction that writes the audit entry and enqueues the mail: once a day; a crash before commit leaves
 *       the day for the next run. The {@code .jws} file lands on the signing instance ({@code
 *       signed_by})</td></tr>
 * <tr><td>complaint digest (10 min)</td><td>the day's {@code complaint_digest} row, inserted with the mail in
 *       one transaction</td></tr>
 * <tr><td>breach device notices (30 s)</td><td>{@code exclusive}; each page of 500 devices is queued in one
 *       transaction with the incident row locked ({@code FOR UPDATE}) and its last device id stored, so a
 *       crash or another instance resumes after the last committed page and no device is notified twice</td></tr>
 * <tr><td>notice fan-out (5 s)</td><td>per fan-out job lease (5 min, conditional {@code UPDATE}); each page's
 *       mails and {@code last_subscriber_id} commit together under the job's row lock and claim token, so a dead
 *       instance's job resumes after the lease from the last page</td></tr>
 * <tr><td>mail dispatcher (thread)</td><td>per-row lease ({@code claim_token}, {@code lease_until} 5 min) by
 *       conditional {@code UPDATE} on candidates read {@code FOR UPDATE SKIP LOCKED} (PostgreSQL and H2 ≥ 2.2.220);
 *       marking needs the claim
 *       token. A dead instance's batch is claimed again after 5 min (at most one duplicate, same
 *       Message-ID)</td></tr>
 * <tr><td>wake-up dispatcher (thread, 1 s sweep) and command expiry</td><td>per-row lease ({@code claimed_by}, 2
 *       min) on candidates read {@code FOR UPDATE SKIP LOCKED} (dispatchers take different rows); outcomes
 *       recorded under row locks for that claim only; expiry locks rows {@code FOR UPDATE} with the state
 *       re-checked</td></tr>
 * <tr><td>command history purge (1 h)</td><td>{@code exclusive}; batches of 500 finished commands, each
 *       transaction taking the audit chain's lock before any command row (the order device erasure uses);
 *       purged rows no longer match, so an overlapping run does nothing twice</td></tr>
 * <tr><td>destruction worker (thread, signal after each relevant commit, 1 s sweep)</td><td>the look-up step
 *       claims {@code SUBMITTED} and {@code WAITING_PERIOD} requests by lease ({@code claimed_by}, {@code
 *       lease_until}, 1 min); every other step re-checks the state under the request's row lock, taken after the
 *       command rows' locks; the day-10 results and review escalations ({@code DeadlineKeeper}) are stamped on
 *       the request in the transaction that queues their mail</td></tr>
 * <tr><td>erasure journal prune (1 d)</td><td>runs on every instance; the shared journal directory's file lock
 *       serialises prunes and appends, and pruning what is already gone changes nothing</td></tr>
 * <tr><td>policy import (start-up)</td><td>{@code JobLeases.oneAtATime("policy-import")}: a row lock held while
 *       importing, so instances starting together take turns</td></tr>
 * <tr><td>Jetty session scavenging (Jetty's housekeeper)</td><td>deletes expired {@code jetty_session} rows;
 *       idempotent</td></tr>
 * <tr><td>version in force, revision announcements</td><td>no job: computed from the clock; fan-out jobs are
 *       written in the scheduling transaction</td></tr>
 * </table>
 */
package kr.jsoft.privacyportal.jobs;
