/**
 * Mail: the transactional outbox, its dispatcher and the notice fan-out.
 *
 * <h2>Mail flows</h2>
 * <ul>
 * <li><b>One mail.</b> A service calls {@code outbox.enqueue(session, OutgoingMail.to(address, lang,
 *       "mail/x").with(...))} inside its own transaction. The row (recipient and model sealed with {@code
 *       crypto.DataCipher}) commits or rolls back with the action; after commit the dispatcher is woken.</li>
 * <li><b>Dispatch.</b> A worker claims up to 100 due rows: {@code SELECT … FOR UPDATE SKIP LOCKED} (PostgreSQL
 *       and H2 ≥ 2.2.220 alike, so concurrent workers and instances get different rows rather than colliding on
 *       the same first 100), then a conditional {@code UPDATE … SET claim_token, lease_until WHERE lease free}:
 *       the lease is what makes the claim exclusive across instances (and frees a crashed instance's batch). It
 *       renders each mail ({@code <template>.txt}, first line = subject, and {@code <template>.html}) through
 *       {@code View}'s one engine, sends the batch over one SMTP connection with the outbox id as Message-ID,
 *       then marks sent / failed (back-off) / {@code FAILED} in one transaction, guarded by the claim token.</li>
 * <li><b>Shared rendering.</b> Mails with a shared context (a fan-out) differ only by their own values (the
 *       unsubscribe link): {@code SharedRenderings} renders the pair once per template, language and context
 *       with markers and puts each mail's values in (only values no escaping changes, and only after the first
 *       mail's full rendering matched, else mail by mail). {@code SmtpTransport} names Angus's
 *       {@code StreamProvider} in the system property Jakarta Mail 2.1 reads first, since its default look-up is
 *       a {@code ServiceLoader} class-path scan per body part (jakartaee/mail-api#699, #861).</li>
 * <li><b>Notice fan-out.</b> {@code NoticeMailer.revisionScheduled(session, notice)} records two jobs in the
 *       caller's transaction (the notice now, the reminder at 09:00 Seoul time on the effective date) with the
 *       notice text saved once per language ({@code mail_context}). {@code NoticeFanOut.runDue} (a {@code Jobs}
 *       job, every 5 s) claims a due job by lease and walks confirmed subscribers by id, 500 per transaction,
 *       enqueueing one mail each and advancing {@code last_subscriber_id} in the same transaction.</li>
 * <li><b>Erasure.</b> {@code Outbox.eraseExpired} (hourly) nulls recipient and model of mails finished more than
 *       {@code PORTAL_MAIL_RETENTION} ago; unconfirmed subscription requests are deleted after 48 h.</li>
 * </ul>
 */
package kr.jsoft.privacyportal.mail;
