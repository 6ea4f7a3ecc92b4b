/**
 * Destruction requests: approval on a device, wipes, erasure, certificates and refusals.
 *
 * <p>The policy promises that users may have their personal information destroyed at any time and at once.
 *     Public addresses: {@code /{lang}/destruction} (the mobile number and, optionally, an email for the
 *     certificate), {@code /{lang}/destruction/lost} ("I no longer have my device": the number proven by an SMS
 *     code, or an explanation for the privacy manager; nobody is asked for identity documents), the secret status
 *     page {@code /{lang}/destruction/status/<token>} (128-bit token, only its SHA-256 stored, {@code no-store},
 *     {@code Referrer-Policy: no-referrer}, refreshing itself without JavaScript while the request runs) and
 *     {@code /{lang}/destruction/verify} (anyone checks a certificate; invalid: 422). From the app:
 *     {@code POST /api/v1/devices/{id}/destruction-requests}, signed by the device, whose signature is the
 *     approval. Afterwards only a minimal record remains (reference, origin, times, counts, outcome, the
 *     certificate, opaque device ids and receipt digests): no number, no hash of it, no email.
 *
 * <h2>Destruction flows</h2>
 * <ul>
 * <li><b>Identical work for every number.</b> The website POST validates the form, counts the limits (per client
 *       address; per number by {@code DeviceRegistry.phoneHashOf}), writes one {@code destruction_request} row
 *       (state {@code SUBMITTED}, the number's keyed hash, a random two-digit number, the status token's
 *       SHA-256, the email sealed with context <code>destruction.email:&lt;id&gt;</code>) and redirects. Whether
 *       devices exist is first asked by the background step, which claims {@code SUBMITTED} rows with a lease,
 *       queues one {@code APPROVE_REQUEST} per device (expiring with the 5-minute approval window), writes the
 *       {@code destruction_device} rows, nulls the hash and journals that ({@code destruction-request}). The
 *       status page renders {@code SUBMITTED} and {@code AWAITING_APPROVAL} alike and lists devices only after
 *       approval.</li>
 * <li><b>Approval and wipe in the command channel's transactions.</b> {@code DestructionProcess} listens to
 *       commands whose reference is <code>destruction:&lt;request id&gt;</code>: an {@code APPROVED} answer
 *       moves the request to {@code DESTROYING} and queues {@code WIPE_APP_DATA} for every device in the
 *       receipt's transaction (the wake-up dispatcher's existing after-commit signal sends it at once); {@code
 *       REFUSED} cancels; a wipe's {@code COMPLETED} stores the receipt digest and counts, {@code FAILED}/{@code
 *       EXPIRED} marks it {@code NOT_CONFIRMED}.</li>
 * <li><b>Erasure outside the receipt's transaction.</b> The device row (with key and push address) and its
 *       commands' payloads are erased by the worker, not in the listener: erasing a device locks its other open
 *       commands, and doing that while holding the request row could deadlock with the expiry sweep (commands →
 *       request). Locks are always taken in the order command(s) → request. Each erasure is journalled first
 *       ({@code device}, {@code device-commands}); {@code DeviceRegistry.eraseAgain}, {@code
 *       Commands.erasePayloadsOf}, {@code Outbox.eraseAgain} and {@code DestructionProcess.eraseAgain} are the
 *       erasers registered with the erasure journal for these kinds.</li>
 * <li><b>Completion.</b> When every device row is finished and erased, one transaction signs the certificate
 *       (a compact JWS, {@code typ destruction-certificate+jwt}, with {@code ref}, {@code origin}, the times,
 *       {@code devices}, {@code wiped}, {@code not_confirmed}, the {@code receipts}' digests and {@code outcome}
 *       {@code COMPLETED} or {@code PARTIAL}),
 *       stores it, queues the mail (if an email was given), erases the email from the request and journals it;
 *       the outbox row's recipient and content are erased as soon as the mail is sent ({@code
 *       Outbox.eraseIfFinished}), journalled as {@code mail}.</li>
 * <li><b>Dashboard</b> (view: every role; act: privacy manager, staff): {@code /manager/destruction} (the queue
 *       with the 10-day deadline and flagged rows) and {@code /manager/destruction/<id>} (a timeline per device:
 *       approval and wipe commands, wake-ups, receipt digest, erasure; "retry wake-up"). Every role that may view
 *       the detail page reads a review request's explanation there (an access record); only the privacy manager
 *       executes or refuses it.</li>
 * <li><b>Ten days on every path.</b> {@code DeadlineKeeper}, run by the worker: half a day before {@code
 *       deadline_at} a request still in review, waiting period or wipe gets its result (partly done: what the
 *       portal erased, which wipe is queued until when and why; or, in review, postponed with grounds and the
 *       objection route), mailed if an email is held and shown on the status page ({@code interim_result_at});
 *       a review undecided on day 7 and day 9 is mailed to the privacy manager ({@code escalated_day7_at},
 *       {@code escalated_day9_at}) and marked in the day's work. No setting stretches the deadline: the wipe
 *       expiry is at most 9 days, the waiting period at most 7.</li>
 * <li><b>Clocks.</b> {@code deadline_at = created_at + 10 days} (PIPA Enforcement Decree Art. 43(3)); the
 *       promise check flags {@code DESTROYING} requests 60 s after approval when a wipe command is {@code
 *       FETCHED}/{@code STARTED} (the device is demonstrably online) and mails the privacy manager once ({@code
 *       promise_missed_at}).</li>
 * <li><b>Without the device.</b> {@code PROVING} requests hold an SMS code's keyed hash (from {@code
 *       device.SmsProofs}, which shares the registration's code rules and SMS rate-limit buckets); {@code
 *       approval_due_at} is the code's expiry, so the same cancel step ends unproven requests. {@code REVIEW}
 *       requests hold the sealed explanation until the privacy manager decides. Both lead to {@code
 *       WAITING_PERIOD}; the look-up step (the same lease) then announces the wipe ({@code NOTIFY} + an {@code
 *       APPROVE_REQUEST} whose approval cancels), erases the number's pending registrations and its hash, and
 *       {@code endWaitingPeriods} queues the wipes when {@code window_ends_at} passes. A refusal seals its
 *       grounds (shown on the status page with the remedies: how to object to jsoft, the current outside
 *       organisations), stores the label of the policy in force, mails them and erases the hash, explanation and
 *       email.</li>
 * <li><b>Why a worker thread and not {@code Jobs}.</b> The p99 target (approval → last receipt under 1 s) and the
 *       look-up right after the request need a reaction within milliseconds; its {@code jobs.Worker} waits on
 *       a signal raised after each relevant commit, with a one-second sweep as the backstop (like the wake-up
 *       dispatcher). The work itself is always in the database.</li>
 * </ul>
 */
package kr.jsoft.privacyportal.destruction;
