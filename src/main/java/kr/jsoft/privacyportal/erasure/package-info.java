/**
 * The erasure journal: what the portal destroyed, kept outside the database so that a restored backup never
 * brings destroyed personal data back.
 *
 * <ul>
 * <li><b>Written ahead.</b> A feature that destroys data calls {@code ErasureJournal.record}/{@code recordAll}
 *       (a kind and an opaque id, never personal data) inside its erasing transaction; the line is appended and
 *       forced to disk before the commit, so a crash can leave an entry for an erasure that rolled back, never
 *       an erasure without an entry.</li>
 * <li><b>Re-applied at every start.</b> Before the portal serves, {@code reapply} hands each entry to the
 *       idempotent {@code Eraser} registered for its kind (device, device commands, destruction request, mail,
 *       subscriber, complaint), 500 per transaction, and logs how many records it erased again.</li>
 * <li><b>Subscribers</b> have identity ids, which a restored database hands out again: their journal id is
 *       <code>S-&lt;id&gt;.&lt;created µs&gt;</code>, so an entry never matches a later subscriber with the
 *       same id.</li>
 * <li><b>Pruned</b> daily: entries older than {@code PORTAL_BACKUP_RETENTION} (the oldest backup kept) can no
 *       longer be brought back by a restore. Several instances share one directory; appends and prunes take a
 *       file lock.</li>
 * </ul>
 */
package kr.jsoft.privacyportal.erasure;
