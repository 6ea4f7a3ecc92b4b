package kr.jsoft.privacyportal.policy;

import org.hibernate.Session;

/**
 * Where the lifecycle tells others that a revision was announced or withdrawn, inside the
 * transaction that posted the notice (so a mail outbox row commits together with the notice, or
 * not at all). The mail feature's {@code NoticeMailer} implements it: it mails the notice to
 * subscribers at once and a reminder on the effective date. {@link #NONE} does nothing.
 */
public interface RevisionAnnouncements {
    /** Nobody to tell (until the mail feature is wired). */
    RevisionAnnouncements NONE = new RevisionAnnouncements() {
        @Override
        public void scheduled(Session session, ScheduledRevision revision) {
        }

        @Override
        public void withdrawn(Session session, ScheduledRevision revision) {
        }
    };

    /** A revision was scheduled and its notice posted ({@code revision.noticeId()}). */
    void scheduled(Session session, ScheduledRevision revision);

    /** A scheduled revision was withdrawn and the withdrawal notice posted ({@code revision.noticeId()}). */
    void withdrawn(Session session, ScheduledRevision revision);
}
