package kr.jsoft.privacyportal.policy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kr.jsoft.privacyportal.persistence.Database;
import kr.jsoft.privacyportal.staff.Role;
import kr.jsoft.privacyportal.staff.StaffMember;
import kr.jsoft.privacyportal.staff.WorkItem;
import kr.jsoft.privacyportal.staff.WorkSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The portal checks itself against the policy in force: what it processes that the version in
 * force does not disclose ({@link UndisclosedProcessing}, computed on each look so it empties the
 * moment a version that discloses it takes effect), and published versions tampered with outside
 * the portal ({@link PolicyIntegrity}, checked at start-up and every few minutes). Both are shown
 * to the privacy manager as the day's work, in the start-up log and in {@code /readyz}. Neither
 * stops the portal: it keeps serving (and destroying data on request) while the policy catches up.
 */
final class PolicySelfCheck implements WorkSource {
    private static final Logger log = LoggerFactory.getLogger(PolicySelfCheck.class);
    private static final PolicyMetadata.Facts NOTHING_DISCLOSED =
            new PolicyMetadata.Facts(List.of(), List.of(), List.of(), List.of(), List.of(), null, List.of());

    private final Database database;
    private final PolicyService policies;
    private final PolicyIntegrity integrity;
    private final OwnProcessing own;
    private volatile List<PolicyIntegrity.Tampering> tampering = List.of();

    PolicySelfCheck(Database database, PolicyService policies, PolicyIntegrity integrity, OwnProcessing own) {
        this.database = database;
        this.policies = policies;
        this.integrity = integrity;
        this.own = own;
    }

    /** What the portal processes that the version in force does not disclose (everything, when none is). */
    List<UndisclosedProcessing.Finding> undisclosed() {
        return UndisclosedProcessing.between(own, policies.current().map(v -> v.metadata().facts())
                .orElse(NOTHING_DISCLOSED));
    }

    /** Published versions not as the portal left them, as of the last check. */
    List<PolicyIntegrity.Tampering> tampering() {
        return tampering;
    }

    /** Checks every published version again (start-up, then periodically). */
    List<PolicyIntegrity.Tampering> checkIntegrity() {
        List<PolicyIntegrity.Tampering> found = database.fromTransaction(integrity::check);
        tampering = found;
        return found;
    }

    /**
     * Start-up: every finding in the log. Production lists undisclosed processing as WARN, each on
     * its own line, so it is seen; tampering is an ERROR everywhere. Neither refuses to start.
     */
    void logAtStartUp(boolean production) {
        String label = policies.current().map(PolicyVersionInfo::label).orElse("none");
        List<UndisclosedProcessing.Finding> undisclosed = undisclosed();
        if (!undisclosed.isEmpty()) {
            if (production) {
                log.warn("************************************************************************");
                log.warn("* The policy in force ({}) does not disclose {} thing(s) this portal processes.", label,
                        undisclosed.size());
                log.warn("* Schedule a version that discloses them (dashboard: Policies).");
                undisclosed.forEach(f -> log.warn("*   undisclosed {}{}", f.code(),
                        f.name() == null ? "" : " (" + f.name() + ")"));
                log.warn("************************************************************************");
            } else {
                log.info("Policy in force ({}) does not disclose: {}", label,
                        undisclosed.stream().map(UndisclosedProcessing.Finding::code).toList());
            }
        }
        for (PolicyIntegrity.Tampering found : checkIntegrity()) {
            log.error("Policy version {} was changed outside the portal: {}", found.label(), found.reason());
        }
    }

    /** The {@code /readyz} detail: findings by code, empty lists when all is well. */
    Object readiness() {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("inForce", policies.current().map(PolicyVersionInfo::label).orElse(null));
        detail.put("undisclosedProcessing", undisclosed().stream().map(UndisclosedProcessing.Finding::code).toList());
        detail.put("tampering", tampering.stream().map(PolicyIntegrity.Tampering::code).toList());
        return detail;
    }

    @Override
    public List<WorkItem> due(StaffMember viewer, Instant now) {
        if (viewer.role() != Role.PRIVACY_MANAGER) {
            return List.of();
        }
        List<WorkItem> work = new ArrayList<>();
        Optional<PolicyVersionInfo> inForce = policies.inForce(now);
        // Due since the version in force took effect: the processing is undisclosed from then on.
        Instant since = inForce.map(PolicyVersionInfo::effectiveAt).orElse(now);
        String subject = inForce.map(PolicyVersionInfo::label).orElse(null);
        // One row per kind of finding (items, purposes, consignees …) naming all of them: one revision
        // discloses them together, and twenty rows would bury the rest of the day's work.
        Map<String, List<Object>> byKind = new LinkedHashMap<>();
        for (UndisclosedProcessing.Finding finding : undisclosed()) {
            Object what = finding.name() != null ? finding.name() : new WorkItem.Words("policy.own." + finding.id());
            byKind.computeIfAbsent(finding.messageKey(), k -> new ArrayList<>()).add(what);
        }
        byKind.forEach((key, what) -> work.add(new WorkItem(key, List.of(new WorkItem.WordList(what)), subject, since,
                "policy.selfcheck.clock", "/manager/policies", "policy.selfcheck.act")));
        for (PolicyIntegrity.Tampering found : tampering) {
            work.add(new WorkItem(found.messageKey(), List.of(), found.label(), since, "policy.selfcheck.clock.tampered",
                    "/manager/policies/" + found.label(), "policy.selfcheck.act.tampered"));
        }
        return work;
    }
}
