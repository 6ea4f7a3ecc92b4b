/**
 * The staff dashboard: routes with their roles, sign-in, accounts and the feature pages contract.
 *
 * <h2>Manager dashboard contract (for every feature with staff pages)</h2>
 * <p>Features never map {@code /manager/...} servlets on the context themselves; they register them in the
 *     {@code staff.ManagerArea} of the cores ({@code cores.staffArea()} in their factory's {@code register}; {@code
 *     portal.server().cores().staffArea()} in tests):
 * <pre>
 * managerArea.page("/manager/devices", new DevicesServlet(devices, view),
 *         Access.view(Access.ALL_ROLES).act(Role.PRIVACY_MANAGER, Role.STAFF), "device.nav");   // nav entry
 * managerArea.page("/manager/devices/*", new DeviceServlet(devices, view),
 *         Access.view(Access.ALL_ROLES).act(Role.STAFF));                                     // no nav entry
 * managerArea.page("/manager/devices/statistics", statsServlet, Access.view(Access.ALL_ROLES),
 *         "device.nav.statistics", NavGroup.STATISTICS);                                   // nav entry under a task
 * managerArea.work((viewer, now) -&gt; devices.dueBefore(now.plus(WINDOW)).stream()
 *         .map(d -&gt; WorkItem.of("device.work.x", d.reference(), d.dueAt(), "device.work.clock", d.href(),
 *                 "device.work.act")).toList());                                          // the day's work
 * managerArea.panel(viewer -&gt; devices.waiting() == 0 ? Optional.empty()
 *         : Optional.of(new PanelItem("device.attention.waiting", devices.waiting(), "/manager/devices")));
 * </pre>
 * <ul>
 * <li>{@code ManagerGate} (filter on {@code /manager}, {@code /manager/*}, after {@code Failures} and {@code
 *       CsrfTokens}) looks the request up in the area: unknown path → 404; no valid session → GET/HEAD redirect
 *       to {@code /manager/sign-in}, other methods 403; GET/HEAD need a view role, any other method an act role,
 *       else 403 (audited as {@code staff.access-denied}). An exact route wins over a prefix route.</li>
 * <li>In a servlet, {@code Staff.current(request)} is the signed-in {@code StaffMember(accountId, displayName,
 *       role)}; {@code Staff.event(request, "personal-data.view").target("complaint", id)} is the audit event to
 *       pass to the service, which records it in its own transaction. {@code Staff.clientAddress(request)} is
 *       the address to audit (issue 12 will honour trusted proxies there).</li>
 * <li>Templates of dashboard pages use the staff layout, not the public one: <code>&lt;html
 *       th:replace="~&#123;staff :: page(#&#123;x.title&#125;, ~&#123;::section&#125;)&#125;"&gt;</code> (its own
 *       {@code staff.css}, navigation grouped by {@link kr.jsoft.privacyportal.staff.NavGroup}, the signed-in
 *       name and role, the language switch {@code /lang?set=en&to=<this page>} that stays in the dashboard, and
 *       the result message). {@code staff-parts :: id(x)} shows a long id shortened with the whole id on demand;
 *       {@code staff-parts :: chart(c)} draws a {@code web.BarChart} as SVG with its table.</li>
 * <li>The home page is the day's work: every {@link kr.jsoft.privacyportal.staff.WorkSource} registered with
 *       {@code ManagerArea.work} answers the {@link kr.jsoft.privacyportal.staff.WorkItem}s due (soon) or overdue
 *       for the viewer (empty for roles that do not act on them); the page merges them, most urgent first, with
 *       the time left in words and one link that acts. Message keys only: the page words them.</li>
 * <li>After a POST, a servlet calls {@code web.Flash.done(request, "x.flash.done", args…)} before redirecting;
 *       the next page shows it once ({@code #result-message}). A refused form is re-rendered with status 422,
 *       its input and a message naming what to fix, never an error page.</li>
 * <li>{@code ManagerRoutesIT} enumerates {@code managerArea().routes()}: every route added later is checked for
 *       anonymous refusal and wrong-role refusal without writing a new test. Other ITs sign in with {@code
 *       testing.StaffAccounts}: {@code new StaffAccounts(portal).signedIn(Role.STAFF)} returns a signed-in
 *       HtmlUnit {@code WebClient} (account made by the service behind {@code manager create}, setup link, TOTP
 *       computed from the secret on the page).</li>
 * </ul>
 * <h2>Monthly review of access records</h2>
 * <p>Korea's standard for safety measures (Art. 8(2)) wants the staff's access records checked at least once a
 *     month. {@code AccessReviews} lists the last twelve ended Seoul months with who reviewed each and when
 *     ({@code access_review}, one row per month, reviewer as account id), links each month to its
 *     {@code personal-data.*} entries in the audit log, and puts an unreviewed month in the privacy manager's day's
 *     work, due by the end of the following month. Recording a review is audited
 *     ({@code staff.access-records-reviewed}).
 * <h2>Sign-in flow</h2>
 * <p>{@code /manager/sign-in} (email + password; throttle checked first, Argon2id against a decoy hash when no
 *     account matches) → session holds a pending sign-in (5 min) → {@code /manager/sign-in/code} (TOTP step
 *     newer than the last accepted one, or an unused recovery code) → {@code changeSessionId()}, {@code
 *     SignedIn(accountId, signedInAt, lastSeenAt)} in the session → every dashboard request: idle and absolute
 *     limits against the portal's {@code Clock}, account still enabled and not reset since.
 * <h2>Outbox, development mailbox and command pages</h2>
 * <ul>
 * <li>{@code PortalServer} registers them in one block right before {@code extraRoutes}: {@code
 *       /manager/outbox/*} (view: every role; act: privacy manager, staff), {@code /manager/dev/mail} only when
 *       the development mailbox exists (view: privacy manager, staff), {@code /manager/commands/*} (view: every
 *       role; act: privacy manager, staff; no navigation entry, reached from a device's history).</li>
 * <li>Outbox: {@code OutboxServlet} → {@code OutboxDashboard.list/preview/retry(Viewer, …)}; the viewer is the
 *       signed-in account with {@code privacyManager} = role {@code PRIVACY_MANAGER}, which alone sees addresses
 *       and secret links. Retry is POST → redirect to the preview with {@code ?retried=yes|no}.</li>
 * <li>Development mailbox: {@code DevelopmentMailServlet} → {@code DevelopmentMailReader.list/read(by,
 *       messageId)} reads {@code DevelopmentMailbox.recent()} and records {@code personal-data.view} on {@code
 *       dev-mailbox} (count only). The detail view shows headers and the text part escaped; the HTML part is
 *       never rendered.</li>
 * <li>Commands: {@code CommandsServlet} → {@code Commands.historyOf}, {@code detail} (404 when the command
 *       belongs to another device) and {@code retryWakeUp} (POST → redirect with {@code
 *       ?retried=SCHEDULED|FINISHED|UNKNOWN}).</li>
 * </ul>
 */
package kr.jsoft.privacyportal.manager;
