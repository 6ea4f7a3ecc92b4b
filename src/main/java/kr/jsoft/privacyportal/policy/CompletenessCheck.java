package kr.jsoft.privacyportal.policy;

import java.util.Arrays;
import java.util.List;

/**
 * The items a Korean privacy policy must contain (Personal Information Protection Act
 * Article 30(1) and its Enforcement Decree Article 31(1)), checked against the {@code sections}
 * mapping of a version's metadata: each item must name the section that covers it. All are
 * mandatory; a version that lacks one can be scheduled only with a reason the privacy manager
 * records (audit-logged).
 */
final class CompletenessCheck {
    private CompletenessCheck() {
    }

    private static final String ACT = "PIPA Art. 30(1)";
    private static final String DECREE = "PIPA Enforcement Decree Art. 31(1)";

    /** One legally required item: its key in {@code sections} and where the law asks for it. */
    public enum Requirement {
        ITEMS_PROCESSED("itemsProcessed", DECREE),
        PURPOSES("purposes", ACT),
        RETENTION("retention", ACT),
        DESTRUCTION("destruction", ACT),
        THIRD_PARTY_PROVISION("thirdPartyProvision", ACT),
        CONSIGNMENT("consignment", ACT),
        RIGHTS("rights", ACT),
        PRIVACY_OFFICER("privacyOfficer", ACT),
        SAFETY_MEASURES("safetyMeasures", DECREE),
        AUTOMATIC_COLLECTION("automaticCollection", ACT),
        CHANGES("changes", DECREE);

        private final String key;
        private final String reference;

        Requirement(String key, String reference) {
            this.key = key;
            this.reference = reference;
        }

        /** The key in metadata.json's {@code sections}. */
        public String key() {
            return key;
        }

        /** The provision that requires it. */
        public String reference() {
            return reference;
        }

        public String messageKey() {
            return "policy.checklist." + key;
        }

        /** Message key of the provision's name in the reader's language. */
        public String lawKey() {
            return reference.equals(ACT) ? "policy.law.act" : "policy.law.decree";
        }
    }

    /** One line of the checklist: the requirement and the section covering it (null: missing). */
    public record Item(Requirement requirement, String section) {
        public boolean present() {
            return section != null && !section.isBlank();
        }
    }

    /** The checklist of a version, in the law's order. */
    public static List<Item> of(PolicyMetadata metadata) {
        return Arrays.stream(Requirement.values())
                .map(r -> new Item(r, metadata.sections().get(r.key())))
                .toList();
    }

    /** The requirements a version lacks; empty when complete. */
    public static List<Requirement> missing(PolicyMetadata metadata) {
        return of(metadata).stream().filter(i -> !i.present()).map(Item::requirement).toList();
    }

    /**
     * Whether the version's outside organisations (Art. 30(1) 7-2: where to seek remedies) are the
     * current ones ({@link kr.jsoft.privacyportal.remedy.OutsideOrganisations}). A version naming
     * bodies that have moved or closed is flagged; refusals and the contact page use the current list
     * regardless, so this asks for a revision rather than blocking one.
     */
    public static boolean outsideOrganisationsCurrent(PolicyMetadata metadata) {
        return kr.jsoft.privacyportal.remedy.OutsideOrganisations.isCurrent(metadata.facts().outsideOrganisations()
                .stream().map(o -> new kr.jsoft.privacyportal.remedy.OutsideOrganisations.Listed(o.website(), o.phone()))
                .toList());
    }
}
