package kr.jsoft.privacyportal.policy;

import java.time.Instant;
import java.util.Optional;

/**
 * Where a version stands, derived from its columns and the clock, never stored:
 * DRAFT → SCHEDULED (notice posted) → IN_FORCE → SUPERSEDED, or WITHDRAWN from SCHEDULED.
 */
public enum VersionState {
    DRAFT, SCHEDULED, IN_FORCE, SUPERSEDED, WITHDRAWN;

    static VersionState of(PolicyVersionInfo version, Optional<PolicyVersionInfo> inForce, Instant now) {
        if (version.isWithdrawn()) {
            return WITHDRAWN;
        }
        if (version.isDraft()) {
            return DRAFT;
        }
        if (version.isScheduled(now)) {
            return SCHEDULED;
        }
        if (inForce.map(v -> v.id().equals(version.id())).orElse(false)) {
            return IN_FORCE;
        }
        return version.hasTakenEffect(now) ? SUPERSEDED : DRAFT;
    }

    public String messageKey() {
        return "policy.state." + name();
    }
}
