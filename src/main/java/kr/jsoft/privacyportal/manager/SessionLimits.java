package kr.jsoft.privacyportal.manager;

import java.time.Duration;

/** Dashboard session limits (PORTAL_SESSION_IDLE, PORTAL_SESSION_MAX), checked against the portal's clock. */
public record SessionLimits(Duration idle, Duration absolute) {
}
