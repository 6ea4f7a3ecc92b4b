/**
 * Rate limits kept in the database.
 *
 * <p>{@code RateLimiter.acquire(scope, subject, Limit)} counts one hit in a fixed window and answers a
 *     {@code Decision(allowed, retryAfter)}; servlets turn a refusal into {@code web.TooManyRequestsException}
 *     (429 with {@code Retry-After}). The counters are {@code rate_limit_bucket} rows, so they hold across
 *     restarts and are the same whichever instance a request reaches; subjects (client addresses, emails, phone
 *     numbers) are stored only as keyed hashes, so the counters are not a second copy of personal data. Each
 *     call is its own transaction: an attempt counts even when the caller's work later rolls back. Expired
 *     buckets are purged every 10 minutes. Client addresses are counted through {@code PerNetwork}: IPv6 per /64,
 *     IPv4 per address.
 */
package kr.jsoft.privacyportal.ratelimit;
