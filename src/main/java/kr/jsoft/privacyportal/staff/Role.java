package kr.jsoft.privacyportal.staff;

import java.util.Locale;
import java.util.Optional;

/** What a staff account may do on the dashboard; enforced by the dashboard's gate (manager feature) on every route. */
public enum Role {
    /** Everything, including accounts and policy scheduling. */
    PRIVACY_MANAGER,
    /** Handles complaints and requests. */
    STAFF,
    /** Read-only, including the audit log. */
    AUDITOR;

    /** Message key of the role's name, in {@code manager_*.properties}. */
    public String labelKey() {
        return "manager.role." + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<Role> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(text.trim().toUpperCase(Locale.ROOT).replace('-', '_')));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
