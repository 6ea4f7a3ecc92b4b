package kr.jsoft.privacyportal.staff;

import java.util.UUID;

/** The signed-in staff member of a dashboard request (see {@link Staff#current}). */
public record StaffMember(UUID accountId, String displayName, Role role) {
}
