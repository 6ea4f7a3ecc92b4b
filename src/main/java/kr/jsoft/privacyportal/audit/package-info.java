/**
 * The audit log: append-only, hash-chained entries of every staff action, every view of personal data and every
 * system action on it; the daily signed chain head; listing, CSV export and verification.
 *
 * <ul>
 * <li><b>Recording.</b> A feature calls {@code AuditLog.record(session, AuditEvent…)} in the transaction that
 *       does the work, so an action and its entry commit together. Entries name records by opaque id and carry
 *       no personal data; the application has no code path that updates or deletes one, and the log is never
 *       purged (access records must be kept at least two years).</li>
 * <li><b>Chain.</b> Each entry's SHA-256 covers its content and the previous entry's hash; the head row
 *       ({@code AuditChainHead}) is locked to append, which serialises writers across instances (so check-ins
 *       and wake-ups are deliberately not audited one by one).</li>
 * <li><b>Signed heads.</b> {@code AuditHeads} signs the chain head once per Seoul day with the portal's ES256
 *       key and writes {@code audit-heads/YYYY-MM-DD.jws}; the day's {@code audit_head} row makes it once a day
 *       with several instances.</li>
 * <li><b>{@code /manager/audit}</b> (privacy managers and auditors): filters by date range (Korean time), actor,
 *       action prefix and target; the same selection as CSV (itself audited as {@code audit.export}); the
 *       verification below. Actors are {@code account:<id>}, {@code device:<id>}, {@code public}, {@code system},
 *       {@code command-line} or {@code unknown-account}; staff emails are never written. Signed head claims: {@code iss}, {@code iat}, {@code
 *       day}, {@code seq}, {@code hash}.</li>
 * <li><b>Verification.</b> {@code AuditTrail.verify()} walks entries in sequence order in batches: a missing
 *       sequence number names the removed entry, a hash that no longer matches the altered one, a broken link to
 *       the previous hash the rewritten previous entry. It then checks the head row and every signed head file,
 *       which an attacker with database access cannot forge, so deleting or rewriting the tail is caught
 *       too.</li>
 * </ul>
 */
package kr.jsoft.privacyportal.audit;
