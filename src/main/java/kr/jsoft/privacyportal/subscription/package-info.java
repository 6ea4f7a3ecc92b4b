/**
 * Notice subscriptions: double opt-in, one-click unsubscribe, and the mail fan-out of policy revisions.
 *
 * <ul>
 * <li><b>Double opt-in.</b> {@code /{lang}/notices/subscribe} takes an email and a language and only sends a
 *       confirmation link (valid 48 h); it answers the same whether or not the address is already subscribed.
 *       Opening the link shows a button and only pressing it confirms, since mail scanners open links.
 *       Addresses are sealed ({@code crypto.DataCipher}) and found by a keyed hash ({@code SubscriberKeys});
 *       requests never confirmed are deleted after 48 h. Limits: 10 requests per hour per client address, 3 per
 *       address (429).</li>
 * <li><b>Unsubscribe.</b> Every notice mail carries a link and RFC 8058 {@code List-Unsubscribe} /
 *       {@code List-Unsubscribe-Post} headers; {@code POST /unsubscribe/{token}} deletes the address (the token
 *       is the subscriber id with a MAC, so no secret is stored). The POST is exempt from CSRF tokens because
 *       mail clients send it; it is idempotent and answers 200 with the page. Each deletion is journalled
 *       ({@code erasure}).</li>
 * <li><b>Revision mails.</b> {@code RevisionMails} implements {@code policy.RevisionAnnouncements}:
 *       {@code NoticeMailer.revisionScheduled(session, notice)} records, in the transaction that posts the
 *       notice, a fan-out job for the notice now and one for the reminder at 09:00 Seoul time on the effective
 *       date, with the notice text saved once per language ({@code mail_context}); a withdrawal cancels the
 *       reminder and mails the withdrawal. Jobs are keyed {@code label@date#<notice id>}: every posted notice
 *       is mailed once, so a revision withdrawn and scheduled again for the same date is announced (and
 *       reminded) again, and a second withdrawal is mailed too.</li>
 * <li><b>Fan-out.</b> {@code NoticeFanOut.runDue} (a job every 5 s) claims a due job by lease
 *       ({@code PORTAL_LEASE}, renewed by every page) and
 *       walks confirmed subscribers by id, 500 per transaction, enqueueing one outbox mail each and advancing
 *       {@code last_subscriber_id} in the same transaction: a crash resends nothing and the next run, here or on
 *       another instance, goes on from the last committed page. Memory holds one page at a time.</li>
 * </ul>
 */
package kr.jsoft.privacyportal.subscription;
