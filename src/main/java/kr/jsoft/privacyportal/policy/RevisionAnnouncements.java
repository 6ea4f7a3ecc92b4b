package kr.jsoft.privacyportal.policy;

import org.hibernate.Session;

/**
 * Where the lifecycle tells others that a revision was announced or withdrawn, inside the
 * transaction that posted the notice (so a mail outbox row commits together with the notice, or
 * not at all). The subscription feature's {@code RevisionMails} implements it: it mails the notice
 * to subscribers at once and a reminder on the effective date. The interface lives here so that the
 * policy feature does not depend on the feature built on it.
 */
public interface RevisionAnnouncements {

    /** A revision was scheduled and its notice posted ({@code revision.noticeId()}). */
    void scheduled(Session session, ScheduledRevision revision);

    /** A scheduled revision was withdrawn and the withdrawal notice posted ({@code revision.noticeId()}). */
    void withdrawn(Session session, ScheduledRevision revision);
}
