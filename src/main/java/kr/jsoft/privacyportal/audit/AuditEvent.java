package kr.jsoft.privacyportal.audit;

/**
 * What happened, by whom, to which record (by opaque id). {@code detail} must never hold
 * personal data: no phone numbers, emails or message text.
 */
public record AuditEvent(String actor, String action, String targetType, String targetId, String clientAddress,
                         String detail) {
    public static final String SYSTEM = "system";
    /**
     * Access records (Korea's standard for safety measures of personal information: kept at
     * least two years): every view, search and export of personal data uses one of these actions,
     * with the record's opaque id as target and never the data itself.
     */
    public static final String PERSONAL_DATA_VIEW = "personal-data.view";
    public static final String PERSONAL_DATA_SEARCH = "personal-data.search";
    public static final String PERSONAL_DATA_EXPORT = "personal-data.export";

    public static AuditEvent system(String action) {
        return new AuditEvent(SYSTEM, action, null, null, null, null);
    }

    /** An action of a staff account; the address is recorded for staff only, never for the public. */
    public static AuditEvent staff(String accountId, String clientAddress, String action) {
        return new AuditEvent("account:" + accountId, action, null, null, clientAddress, null);
    }

    /** An action of a member of the public: no address, no identity. */
    public static AuditEvent publicVisitor(String action) {
        return new AuditEvent("public", action, null, null, null, null);
    }

    /** The same actor and address doing {@code action} (services name the action, callers the actor). */
    public AuditEvent withAction(String action) {
        return new AuditEvent(actor, action, targetType, targetId, clientAddress, detail);
    }

    public AuditEvent target(String type, Object id) {
        return new AuditEvent(actor, action, type, id == null ? null : id.toString(), clientAddress, detail);
    }

    public AuditEvent detail(String text) {
        String bounded = text == null || text.length() <= 500 ? text : text.substring(0, 500);
        return new AuditEvent(actor, action, targetType, targetId, clientAddress, bounded);
    }
}
