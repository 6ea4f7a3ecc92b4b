package kr.jsoft.privacyportal.policy;

import java.util.Optional;
import kr.jsoft.privacyportal.remedy.PrivacyManagerContact;
import kr.jsoft.privacyportal.remedy.Remedies;

/**
 * What other features quote from the policy: the version in force, and the remedies every
 * refusal states (the privacy manager of the version in force, the portal's current outside
 * organisations).
 */
public final class PolicyFacts {
    private final PolicyService policies;

    private final Remedies remedies;

    PolicyFacts(PolicyService policies) {
        this.policies = policies;
        // Objections go to the privacy manager the policy in force names; where else to turn is the
        // portal's current list, never the version's (see remedy.OutsideOrganisations).
        this.remedies = new Remedies(() -> inForce().map(PolicyMetadata.Facts::privacyOfficer)
                .map(o -> new PrivacyManagerContact(o.email(), o.phone())));
    }

    /** What a refusal or postponement tells the person: grounds, objection to jsoft, outside organisations. */
    public Remedies remedies() {
        return remedies;
    }

    /** The facts of the version in force (its privacy officer, items, outside organisations), if any. */
    public Optional<PolicyMetadata.Facts> inForce() {
        return policies.current().map(v -> v.metadata().facts());
    }

    /** The label of the version in force, if any. */
    public Optional<String> currentLabel() {
        return policies.current().map(PolicyVersionInfo::label);
    }

}
