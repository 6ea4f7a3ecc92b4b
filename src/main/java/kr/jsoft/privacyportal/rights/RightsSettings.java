package kr.jsoft.privacyportal.rights;

import java.time.Duration;
import kr.jsoft.privacyportal.config.Env;

/**
 * Settings of the rights feature (README's settings table lists them).
 *
 * @param retention how long after its decision (or cancellation) a request keeps the requester's
 *                  personal data: authority, details, email, number hash, grounds and status link
 */
public record RightsSettings(Duration retention) {
    public static RightsSettings fromEnvironment(Env env) {
        return new RightsSettings(env.duration("PORTAL_RIGHTS_RETENTION", Duration.ofDays(1095)));
    }
}
