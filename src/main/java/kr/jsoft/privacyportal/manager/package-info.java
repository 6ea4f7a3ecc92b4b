/**
 * The dashboard's own feature: staff accounts, sign-in with a second factor, the gate in front of every
 * {@code /manager} request, the home page, the audit viewer and the {@code manager} command-line tasks. The
 * contract other features build their pages on is the {@code staff} core.
 *
 * <h2>The gate</h2>
 * <p>{@code ManagerGate} is the filter on {@code /manager} and {@code /manager/*}, installed after {@code
 *     RequestLog}, {@code Failures} and {@code CsrfTokens}. It looks the request up in {@code staff.ManagerArea}:
 *     unknown path → 404; no valid session → GET/HEAD redirect to {@code /manager/sign-in}, other methods 403;
 *     GET/HEAD need a view role, other methods an act role, else 403 (audited as {@code staff.access-denied}).
 *     It resolves the client address for the audit log and checks the session's limits on every request.
 *
 * <h2>Accounts</h2>
 * <ul>
 * <li><b>First run.</b> There is no default account or
 *       password: while no account exists, every start writes a one-time link for the first privacy manager to
 *       {@code <data>/manager-setup-link.txt} (mode 0600, 24 h, deleted once used) and logs only its path; the
 *       {@code manager create|reset} tasks print such links on standard output.</li>
 * <li><b>{@code /manager/accounts}</b> (privacy managers): invite (the one-time link is shown once, to hand
 *       over), change roles, disable and enable, reset a colleague's password and second factor (new link; every
 *       session of that account ends). The portal always keeps one privacy manager who can sign in.</li>
 * <li><b>Passwords</b>: at least 12 characters, not one of the 10,000 most common ({@code
 *       common-passwords.txt}, from zxcvbn's list, MIT), also not with only digits or symbols added around it;
 *       Argon2id with 19 MiB, 2 iterations, 1 lane (OWASP Password Storage Cheat Sheet) via password4j.</li>
 * <li><b>Second factor</b>: TOTP (RFC 6238, SHA-1, 6 digits, 30 s) is mandatory; the secret is sealed with the
 *       {@code data-encryption} key; a code is accepted one step early or late and never twice. Setup ends with 10
 *       one-time recovery codes (about 50 bits each, stored as an HMAC over their SHA-256, {@code RecoveryCodeHash}), shown once.</li>
 * <li><b>Throttling</b> ({@code sign_in_throttle} rows, so it holds across restarts and instances): per account
 *       (keyed by a hash of the email typed, existing or not) 5 free failures, then waits of 1 s, 2 s, 4 s … up
 *       to 15 min; per client address 20, then up to 1 h; forgotten 24 h after the last failure. The answer is
 *       the same whether or not the account exists (429 with the wait, else 401).</li>
 * <li><b>Sessions</b>: cookie {@code portal_session} ({@code HttpOnly}, {@code SameSite=Strict}, {@code Secure}
 *       over https), a new id at sign-in, idle ({@code PORTAL_SESSION_IDLE}) and absolute ({@code
 *       PORTAL_SESSION_MAX}) limits checked on every request. Setup state, recovery codes and links shown once are
 *       sealed before they go into the session ({@code SessionSecrets}).</li>
 * </ul>
 * <h2>Sign-in flow</h2>
 * <p>{@code /manager/sign-in} (email + password; throttle checked first, Argon2id against a decoy hash when no
 *     account matches) → session holds a pending sign-in (5 min) → {@code /manager/sign-in/code} (TOTP step
 *     newer than the last accepted one, or an unused recovery code) → {@code changeSessionId()}, {@code
 *     SignedIn(accountId, signedInAt, lastSeenAt)} in the session → every dashboard request: idle and absolute
 *     limits against the portal's {@code Clock}, account still enabled and not reset since.
 */
package kr.jsoft.privacyportal.manager;
