/**
 * The staff area's contract, which every feature with dashboard pages builds on. It is a core of its own, apart
 * from the {@code manager} feature's accounts and sign-in, because six features import it: were it in
 * {@code manager}, every one of them would depend on the accounts feature and the packages would form a cycle.
 *
 * <ul>
 * <li><b>Roles.</b> {@code PRIVACY_MANAGER} (everything, including accounts and policy scheduling), {@code STAFF}
 *       (complaints and requests), {@code AUDITOR} (read-only, including the audit log).</li>
 * <li><b>Routes.</b> Features never map {@code /manager/...} servlets on the context themselves; in their
 *       factory's {@code register} they add them to {@code cores.staffArea()} with the roles that may view (GET,
 *       HEAD) and act (any other method), and an optional navigation label. For example, in
 *       {@code ComplaintFeature}:
 * <pre>
 * Access access = Access.view(Access.ALL_ROLES).act(Role.PRIVACY_MANAGER, Role.STAFF);
 * cores.staffArea().page(ComplaintDeskServlet.BASE + "/*", pages, access, "complaint.nav");
 * cores.staffArea().page(ComplaintDeskServlet.STATISTICS, pages, Access.view(Access.ALL_ROLES),
 *         "complaint.nav.statistics");                      // no act roles: the page changes nothing
 * cores.staffArea().panel(new ComplaintPanel(desk, true));  // "needs attention" on the home page
 * </pre>
 *       The manager feature's gate checks every {@code /manager} request against this table: an unknown path
 *       is 404, a missing role 403 (audited), so a page not registered here is unreachable and a registered one
 *       never reachable without the role. An exact route wins over a prefix route.</li>
 * <li><b>Who is asking.</b> In a servlet, {@code Staff.current(request)} is the signed-in
 *       {@code StaffMember(accountId, displayName, role)}; {@code Staff.event(request,
 *       "personal-data.view").target("complaint", id)} is the audit event to hand to the service, which records
 *       it in its own transaction; {@code Staff.clientAddress(request)} is the address to audit, resolved by the
 *       gate through {@code web.ClientAddress} (behind trusted proxies, the forwarded client address).
 *       {@code StaffDirectory} lists active accounts for features that assign work.</li>
 * <li><b>Templates</b> of dashboard pages use the staff layout, not the public one: <code>&lt;html
 *       th:replace="~&#123;staff :: page(#&#123;x.title&#125;, ~&#123;::section&#125;)&#125;"&gt;</code> (its own
 *       {@code staff.css}, navigation grouped by {@link kr.jsoft.privacyportal.staff.NavGroup}, the signed-in
 *       name and role, the language switch {@code /lang?set=en&to=<this page>} that stays in the dashboard, and
 *       the result message). {@code staff-parts :: id(x)} shows a long id shortened with the whole id on demand;
 *       {@code staff-parts :: chart(c)} draws a {@code web.BarChart} as SVG with its table.</li>
 * <li><b>The day's work.</b> The home page merges every {@link kr.jsoft.privacyportal.staff.WorkSource}
 *       registered with {@code ManagerArea.work}: the {@link kr.jsoft.privacyportal.staff.WorkItem}s due (soon)
 *       or overdue for the viewer, most urgent first, with the time left in words and one link that acts.</li>
 * <li><b>Results.</b> After a POST, a servlet calls {@code web.Flash.done(request, "x.flash.done", args…)}
 *       before redirecting; the next page shows it once. A refused form is re-rendered with status 422, its
 *       input and a message naming what to fix.</li>
 * <li><b>Tests.</b> {@code ManagerRoutesIT} enumerates {@code cores().staffArea().routes()}, so every route added
 *       later is checked for anonymous and wrong-role refusal without a new test; {@code testing.StaffAccounts}
 *       signs an HtmlUnit client in with a given role.</li>
 * </ul>
 */
package kr.jsoft.privacyportal.staff;
