/**
 * Complaints to the privacy manager: intake, the staff desk, deadlines and retention.
 *
 * <p>Section 7 of the policy: complaints reach the privacy manager and are answered in time. Public addresses:
 *     {@code /{lang}/complaints/new} (category, description of at most 5,000 characters, name, email, optional
 *     phone, language of the answers; invalid input is shown again as typed with a message per field, 422; a
 *     filled honeypot field gets a plain "thank you" and stores nothing; limits per client address and per email,
 *     429), the status page (state and conversation, never internal notes; the complainant adds messages there)
 *     and {@code /{lang}/complaints/status-link} (mails a fresh link, the old one stops working, when reference
 *     and email match, and answers identically when they do not).
 *
 * <h2>Complaint flows</h2>
 * <ul>
 * <li><b>Filing.</b> The reference is {@code C-<Seoul year>-<six-digit number>}. One transaction: take the next number from the year's {@code complaint_counter} row (read
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
 * <li><b>Dashboard</b> (view: every role; act: privacy manager, staff): {@code /manager/complaints} (queue with
 *       filters by state, category, assignee, overdue and reference; overdue and due-soon rows highlighted),
 *       {@code /manager/complaints/<id>} (details and timeline; assign, internal note, reply, resolve, refuse
 *       with grounds, refusals stating how to object to jsoft and the current outside organisations) and
 *       {@code /manager/complaints/statistics} (counts per month and category, median time to the first answer).
 *       Each case view is an access record ({@code personal-data.view}); home panels count open and overdue
 *       cases.</li>
 * <li><b>Retention.</b> {@code ComplaintUpkeep.eraseExpired} nulls the sealed fields, the email hash, the status
 *       token hash and every entry body of cases closed more than {@code PORTAL_COMPLAINT_RETENTION} ago; the
 *       reference, category, state (outcome) and dates stay for the statistics.</li>
 * </ul>
 */
package kr.jsoft.privacyportal.complaint;
