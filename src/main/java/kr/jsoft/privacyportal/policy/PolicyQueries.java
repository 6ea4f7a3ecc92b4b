package kr.jsoft.privacyportal.policy;

import jakarta.persistence.LockModeType;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Root;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.Session;
import org.hibernate.query.criteria.HibernateCriteriaBuilder;

/**
 * The policy feature's queries, each a small function of the session. Built with the criteria API, not
 * HQL strings: they run while the portal starts (the import, the integrity seal), and the first HQL
 * strings a process parses cost Hibernate's ANTLR parser a warm-up of its whole grammar (hundreds of
 * milliseconds of CPU, most of it the JIT compiling the parser) that start-up would otherwise wait for.
 */
final class PolicyQueries {
    private PolicyQueries() {
    }

    static Optional<PolicyVersion> versionByLabel(Session session, String label) {
        return session.createSelectionQuery(byLabel(session, label)).uniqueResultOptional();
    }

    /**
     * The version row locked until the transaction ends: the importer decides "still a draft"
     * and updates it while a concurrent schedule waits, so it cannot overwrite that schedule.
     */
    static Optional<PolicyVersion> versionByLabelForUpdate(Session session, String label) {
        return session.createSelectionQuery(byLabel(session, label))
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .uniqueResultOptional();
    }

    private static CriteriaQuery<PolicyVersion> byLabel(Session session, String label) {
        HibernateCriteriaBuilder cb = session.getCriteriaBuilder();
        CriteriaQuery<PolicyVersion> query = cb.createQuery(PolicyVersion.class);
        Root<PolicyVersion> version = query.from(PolicyVersion.class);
        return query.where(cb.equal(version.get("label"), label));
    }

    static List<PolicyVersion> allVersions(Session session) {
        HibernateCriteriaBuilder cb = session.getCriteriaBuilder();
        CriteriaQuery<PolicyVersion> query = cb.createQuery(PolicyVersion.class);
        Root<PolicyVersion> version = query.from(PolicyVersion.class);
        return session.createSelectionQuery(query.orderBy(cb.asc(version.get("label")))).getResultList();
    }

    static List<PolicyText> texts(Session session, UUID versionId) {
        HibernateCriteriaBuilder cb = session.getCriteriaBuilder();
        CriteriaQuery<PolicyText> query = cb.createQuery(PolicyText.class);
        Root<PolicyText> text = query.from(PolicyText.class);
        return session.createSelectionQuery(query.where(cb.equal(text.get("versionId"), versionId))).getResultList();
    }

    /** Per text: version id, language, SHA-256 (without loading the texts themselves). */
    static List<Object[]> allTextHashes(Session session) {
        HibernateCriteriaBuilder cb = session.getCriteriaBuilder();
        CriteriaQuery<Object[]> query = cb.createQuery(Object[].class);
        Root<PolicyText> text = query.from(PolicyText.class);
        return session.createSelectionQuery(query.multiselect(text.get("versionId"), text.get("lang"), text.get("sha256")))
                .getResultList();
    }

    static Optional<PolicyText> text(Session session, UUID versionId, String lang) {
        HibernateCriteriaBuilder cb = session.getCriteriaBuilder();
        CriteriaQuery<PolicyText> query = cb.createQuery(PolicyText.class);
        Root<PolicyText> text = query.from(PolicyText.class);
        return session.createSelectionQuery(query.where(cb.equal(text.get("versionId"), versionId),
                cb.equal(text.get("lang"), lang))).uniqueResultOptional();
    }

    static boolean anyPublished(Session session) {
        HibernateCriteriaBuilder cb = session.getCriteriaBuilder();
        CriteriaQuery<Long> query = cb.createQuery(Long.class);
        Root<PolicyVersion> version = query.from(PolicyVersion.class);
        query.select(cb.count(version)).where(cb.or(cb.isNotNull(version.get("effectiveAt")),
                cb.isNotNull(version.get("noticePostedAt"))));
        return session.createSelectionQuery(query).getSingleResult() > 0;
    }
}
