/**
 * The reference device: the Smart Callback app's side of the device protocol, as runnable code.
 *
 * <p>The app itself is built elsewhere; this package shows its makers, and proves to the tests, what a
 *     conforming device does: register with the SMS code, serve a Web Push endpoint on 127.0.0.1 that
 *     decrypts wake-ups (RFC 8291), check in on each wake-up, verify every command's ES256 signature against
 *     the portal's JWKS before acting ({@code CommandVerifier}), show {@code NOTIFY}, answer
 *     {@code APPROVE_REQUEST} by an {@code ApprovalRule}, carry out {@code WIPE_APP_DATA} on its local store of
 *     invented sample data ({@code DeviceStore}) and sign every receipt. {@code ReferenceDevice} runs from the
 *     jar's class path against any portal ({@code --portal}, {@code --phone}, {@code --approve
 *     auto|approve|refuse|ask|ignore|match:<number>}: {@code auto} approves destruction requests and declines
 *     "cancel the pending deletion?" unless {@code --cancel-lost} is given; {@code --code}, {@code --store <dir>}, {@code
 *     --check-in-every 60s}); against a development portal started with {@code
 *     PORTAL_PUSH_ALLOW_PRIVATE_ENDPOINTS=true}, since its push endpoint is on 127.0.0.1. The integration tests
 *     run it in-process. Without {@code --store} it uses a temporary folder and removes it when the run
 *     ends; unattended (input closed) it needs {@code --code} and otherwise stops with a message; a check-in
 *     refused with 401 (the device was wiped or unregistered) ends the run with a message.
 *     Nothing in the portal depends on this package.
 */
package kr.jsoft.privacyportal.simulator;
