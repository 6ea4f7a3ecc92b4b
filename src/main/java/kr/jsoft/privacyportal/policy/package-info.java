/**
 * Policy versions: import, the version in force, public pages, redlines and the revision lifecycle.
 *
 * <h2>Policy versions and public pages</h2>
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
 * <li><b>Escaping.</b> Markdown renders with {@code escapeHtml(true)} and sanitised URLs; the redline builds its
 *       HTML from escaped tokens only; the Atom feed is written with StAX.</li>
 * </ul>
 */
package kr.jsoft.privacyportal.policy;
