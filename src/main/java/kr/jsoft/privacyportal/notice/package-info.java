/**
 * The Notices section: posted notices, their pages and their Atom feed.
 *
 * <p>Notices are never edited or deleted ({@code Notice} has no setters and the service no such operation): the
 *     policy promises that a revision is announced in advance, and an announcement that could change later
 *     would prove nothing. {@code NoticeService.post(session, …)} runs in the caller's transaction, so a
 *     revision and its notice commit together (the policy lifecycle relies on it). Pages
 *     ({@code /{lang}/notices}, {@code /{lang}/notices/{id}}) and the feed ({@code /{lang}/notices.atom}, written
 *     with StAX) are served from {@code web.PageCache}: they change only when a notice is posted.
 */
package kr.jsoft.privacyportal.notice;
