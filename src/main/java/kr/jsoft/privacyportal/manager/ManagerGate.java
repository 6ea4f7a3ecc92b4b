package kr.jsoft.privacyportal.manager;

import kr.jsoft.privacyportal.staff.ManagerArea;
import kr.jsoft.privacyportal.staff.Staff;
import kr.jsoft.privacyportal.staff.StaffMember;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import kr.jsoft.privacyportal.audit.AuditEvent;
import kr.jsoft.privacyportal.web.ClientAddress;
import kr.jsoft.privacyportal.web.RequestPath;

/**
 * The dashboard's one door, on {@code /manager} and {@code /manager/*}: every request is
 * matched against {@link ManagerArea}'s routes. Unknown path: 404. No valid session: GET
 * goes to the sign-in page, anything else gets 403. Signed in: GET/HEAD need a view role
 * of the route, other methods an act role, else 403 (audited). Sessions end after the idle
 * and absolute limits, measured with the portal's clock on every request.
 */
final class ManagerGate extends HttpFilter {
    static final String SHELL_ATTRIBUTE = "managerShell";
    private final ManagerArea area;
    private final SignInService signIn;
    private final SessionLimits limits;
    private final Clock clock;
    private final ClientAddress clientAddress;

    ManagerGate(ManagerArea area, SignInService signIn, SessionLimits limits, Clock clock,
                ClientAddress clientAddress) {
        this.area = area;
        this.signIn = signIn;
        this.limits = limits;
        this.clock = clock;
        this.clientAddress = clientAddress;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Staff.admitAddress(request, clientAddress.of(request));
        // The path the container serves, not the raw one: raw /manager/setup/../accounts is not a setup page.
        String path = RequestPath.of(request);
        if (ManagerArea.isPublic(path)) {
            chain.doFilter(request, response);
            return;
        }
        Optional<ManagerArea.Route> route = area.match(path);
        if (route.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        Optional<StaffMember> member = signedInMember(request);
        if (member.isEmpty()) {
            if (isView(request)) {
                response.sendRedirect("/manager/sign-in");
            } else {
                response.sendError(HttpServletResponse.SC_FORBIDDEN, "Please sign in first.");
            }
            return;
        }
        StaffMember staff = member.get();
        if (!route.get().access().allows(staff.role(), request.getMethod())) {
            signIn.record(AuditEvent.staff(staff.accountId().toString(), Staff.clientAddress(request),
                    "staff.access-denied").detail(request.getMethod() + " " + route.get().path()));
            response.sendError(HttpServletResponse.SC_FORBIDDEN, "Your role does not allow this.");
            return;
        }
        Staff.admit(request, staff);
        request.setAttribute(SHELL_ATTRIBUTE, new ManagerShell(staff, area.navigation(staff.role())));
        response.setHeader("Cache-Control", "no-store");
        chain.doFilter(request, response);
    }

    private Optional<StaffMember> signedInMember(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        SignedIn signedIn = SignedIn.of(session);
        if (signedIn == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        boolean expired = !now.isBefore(signedIn.signedInAt().plus(limits.absolute()))
                || !now.isBefore(signedIn.lastSeenAt().plus(limits.idle()));
        Optional<StaffMember> member = expired ? Optional.empty()
                : signIn.activeMember(signedIn.accountId(), signedIn.signedInAt());
        if (member.isEmpty()) {
            session.invalidate();
            return Optional.empty();
        }
        session.setAttribute(SignedIn.ATTRIBUTE, signedIn.seenAt(now));
        return member;
    }

    private static boolean isView(HttpServletRequest request) {
        return "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
    }
}
