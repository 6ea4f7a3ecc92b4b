package kr.jsoft.privacyportal.policy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import kr.jsoft.privacyportal.audit.AuditEntry;
import kr.jsoft.privacyportal.audit.AuditEvent;
import kr.jsoft.privacyportal.audit.AuditLog;
import kr.jsoft.privacyportal.crypto.Digests;
import org.hibernate.Session;

/**
 * Detects what the database cannot refuse (H2 has no SQL triggers; on PostgreSQL V18_21 refuses
 * most of it): a published version changed outside the portal. Every way the portal publishes or
 * changes a published version (baseline import, schedule, withdrawal) writes a seal into the
 * hash-chained audit log: a SHA-256 over the version's dates, notice, flags and the hashes of its
 * metadata and texts. At start-up (and every few minutes) each published version is checked:
 * the stored hashes against the stored text, the state against its last seal, and the notice
 * period against the notice row and the content (a revision that is unfavourable by its facts
 * needs 30 days whatever its flag says).
 */
final class PolicyIntegrity {
    static final String SEAL = "seal=";
    private final AuditLog auditLog;

    PolicyIntegrity(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    enum Reason { TEXT_ALTERED, CHANGED_OUTSIDE_PORTAL, NOTICE_RULE_BROKEN }

    /** A published version found tampered with, and how. */
    record Tampering(String label, Reason reason) {
        String messageKey() {
            return "policy.selfcheck.tampered." + reason.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }

        String code() {
            return label + ":" + reason.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    /** The seal of a version's current state, for the audit detail of every change that publishes it. */
    static String seal(PolicyVersion version, List<PolicyText> texts) {
        Map<String, String> hashes = new TreeMap<>();
        texts.forEach(t -> hashes.put(t.lang(), t.sha256()));
        String state = String.join("|", version.label(), String.valueOf(version.baseline()),
                millis(version.effectiveAt()), String.valueOf(version.noticeId()), millis(version.noticePostedAt()),
                millis(version.withdrawnAt()), String.valueOf(version.unfavourable()), version.metadataSha256(),
                hashes.toString());
        return Digests.sha256Hex(state);
    }

    /** " seal=…": appended to the audit detail of the change. */
    static String sealDetail(Session session, PolicyVersion version) {
        session.flush();
        return " " + SEAL + seal(version, PolicyQueries.texts(session, version.id()));
    }

    private static String millis(Instant instant) {
        return instant == null ? "-" : Long.toString(instant.toEpochMilli());
    }

    /** Every published version that is not as the portal left it. */
    List<Tampering> check(Session session) {
        List<PolicyVersion> versions = PolicyQueries.allVersions(session);
        List<Tampering> found = new ArrayList<>();
        for (PolicyVersion version : versions) {
            if (!version.isPublished()) {
                continue;
            }
            List<PolicyText> texts = PolicyQueries.texts(session, version.id());
            if (altered(version, texts)) {
                found.add(new Tampering(version.label(), Reason.TEXT_ALTERED));
            }
            if (!sealed(session, version, texts)) {
                found.add(new Tampering(version.label(), Reason.CHANGED_OUTSIDE_PORTAL));
            }
            if (breaksNoticeRule(version, versions)) {
                found.add(new Tampering(version.label(), Reason.NOTICE_RULE_BROKEN));
            }
        }
        return List.copyOf(found);
    }

    private static boolean altered(PolicyVersion version, List<PolicyText> texts) {
        if (!Digests.sha256Hex(version.metadataJson()).equals(version.metadataSha256()) || texts.size() < 2) {
            return true;
        }
        return texts.stream().anyMatch(t -> !Digests.sha256Hex(t.markdown()).equals(t.sha256()));
    }

    private boolean sealed(Session session, PolicyVersion version, List<PolicyText> texts) {
        List<AuditEntry> entries = auditLog.entriesAbout(session, "policy_version", version.id().toString());
        Optional<String> last = entries.stream().map(AuditEntry::detail)
                .filter(d -> d != null && d.contains(SEAL))
                .map(d -> d.substring(d.indexOf(SEAL) + SEAL.length()).split("[\\s,;]")[0])
                .reduce((a, b) -> b);
        String now = seal(version, texts);
        if (last.isPresent()) {
            return last.get().equals(now);
        }
        // Published through the portal before seals existed: sealed once, as found, on the first
        // start of this release. A version never published through the portal has no such entry.
        boolean publishedByPortal = entries.stream().anyMatch(e -> e.action().equals("policy.scheduled")
                || e.action().equals("policy.baseline-imported"));
        if (publishedByPortal) {
            auditLog.record(session, AuditEvent.system("policy.sealed").target("policy_version", version.id())
                    .detail(SEAL + now));
        }
        return publishedByPortal;
    }

    /** In force or scheduled without its full notice, counted from the notice row and judged by content. */
    private static boolean breaksNoticeRule(PolicyVersion version, List<PolicyVersion> versions) {
        if (version.baseline() || version.withdrawnAt() != null) {
            return false;
        }
        if (version.noticePostedAt() == null || version.effectiveAt() == null) {
            return true;
        }
        boolean unfavourable = version.unfavourable() || previous(version, versions)
                .map(before -> !UnfavourableChanges.between(facts(before), facts(version)).isEmpty())
                .orElse(false);
        Duration period = NoticePeriod.required(unfavourable);
        return version.effectiveAt().isBefore(version.noticePostedAt().plus(period));
    }

    private static Optional<PolicyVersion> previous(PolicyVersion version, List<PolicyVersion> versions) {
        return versions.stream()
                .filter(v -> v != version && v.effectiveAt() != null && v.withdrawnAt() == null
                        && v.effectiveAt().isBefore(version.effectiveAt()))
                .max(Comparator.comparing(PolicyVersion::effectiveAt));
    }

    private static PolicyMetadata.Facts facts(PolicyVersion version) {
        try {
            return PolicyMetadata.parse(version.metadataJson()).facts();
        } catch (IllegalArgumentException e) {
            return new PolicyMetadata.Facts(List.of(), List.of(), List.of(), List.of(), List.of(), null, List.of());
        }
    }
}
