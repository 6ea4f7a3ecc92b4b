/**
 * The command channel: signed device commands, push wake-ups and signed receipts.
 *
 * <p>The portal makes a device act through signed commands: {@code NOTIFY} (show a message), {@code
 *     APPROVE_REQUEST} (show a number; the user's answer comes back signed) and {@code WIPE_APP_DATA} (delete the
 *     app's data, report the counts). Each is a compact JWS with the portal's ES256 {@code signing} key ({@code typ
 *     device-command+jwt}; claims {@code jti}, {@code sub} = device, {@code cmd}, {@code nonce}, {@code iat},
 *     {@code exp}, 30 days by default, {@code args}); the public key is at {@code /.well-known/jwks.json}. A push
 *     carries only {@code {"t":"sync"}}; the device then fetches over the signed API. Per device a command goes
 *     {@code QUEUED → WOKEN → FETCHED → STARTED → COMPLETED}, or {@code FAILED} / {@code EXPIRED}.
 *
 * <h2>Commands and wake-ups</h2>
 * <ul>
 * <li><b>Why a package of its own.</b> {@code push} stays a set of stateless gateways (no database); {@code
 *       device} owns who a device is. Commands need both plus their own tables, schedule and receipts, so they
 *       live in {@code command}, which depends on {@code device} and {@code push} and never the other way round:
 *       the device API reaches the channel through the {@code device.DeviceCommandChannel} interface, and the
 *       registry tells it about registrations and erasures through {@code device.DeviceEvents} (implemented by
 *       {@code CommandEvents}).</li>
 * <li><b>Queueing</b> ({@code Commands.notify/approveRequest/wipeAppData(Session, …)}) runs in the caller's
 *       transaction: a {@code device_command} row (state {@code QUEUED}, the signed JWS, {@code next_wake_at} =
 *       now) and an audit entry {@code command.queued}. A transaction synchronisation raises {@code
 *       jobs.Signal} after the commit, so the first push leaves within moments; a periodic sweep (1 s) is the
 *       backstop.</li>
 * <li><b>Dispatch</b> ({@code WakeUpDispatcher}, its own thread under the Jetty lifecycle): due rows read
 *       {@code FOR UPDATE SKIP LOCKED} (another dispatcher's batch is skipped, not fought over; a lower bound on
 *       {@code next_wake_at} keeps H2 off the null entries of finished commands) → conditional <code>UPDATE … SET
 *       claimed_by, lease_until WHERE id IN … AND (lease_until IS NULL OR lease_until &lt; now)</code> → push
 *       addresses for the batch in one transaction → one wake-up per device
 *       in parallel ({@code PORTAL_PUSH_WORKERS}) → one transaction records every outcome ({@code
 *       device_wake_up} rows, the command's next slot or retry) and clears the lease. A worker that dies leaves
 *       a lease that runs out after {@code PORTAL_LEASE} (renewed while the batch is sent); the row is claimed
 *       again (a wake-up may go out twice, which is
 *       harmless).</li>
 * <li><b>Schedule</b> ({@code WakeUpSchedule}): at once, then after about 1 minute, 10 minutes, 1 hour, 6 hours and
 *       daily until the command finishes or expires; a temporary push failure is retried within the slot
 *       ({@code Retry-After}, else jittered back-off, 5 times). A dead token or subscription (FCM
 *       {@code UNREGISTERED}, Web Push 404/410) is dropped; the device, its key and its commands stay.</li>
 * <li><b>Delivery</b>: every check-in and {@code GET …/commands} returns the open, unexpired commands; the ones
 *       not delivered before become {@code FETCHED} (not audited: {@code fetched_at} is the record, like
 *       check-ins).</li>
 * <li><b>Receipts</b> ({@code CommandChannel}): the API has already verified the {@code Device-Signature} (key,
 *       method, path with the command id, body digest, time, fresh {@code jti}); the channel locks the command,
 *       answers a repeat from the stored row, checks the command's nonce and the fields its kind needs, stores
 *       signature, body, digest and device key ({@code device_command_receipt}, unique per command and type),
 *       moves the state, writes the audit entry and calls the {@code CommandListener}s in the same
 *       transaction. The same receipt again answers 200 with the stored result, a different one 409; a replayed
 *       signature is refused (401) before the channel is reached.</li>
 * <li><b>Erasure</b>: an erased device's open commands become {@code FAILED} ("device erased"); command rows and
 *       receipts keep only the opaque device id and stay as the record (and proof) of what happened. After
 *       {@code PORTAL_COMMAND_HISTORY_RETENTION} (90 days) a finished command also loses its wake-up attempts and
 *       signed payload ({@code Commands.purgeHistory}, hourly).</li>
 * <li><b>Signatures</b>: {@code CommandSigner} builds the compact JWS itself (Jackson, JDK base64url,
 *       {@code crypto.Es256}); P-256 runs on {@code crypto.NativeP256} (AWS-LC) where it loads.</li>
 * <li><b>Wake-ups are not audited</b> one by one ({@code device_wake_up} is their record); alerts are ({@code
 *       push.alert}, once per batch and distinct detail) and go to {@code ManagerAlerts}.</li>
 * <li><b>Dashboard</b>: {@code /manager/commands/{deviceId}} and {@code /manager/commands/{deviceId}/{commandId}}
 *       (view: every role; act: privacy manager, staff; no navigation entry, reached from a device's history):
 *       {@code CommandsServlet} → {@code Commands.historyOf}, {@code detail} (404 when the command belongs to
 *       another device) and {@code retryWakeUp} (POST → redirect with {@code ?retried=SCHEDULED|FINISHED|UNKNOWN}),
 *       each audited. A prefix route of its own, since {@code /manager/devices/*} is view-only.</li>
 * </ul>
 */
package kr.jsoft.privacyportal.command;
