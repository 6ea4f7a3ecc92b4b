/**
 * Destruction requests: approval on a device, wipes, erasure, certificates and refusals.
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
 *       erasers PortalServer registers.</li>
 * <li><b>Completion.</b> When every device row is finished and erased, one transaction signs the certificate,
 *       stores it, queues the mail (if an email was given), erases the email from the request and journals it;
 *       the outbox row's recipient and content are erased as soon as the mail is sent ({@code
 *       Outbox.eraseIfFinished}), journalled as {@code mail}.</li>
 * <li><b>Clocks.</b> {@code deadline_at = created_at + 10 days} (PIPA Enforcement Decree Art. 43(3)); the
 *       promise check flags {@code DESTROYING} requests 60 s after approval when a wipe command is {@code
 *       FETCHED}/{@code STARTED} (the device is demonstrably online) and mails the privacy manager once ({@code
 *       promise_missed_at}).</li>
 * <li><b>Without the device (issue 11).</b> {@code PROVING} requests hold an SMS code's keyed hash (from {@code
 *       device.SmsProofs}, which shares the registration's code rules and SMS rate-limit buckets); {@code
 *       approval_due_at} is the code's expiry, so the same cancel step ends unproven requests. {@code REVIEW}
 *       requests hold the sealed explanation until the privacy manager decides. Both lead to {@code
 *       WAITING_PERIOD}; the look-up step (the same lease) then announces the wipe ({@code NOTIFY} + an {@code
 *       APPROVE_REQUEST} whose approval cancels), erases the number's pending registrations and its hash, and
 *       {@code endWaitingPeriods} queues the wipes when {@code window_ends_at} passes. A refusal seals its
 *       grounds (shown on the status page), stores the policy label whose outside organisations it names, mails
 *       them and erases the hash, explanation and email.</li>
 * <li>**Why a worker thread and not {@code Jobs}.** The p99 target (approval → last receipt under 1 s) and the
 *       look-up right after the request need a reaction within milliseconds; its {@code jobs.Worker} waits on
 *       a signal raised after each relevant commit, with a one-second sweep as the backstop (like the wake-up
 *       dispatcher). The work itself is always in the database.</li>
 * </ul>
 */
package kr.jsoft.privacyportal.destruction;
