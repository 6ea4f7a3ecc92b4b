/**
 * Mail: the transactional outbox, its dispatcher, SMTP, and the outbox's dashboard pages. A core: features that
 * write mail (complaints, subscriptions, destruction) enqueue an {@code OutgoingMail} naming a template; mail
 * imports none of them. {@code EmailAddresses} is the one check of what counts as an address.
 * {@code MailFeature} wires it; its meters ({@code OutboxMeters}, {@code MeteredMailTransport}) live here too.
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
 *       {@code View}'s one engine, sends the batch over one SMTP connection with the outbox id as Message-ID.
 *       Each mail is marked sent as the relay accepts it ({@code SentMarks}: one thread commits the waiting marks
 *       of every connection together, one JDBC batch), and a connection holds its next mail's final {@code .}
 *       until the previous mark committed, so at most one accepted mail per connection is ever unrecorded.
 *       A mark is a narrow {@code mail_sent_mark} row (claim token, mail id, time), cheap to commit (on H2 without
 *       a key, so a commit's marks from several batches share one page); the batch's
 *       end folds its marks into the outbox rows ({@code SENT}) in one commit, together with refusals (back-off,
 *       {@code FAILED}) and untried mails, guarded by the claim token. A dead instance's marks are folded by the
 *       next claim of those mails (they carry its claim token), so they are recorded, not sent again.
 *       The lease ({@code PORTAL_LEASE}, 30 s) is renewed every third of it while the batch is sent.</li>
 * <li><b>Retries.</b> A mail the relay refuses (4xx) waits 2 minutes, doubling (jittered) up to 6 hours, until
 *       {@code PORTAL_MAIL_MAX_ATTEMPTS} refusals; then the mail is {@code FAILED} (metric, dashboard, "retry"). A
 *       permanent 5xx refusal fails at once. A relay that cannot be reached (refused connection, timeout, no
 *       greeting) counts no attempt: the mail waits ({@code awaiting_relay}), the dispatcher probes the relay
 *       (connect, EHLO, NOOP, QUIT) every minute on its clock while any mail waits, and its first answer makes
 *       all waiting mail due at once. The Message-ID ({@code <outbox id@host of PORTAL_BASE_URL>}) stays the same on
 *       every attempt, so the duplicates after a crash (at most one per SMTP connection of the dead instance:
 *       the mail accepted while its mark was not yet committed) are recognisable.</li>
 * <li><b>Shared rendering.</b> Mails with a shared context (a fan-out) differ only by their own values (the
 *       unsubscribe link): {@code SharedRenderings} renders the pair once per template, language and context
 *       with markers and puts each mail's values in (only values no escaping changes, and only after the first
 *       mail's full rendering matched, else mail by mail). {@code MailComposer} encodes the text parts itself
 *       (Jakarta Mail's choice of encoding, once per template part that got base64; the JDK's base64), which
 *       Jakarta Mail then writes as they are. Outbox ids are time-ordered (UUID version 7), so a claimed batch
 *       lies in a few pages of the table. {@code SmtpTransport} names Angus's
 *       {@code StreamProvider} in the system property Jakarta Mail 2.1 reads first, since its default look-up is
 *       a {@code ServiceLoader} class-path scan per body part (jakartaee/mail-api#699, #861).</li>
 * <li><b>Erasure.</b> {@code Outbox.eraseExpired} (hourly) nulls recipient and model of mails finished more than
 *       {@code PORTAL_MAIL_RETENTION} ago and journals them ({@code erasure}); {@code Outbox.eraseIfFinished} does it
 *       in the caller's transaction as soon as a mail that must not be kept (a destruction certificate's) is
 *       finished, and the caller journals it.</li>
 * <li><b>Development mailbox.</b> In development mode without {@code PORTAL_SMTP_HOST}, an embedded GreenMail
 *       server ({@code DevelopmentMailbox}) receives every mail; nothing leaves the machine.</li>
 * </ul>
 * <h2>Dashboard pages</h2>
 * <ul>
 * <li>{@code /manager/outbox/*} (view: every role; act: privacy manager, staff): {@code OutboxServlet} →
 *       {@code OutboxDashboard.list/preview/retry(Viewer, …)}. Only the privacy manager sees addresses and secret
 *       links unmasked; a retry is POST → redirect to the preview with {@code ?retried=yes|no}. Lists, previews
 *       and retries are audited.</li>
 * <li>{@code /manager/dev/mail} (view: privacy manager, staff; only when the development mailbox exists):
 *       {@code DevelopmentMailReader.list/read} reads {@code DevelopmentMailbox.recent()} and records
 *       {@code personal-data.view} on {@code dev-mailbox} (a count, no address). Headers and the text part are
 *       shown escaped; the HTML part is never rendered.</li>
 * </ul>
 */
package kr.jsoft.privacyportal.mail;
