/**
 * Push gateways: send a content-free wake-up ({@code {"t":"sync"}}) to a device, which then
 * fetches its queued commands over its own authenticated channel.
 *
 * <ul>
 *   <li>{@link kr.jsoft.privacyportal.push.PushRouter} picks
 *       {@link kr.jsoft.privacyportal.push.FcmGateway} (FCM HTTP v1) or
 *       {@link kr.jsoft.privacyportal.push.WebPushGateway} (RFC 8030 + VAPID + aes128gcm) by
 *       the {@link kr.jsoft.privacyportal.push.PushAddress} type.</li>
 *   <li>Every send ends in a {@link kr.jsoft.privacyportal.push.PushOutcome}; callers drop
 *       {@code DEAD_ADDRESS} addresses, alert on {@code CONFIG_ERROR}/{@code BUG}, and schedule
 *       {@code RETRY} with {@link kr.jsoft.privacyportal.push.Backoff}.</li>
 *   <li>Web Push endpoints pass {@link kr.jsoft.privacyportal.push.EndpointPolicy} at
 *       registration and again at every connection (no requests into private networks): the Web Push
 *       client ({@link kr.jsoft.privacyportal.push.PushHttp#newWebPushClient}, Jetty's) resolves the host
 *       through {@code CheckedAddresses}, so it connects to exactly the addresses that were checked.</li>
 *   <li>HTTP clients must never follow redirects; {@link kr.jsoft.privacyportal.push.PushHttp#newClient()}
 *       builds a suitable one for FCM and the gateways refuse others.</li>
 * </ul>
 *
 * <p>Outcome details, exceptions and {@code toString()} never contain tokens, endpoints or keys.
 */
package kr.jsoft.privacyportal.push;
