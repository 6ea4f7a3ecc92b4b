package kr.jsoft.privacyportal.policy;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.Session;

/** The policy feature's queries, each a small function of the session. */
final class PolicyQueries {
    private PolicyQueries() {
    }

    static Optional<PolicyVersion> versionByLabel(Session session, String label) {
        return session.createSelectionQuery("from PolicyVersion where label = :label", PolicyVersion.class)
                .setParameter("label", label)
                .uniqueResultOptional();
    }

    /**
     * The version row locked until the transaction ends: the importer decides "still a draft"
     * and updates it while a concurrent schedule waits, so it cannot overwrite that schedule.
     */
    static Optional<PolicyVersion> versionByLabelForUpdate(Session session, String label) {
        return session.createSelectionQuery("from PolicyVersion where label = :label", PolicyVersion.class)
                .setParameter("label", label)
                .setLockMode(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
                .uniqueResultOptional();
    }

    static List<PolicyVersion> allVersions(Session session) {
        return session.createSelectionQuery("from PolicyVersion order by label", PolicyVersion.class).getResultList();
    }

    static List<PolicyText> texts(Session session, UUID versionId) {
        return session.createSelectionQuery("from PolicyText where versionId = :version", PolicyText.class)
                .setParameter("version", versionId)
                .getResultList();
    }

    /** Per text: version id, language, SHA-256 (without loading the texts themselves). */
    static List<Object[]> allTextHashes(Session session) {
        return session.createSelectionQuery("select versionId, lang, sha256 from PolicyText", Object[].class)
                .getResultList();
    }

    static Optional<PolicyText> text(Session session, UUID versionId, String lang) {
        return session.createSelectionQuery("from PolicyText where versionId = :version and lang = :lang", PolicyText.class)
                .setParameter("version", versionId)
                .setParameter("lang", lang)
                .uniqueResultOptional();
    }

    static boolean anyPublished(Session session) {
        return session.createSelectionQuery(
                        "select count(*) from PolicyVersion where effectiveAt is not null or noticePostedAt is not null",
                        Long.class)
                .getSingleResult() > 0;
    }
}
