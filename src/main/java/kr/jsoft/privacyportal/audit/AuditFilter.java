package kr.jsoft.privacyportal.audit;

import java.time.Instant;

/**
 * Which entries to list or export; every criterion is optional (null). {@code action}
 * matches a prefix ({@code staff.} finds every staff action); the others match exactly;
 * {@code from} is inclusive, {@code until} exclusive.
 */
public record AuditFilter(Instant from, Instant until, String actor, String action, String targetType,
                          String targetId) {
    public static final AuditFilter ALL = new AuditFilter(null, null, null, null, null, null);
}
