/**
 * Complaints to the privacy manager: intake, the staff desk, deadlines and retention.
 *
 * <h2>Complaint flows</h2>
 * <ul>
 * <li><b>Filing.</b> One transaction: take the next number from the year's {@code complaint_counter} row (read
 *       {@code FOR UPDATE}; the first complaint of a year inserts it, and a racing insert retries), store the
 *       case with name/email/phone sealed (AES-GCM, context <code>complaint.&lt;column&gt;:&lt;id&gt;</code>),
 *       the email's keyed hash (for the link re-send) and the SHA-256 of the status token, the description as
 *       the first {@code complaint_entry}, and enqueue the receipt and the manager's alert. Rate limits are
 *       counted before, in their own transactions.</li>
 * <li><b>Receipt = status page.</b> The POST redirects to
 *       <code>/&#123;lang&#125;/complaints/status/&lt;token&gt;?received</code> (POST-redirect-GET without
 *       keeping the token in a session); the page is {@code no-store} and {@code Referrer-Policy:
 *       no-referrer}.</li>
 * <li><b>Timeline.</b> {@code complaint_entry} kinds: {@code COMPLAINT}, {@code COMPLAINANT}, {@code REPLY},
 *       {@code RESOLUTION}, {@code REFUSAL} (shown to the complainant) and {@code NOTE}, {@code ASSIGNED} (staff
 *       only). Replies, resolutions and refusals are mailed in the same transaction; those mails carry no status
 *       link (only its hash is kept) but point to the re-send form.</li>
 * <li><b>Deadlines.</b> {@code due_at = received_at + PORTAL_COMPLAINT_DUE}; urgency is computed from the clock
 *       ({@code DUE_SOON} within 2 days, {@code OVERDUE} after). The digest job inserts the Seoul day's {@code
 *       complaint_digest} row with the mail, so it goes out once a day even with several instances.</li>
 * <li><b>Retention.</b> {@code ComplaintUpkeep.eraseExpired} nulls the sealed fields, the email hash, the status
 *       token hash and every entry body of cases closed more than {@code PORTAL_COMPLAINT_RETENTION} ago; the
 *       reference, category, state (outcome) and dates stay for the statistics.</li>
 * </ul>
 */
package kr.jsoft.privacyportal.complaint;
