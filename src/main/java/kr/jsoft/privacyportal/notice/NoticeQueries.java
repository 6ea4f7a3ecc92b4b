package kr.jsoft.privacyportal.notice;

import java.util.List;
import org.hibernate.Session;

/** The notice feature's queries. */
final class NoticeQueries {
    private NoticeQueries() {
    }

    static List<Notice> newestFirst(Session session, int limit) {
        return session.createSelectionQuery("from Notice order by postedAt desc, id desc", Notice.class)
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
