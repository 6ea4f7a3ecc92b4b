/**
 * Policy versions: import, the version in force, public pages, redlines and the revision lifecycle.
 *
 * <h2>Policy versions and public pages</h2>
 * <p>Public addresses: {@code /{ko,en}/policy} (the version in force; while a revision is scheduled, a banner
 *     with its date and the Seoul calendar days left), {@code /{ko,en}/policy/versions} (every published version
 *     with its period and the completeness check's finding), {@code /{ko,en}/policy/{label}} (each published
 *     version at a permanent address; drafts 404; a scheduled one marked "upcoming"),
 *     {@code /{ko,en}/policy/compare?from=…&to=…} (redline per section; a bad label is the 400 page naming the
 *     parameter) and {@code /{ko,en}/contact} (privacy manager of the version in force, the current outside
 *     organisations of {@code remedy.OutsideOrganisations}, and the version's own list as part of its text). Bare {@code /policy}, {@code /notices…}, {@code /contact} redirect by the {@code lang} cookie, then
 *     {@code Accept-Language}, then Korean ({@code web.LanguageServlet}).
 * <ul>
 * <li><b>Versions are data, "in force" is computed.</b> {@code policy_version} holds clock-independent facts
 *       ({@code effective_at}, {@code notice_posted_at}, {@code withdrawn_at}, {@code baseline}, metadata JSON);
 *       the version in force at an instant is the newest non-withdrawn one whose {@code effective_at} has passed
 *       ({@code PolicyService.inForce(Instant)}). The lifecycle derives DRAFT/SCHEDULED/IN_FORCE/SUPERSEDED/
 *       WITHDRAWN from the same columns and the clock.</li>
 * <li><b>Import</b> (start-up): per folder one transaction; SHA-256 per text and of metadata.json. New folder →
 *       draft (baseline → in force, only while nothing is published); changed draft → updated; changed published
 *       version → refused, logged with the file name, stored text kept. Audited as {@code
 *       policy.baseline-imported} / {@code policy.draft-imported} / {@code policy.draft-updated}.</li>
 * <li><b>In-memory views.</b> The version list and the newest notice id are cached in memory, reloaded after a
 *       commit in this process ({@code PolicyService.reloadAfterTransaction(session)}, and {@code
 *       NoticeService.post} does it itself) and at least every 2 s (other instances). Rendered Markdown is kept
 *       per text SHA-256.</li>
 * <li><b>Page cache.</b> {@code PageCache} keys pages by address under the state {@code PolicyPages.state()} =
 *       version in force + published versions + newest notice + Seoul date; the ETag is a hash of release, state
 *       and address, so 304s need no rendering. A new state drops the old pages; at most 500 pages per state.
 *       Cached pages never depend on the visitor (session ids are cookie-only so links are identical for
 *       everyone).</li>
 * <li><b>Notice periods.</b> The policy promises a revision is announced in the Notices section at least 7 days
 *       before it takes effect, 30 when unfavourable to users; a version takes effect at 00:00 Asia/Seoul on its
 *       effective date. Unfavourable means marked so in {@code metadata.json}, or, against the version in force,
 *       an item collected, a purpose, a third party or a consignee added, or a retention lengthened; detection
 *       only raises the minimum, and the dashboard lists what triggered it. Besides the service, CHECK
 *       constraints (V6_1) refuse any row with less than 168 hours (720 when unfavourable) between
 *       {@code notice_posted_at} and {@code effective_at}, counted in hours because PostgreSQL adds days in the
 *       session's time zone; only the baseline is exempt.</li>
 * <li><b>Completeness check</b> (PIPA Art. 30(1), Enforcement Decree Art. 31(1)): the eleven {@code sections}
 *       of {@code metadata.json} must each name a section; a missing one blocks scheduling unless the privacy
 *       manager records a reason ({@code policy_version.checklist_waiver}, audited as
 *       {@code policy.checklist-waived}).</li>
 * <li><b>Revisions.</b> {@code PolicyLifecycle.schedule} locks the version row, checks state, the
 *       completeness checklist (or a recorded reason) and the notice period ({@code NoticePeriod}: 7 days, 30
 *       when marked or detected unfavourable by {@code UnfavourableChanges} against the version in force), posts
 *       the revision notice through {@code NoticeService.post(session, …)}, stores {@code notice_posted_at} =
 *       the notice's own time and {@code effective_at} = 00:00 KST, flushes (the V6_1 CHECK constraints decide
 *       again), audits, calls {@code RevisionAnnouncements.scheduled(session, …)} and {@code
 *       PolicyService.reloadAfterTransaction}: all in one transaction, so a notice exists iff the schedule does.
 *       Withdrawal and postponement are the same shape. No job brings a version into force: {@code inForce(now)}
 *       and the page cache state (which includes it and the Seoul date) do. The upload servlet sets Jetty's
 *       multipart config on its own request, so no filter parses multipart bodies and the limits apply to that
 *       one address.</li>
 * <li><b>Dashboard</b> {@code /manager/policies} (view: every role; act: privacy manager): versions with states,
 *       preview and redline in both languages, the checklist, schedule (earliest date allowed), postpone
 *       (withdrawal plus a new schedule needing the full period again), withdraw, rescan {@code policies/}, and an
 *       upload of {@code metadata.json} and the two texts (at most 512 KB per file, parsed in memory; a bad file
 *       is a message on the form, 422; too large, 413). The upload form carries its CSRF token in the query
 *       string, since the CSRF filter runs before the multipart body is parsed. One revision is scheduled at a
 *       time.</li>
 * <li><b>Escaping.</b> Markdown renders with {@code escapeHtml(true)} and sanitised URLs; the redline builds its
 *       HTML from escaped tokens only; the Atom feed is written with StAX.</li>
 * </ul>
 */
package kr.jsoft.privacyportal.policy;
