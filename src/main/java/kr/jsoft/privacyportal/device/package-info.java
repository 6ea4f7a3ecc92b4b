/**
 * The device registry: SMS-proven registration, the signed device API and its dashboard pages.
 *
 * <h2>Device registration and the device API</h2>
 * <p>The app's API under {@code /api/v1/devices} (JSON, RFC 9457 problems; the OpenAPI document
 *     {@code openapi/device-api.json} is served at {@code /api/v1/openapi.json}): {@code POST /api/v1/devices}
 *     (number, platform, app version, push address, public key as JWK, P-256 or Ed25519) → 201 pending and a
 *     6-digit SMS code (10 minutes, 5 tries); {@code POST …/{id}/confirmation} → active; then, signed:
 *     {@code PUT …/{id}/push-address}, {@code POST …/{id}/check-ins} (answers the pending commands), {@code GET
 *     …/{id}/commands}, {@code POST …/{id}/commands/{commandId}/receipts}, {@code DELETE …/{id}} (erased at once)
 *     and {@code POST …/{id}/destruction-requests}.
 * <ul>
 * <li><b>Registration</b> ({@code POST /api/v1/devices}): rate limits first (per client address, per device key
 *       thumbprint, per number, then the portal's daily budget, so refusals by the narrow limits do not spend
 *       the budget) → one transaction creates the PENDING device (phone number as {@code KeyedHash("phone",
 *       E.164)}, push address sealed, code as {@code KeyedHash("sms-code", id, code)}) → after the commit the
 *       SMS is sent; if the gateway fails, a compensating transaction deletes the row, so nothing
 *       half-registered stays (a crash in between leaves a pending row the expiry job removes after 10 minutes).
 *       The clear number lives only in the request's memory.</li>
 * <li><b>Confirmation</b> is signed by the key sent at registration (proof of possession), locks the row, counts
 *       wrong codes (the fifth deletes the registration), deletes expired ones, and on success activates and
 *       calls {@code DeviceEvents.newDeviceRegistered} in the same transaction when the number has other active
 *       devices (the command channel queues a NOTIFY there).</li>
 * <li><b>Signed calls</b>: {@code DeviceRequestVerifier} (JWS over method, path, body digest, {@code iat},
 *       {@code jti}; ±300 s) with {@code DatabaseNonceStore} ({@code device_nonce}, primary key decides replays,
 *       purged every 10 minutes); the servlet then requires the signature's {@code kid} to equal the device in
 *       the path (403).</li>
 * <li><b>Erasure</b>: unregister deletes the row at once (key, sealed push address, hash) after {@code
 *       DeviceEvents.deviceErased}; a job erases devices without a check-in for {@code
 *       PORTAL_DEVICE_INACTIVITY}. The audit log keeps entries by opaque device id only.</li>
 * <li><b>Check-ins are not audited</b> one by one: {@code last_check_in_at} is their record, and an audit entry
 *       per app launch would serialise every check-in on the audit chain's single head row. App version changes,
 *       push-address refreshes and every registration step are audited.</li>
 * <li><b>Routes</b>: {@code DeviceApiRoute} is the one table the servlet dispatches by (404/405 problems
 *       otherwise); {@code DeviceApiIT} compares it with the paths and methods of the OpenAPI document.</li>
 * </ul>
 * <h2>Device dashboard</h2>
 * <ul>
 * <li>Routes: {@code /manager/devices/*} (view: every role; no
 *       act roles, so the pages change nothing), {@code /manager/devices/lookup} (view and act: every role — the
 *       lookup is a read, POSTed only to keep the number out of addresses and to carry the CSRF token; the exact
 *       route wins over the prefix one), the panel, and {@code /manager/dev/sms} only when the development inbox
 *       exists (view: privacy manager, staff).</li>
 * <li>Lookup: {@code DevicesServlet} checks the number with {@code sms.PhoneNumbers} (400 and the form again
 *       when invalid) → {@code DeviceReports.lookUpByPhoneNumber} hashes it and records the access in the same
 *       transaction → the result is rendered in the POST's answer (no redirect: that would need the number in
 *       the address or the session).</li>
 * <li>SMS inbox: {@code DevelopmentSmsReader.read(by)} masks numbers ({@code MaskedNumber}) before they reach
 *       the template and records {@code personal-data.view} on {@code dev-sms-inbox}; the inbox itself never
 *       logs.</li>
 * </ul>
 */
package kr.jsoft.privacyportal.device;
