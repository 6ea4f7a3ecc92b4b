package kr.jsoft.privacyportal.staff;

import jakarta.servlet.http.HttpServletRequest;
import kr.jsoft.privacyportal.audit.AuditEvent;

/**
 * What a dashboard servlet knows about who is asking. The dashboard's gate has already
 * refused anonymous visitors and wrong roles before any servlet registered through
 * {@link ManagerArea} runs, so {@link #current} always answers there.
 */
public final class Staff {
    private static final String ATTRIBUTE = Staff.class.getName();
    /** The client address the gate resolved for this request (web.ClientAddress). */
    private static final String ADDRESS_ATTRIBUTE = Staff.class.getName() + ".address";

    private Staff() {
    }

    /** The gate, for every {@code /manager} request: the client address to audit staff actions with. */
    public static void admitAddress(HttpServletRequest request, String clientAddress) {
        request.setAttribute(ADDRESS_ATTRIBUTE, clientAddress);
    }

    /** The gate, once it has checked the member's session and role for the route. */
    public static void admit(HttpServletRequest request, StaffMember member) {
        request.setAttribute(ATTRIBUTE, member);
    }

    /** The signed-in staff member; only on routes registered through {@link ManagerArea}. */
    public static StaffMember current(HttpServletRequest request) {
        Object member = request.getAttribute(ATTRIBUTE);
        if (!(member instanceof StaffMember staff)) {
            throw new IllegalStateException("no staff member on " + request.getRequestURI()
                    + ": register the route through ManagerArea");
        }
        return staff;
    }

    /**
     * The staff member's client address for the audit log (staff only, never the public's): the
     * direct peer, or behind trusted proxies the address they forwarded, as the gate
     * resolved it for every {@code /manager} request.
     */
    public static String clientAddress(HttpServletRequest request) {
        if (!(request.getAttribute(ADDRESS_ATTRIBUTE) instanceof String address)) {
            throw new IllegalStateException("no client address on " + request.getRequestURI()
                    + ": only /manager routes have one");
        }
        return address;
    }

    /**
     * An audit event of this staff member from this address, for the service to record in its
     * transaction: {@code Staff.event(request, "personal-data.view").target("complaint", id)}.
     */
    public static AuditEvent event(HttpServletRequest request, String action) {
        return AuditEvent.staff(current(request).accountId().toString(), clientAddress(request), action);
    }
}
