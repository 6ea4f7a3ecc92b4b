package kr.jsoft.privacyportal.policy;

import java.util.List;
import java.util.Optional;

/**
 * What other features quote from the policy: the version in force and the outside
 * organisations (dispute bodies) a version names, for refusals and replies.
 */
public final class PolicyFacts {
    private final PolicyService policies;

    PolicyFacts(PolicyService policies) {
        this.policies = policies;
    }

    /** The label of the version in force, if any. */
    public Optional<String> currentLabel() {
        return policies.current().map(PolicyVersionInfo::label);
    }

    /** The outside organisations named by version {@code label}; none for no label or an unknown one. */
    public List<PolicyMetadata.OutsideOrganisation> outsideOrganisations(String label) {
        return label == null ? List.of() : policies.find(label)
                .map(v -> v.metadata().facts().outsideOrganisations()).orElse(List.of());
    }
}
