package kr.jsoft.privacyportal.notice;

import java.time.Instant;
import java.util.List;
import org.hibernate.Session;

/** The notice feature's queries. */
final class NoticeQueries {
    private NoticeQueries() {
    }

    /** The notices on the site at {@code now}: those posted for a period leave when it ends. */
    static List<Notice> newestFirst(Session session, int limit, Instant now) {
        return session.createSelectionQuery("from Notice where shownUntil is null or shownUntil > :now"
                        + " order by postedAt desc, id desc", Notice.class)
                .setParameter("now", now)
                .setMaxResults(limit)
                .getResultList();
    }

    static List<Notice> forVersion(Session session, String versionLabel) {
        return session.createSelectionQuery("from Notice where versionLabel = :label order by postedAt desc, id desc",
                        Notice.class)
                .setParameter("label", versionLabel)
                .getResultList();
    }
}
