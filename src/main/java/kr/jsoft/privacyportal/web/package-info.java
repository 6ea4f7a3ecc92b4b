/**
 * The web core every feature builds on: one view engine, the request filters, error answers, sessions and
 * client addresses. It imports no feature.
 *
 * <ul>
 * <li><b>Rendering.</b> {@code View} is the one Thymeleaf engine, built once; templates live in
 *       {@code WEB-INF/templates/<feature>/}, pages render with the request's context and mails and cached
 *       pages with {@code renderToString}. {@code Messages} reads {@code i18n/<feature>_<lang>.properties},
 *       the key's first segment naming the bundle, so each feature owns its texts. {@code Lang} (Korean first),
 *       {@code Dates} and {@code DashboardTimes} (Korean time, with the zone said), {@code Markdown} (escaped, unsafe links dropped) and
 *       {@code Alternates} (the page's twin in the other language) serve the templates.</li>
 * <li><b>Public page cache.</b> {@code PageCache} renders a page once per site state and answers
 *       {@code If-None-Match} with 304 without rendering; cached pages never depend on the visitor.</li>
 * <li><b>Security by default.</b> {@code SecurityHeaders} sets CSP (no {@code unsafe-inline}),
 *       {@code nosniff}, {@code Referrer-Policy}, frame denial and HSTS (over https) in a handler around the
 *       whole context, so error pages get them too. {@code PathRule} refuses ambiguous raw paths with 400 before the
 *       context; decisions use {@code RequestPath}, the normalised path. {@code CsrfTokens} refuses a state-changing
 *       request without its token (403, nothing changed): an HMAC of the session id, or for anonymous visitors of a
 *       cookie nonce (signed double submit, no session stored); only {@code /api/} (signed by device keys, no cookies) and
 *       {@code /unsubscribe/} (RFC 8058 one-click) are exempt. {@code SessionStore} keeps sessions in the
 *       database ({@code jetty_session}), none in memory, so any instance serves any request.</li>
 * <li><b>Errors.</b> Servlets throw {@code BadRequestException} (400 with what was wrong) or
 *       {@code TooManyRequestsException} (429 with {@code Retry-After}); {@code Failures} turns those, a pool
 *       time-out (503 with {@code Retry-After}: overload, nothing written) and anything else (500 with an
 *       incident id; the stack trace only in the log) into the JSP error pages of {@code ErrorPages}, or under
 *       {@code /api/} into RFC 9457 bodies ({@code Problem}).</li>
 * <li><b>Requests in logs and metrics.</b> {@code RequestLog} writes one line per request with a request id in
 *       the MDC; {@code Routes} names a request by its servlet mapping and redacts secret path segments, so
 *       neither logs nor metric labels carry tokens or personal data. {@code ClientAddress} takes the client's
 *       address from a forwarded header only when the direct peer is a trusted proxy. {@code PublicAddress} is
 *       the portal's own address for links ({@code PORTAL_BASE_URL}, else the bound local address); whether it
 *       is https decides HSTS and {@code Secure} cookies.</li>
 * <li><b>Pages without a feature.</b> {@code HomeServlet}, {@code LanguageServlet} (bare addresses redirect to
 *       the visitor's language; the switch remembers it in a cookie), {@code HealthServlet} ({@code /healthz},
 *       {@code /readyz}) and {@code ApiNotFoundServlet} (404 problem under {@code /api/}).</li>
 * </ul>
 */
package kr.jsoft.privacyportal.web;
