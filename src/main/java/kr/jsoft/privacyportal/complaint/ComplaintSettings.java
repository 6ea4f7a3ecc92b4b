package kr.jsoft.privacyportal.complaint;

import java.time.Duration;
import kr.jsoft.privacyportal.config.Env;

/**
 * Settings of the complaint service (README's settings table lists them).
 *
 * @param due                how long after receipt an answer is due (default and at most 10 days, the answer period the policy promises and the Decree's)
 * @param retention          how long after closing a case's personal data is kept
 * @param perAddressPerHour  complaints one client address may file per hour
 * @param perEmailPerHour    complaints (and status-link requests) per email address per hour
 */
public record ComplaintSettings(Duration due, Duration retention, int perAddressPerHour, int perEmailPerHour) {
    public static ComplaintSettings fromEnvironment(Env env) {
        return new ComplaintSettings(
                env.duration("PORTAL_COMPLAINT_DUE", Duration.ofDays(10), Duration.ofDays(10),
                        "a request's result is due within 10 days, PIPA Enforcement Decree Arts. 41-44"),
                env.duration("PORTAL_COMPLAINT_RETENTION", Duration.ofDays(1095)),
                env.integer("PORTAL_COMPLAINT_LIMIT_PER_ADDRESS", 5, 1, 100_000),
                env.integer("PORTAL_COMPLAINT_LIMIT_PER_EMAIL", 3, 1, 1000));
    }
}
