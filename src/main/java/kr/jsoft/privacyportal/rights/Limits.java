package kr.jsoft.privacyportal.rights;

import kr.jsoft.privacyportal.ratelimit.RateLimiter;
import kr.jsoft.privacyportal.web.TooManyRequestsException;

/** A refused rate-limit decision as the 429 every public form answers, in both languages. */
final class Limits {
    private Limits() {
    }

    static void check(RateLimiter.Decision decision) {
        if (!decision.allowed()) {
            long minutes = Math.max(1, (decision.retryAfter().toSeconds() + 59) / 60);
            throw new TooManyRequestsException(decision.retryAfter(), "Too many requests. Please try again in "
                    + minutes + (minutes == 1 ? " minute." : " minutes.") + " / 요청이 너무 많습니다. " + minutes
                    + "분 후에 다시 시도해 주세요.");
        }
    }
}
