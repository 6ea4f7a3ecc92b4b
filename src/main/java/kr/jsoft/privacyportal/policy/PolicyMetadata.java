package kr.jsoft.privacyportal.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import kr.jsoft.privacyportal.web.Lang;

/**
 * A version's {@code metadata.json}, field by field as {@code policies/README.md} documents
 * it. Other features read the facts from here (the contact page, the lifecycle's comparison).
 */
public record PolicyMetadata(
        String label,
        LocalDate effectiveDate,
        LocalDate noticePostedDate,
        boolean baseline,
        String authoritativeLanguage,
        List<String> referenceTranslations,
        boolean unfavourable,
        Localized summary,
        Facts facts,
        Map<String, String> sections) {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            // "Exactly these keys": a misspelt key is an error, not a silently missing fact.
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    public PolicyMetadata {
        referenceTranslations = referenceTranslations == null ? List.of() : List.copyOf(referenceTranslations);
        sections = sections == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(sections));
    }

    /** Parses and checks the fields every page relies on. */
    public static PolicyMetadata parse(String json) {
        PolicyMetadata metadata;
        try {
            metadata = JSON.readValue(json, PolicyMetadata.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("metadata.json is not valid: " + e.getOriginalMessage());
        }
        if (metadata.label() == null || metadata.summary() == null || metadata.facts() == null) {
            throw new IllegalArgumentException("metadata.json lacks label, summary or facts");
        }
        if (Lang.parse(metadata.authoritativeLanguage()).isEmpty()) {
            throw new IllegalArgumentException("metadata.json: authoritativeLanguage must be \"en\" or \"ko\"");
        }
        for (String code : metadata.referenceTranslations()) {
            if (Lang.parse(code).isEmpty()) {
                throw new IllegalArgumentException("metadata.json: unknown language '" + code + "' in referenceTranslations");
            }
        }
        return metadata;
    }

    /** Whether the text in {@code lang} is only a translation of the authoritative one. */
    public boolean isReferenceTranslation(Lang lang) {
        return referenceTranslations.contains(lang.code());
    }

    /** A text in both languages. */
    public record Localized(String en, String ko) {
        public String in(Lang lang) {
            return lang == Lang.KO ? ko : en;
        }
    }

    public record Facts(
            List<Item> itemsCollected,
            List<Item> purposes,
            List<Retention> retention,
            List<ThirdParty> thirdParties,
            List<Consignee> consignees,
            PrivacyOfficer privacyOfficer,
            List<OutsideOrganisation> outsideOrganisations,
            List<OverseasTransfer> overseasTransfers) {
        public Facts {
            overseasTransfers = copy(overseasTransfers);
            itemsCollected = copy(itemsCollected);
            purposes = copy(purposes);
            retention = copy(retention);
            thirdParties = copy(thirdParties);
            consignees = copy(consignees);
            outsideOrganisations = copy(outsideOrganisations);
        }

        /** Facts without overseas transfers (a version that discloses none). */
        public Facts(List<Item> itemsCollected, List<Item> purposes, List<Retention> retention,
                     List<ThirdParty> thirdParties, List<Consignee> consignees, PrivacyOfficer privacyOfficer,
                     List<OutsideOrganisation> outsideOrganisations) {
            this(itemsCollected, purposes, retention, thirdParties, consignees, privacyOfficer, outsideOrganisations,
                    List.of());
        }

        private static <T> List<T> copy(List<T> list) {
            return list == null ? List.of() : List.copyOf(list);
        }
    }

    public record Item(String id, String en, String ko) {
        public String in(Lang lang) {
            return lang == Lang.KO ? ko : en;
        }
    }

    /** {@code maxDays} null: open-ended (until the purpose ends). */
    public record Retention(String item, Integer maxDays, String en, String ko) {
        public String in(Lang lang) {
            return lang == Lang.KO ? ko : en;
        }
    }

    public record ThirdParty(String id, String name, String en, String ko) {
        public String in(Lang lang) {
            return lang == Lang.KO ? ko : en;
        }
    }

    /** {@code country}: ISO 3166-1 alpha-2; other than KR means an overseas transfer. */
    public record Consignee(String id, String name, String country, String en, String ko) {
        public String in(Lang lang) {
            return lang == Lang.KO ? ko : en;
        }

        public boolean overseas() {
            return !"KR".equalsIgnoreCase(country);
        }
    }

    /**
     * An overseas transfer with the items PIPA Art. 28-8(2) requires the policy to state: the
     * country, the recipient and its contact, the items, the recipient's purpose and retention,
     * when and how they are transferred, and how to refuse. {@code id} is the consignee's id where
     * the recipient is one, else an id of its own (the Web Push services).
     */
    public record OverseasTransfer(String id, String country, String recipient, String contact, List<String> items,
                                   Localized purpose, Localized retention, Localized whenAndHow,
                                   Localized howToRefuse) {
        public OverseasTransfer {
            items = items == null ? List.of() : List.copyOf(items);
        }

        /** Whether every one of the Art. 28-8(2) items is stated. */
        public boolean complete() {
            return present(country) && present(recipient) && present(contact) && !items.isEmpty()
                    && stated(purpose) && stated(retention) && stated(whenAndHow) && stated(howToRefuse);
        }

        private static boolean present(String value) {
            return value != null && !value.isBlank();
        }

        private static boolean stated(Localized text) {
            return text != null && present(text.en()) && present(text.ko());
        }
    }

    public record PrivacyOfficer(Localized name, Localized position, String phone, String email, String homepage) {
        private static final Set<String> LINK_SCHEMES = Set.of("https", "http", "mailto");

        /**
         * The homepage as a link target, or null when it must be shown as text only: the metadata is
         * edited by hand, and a {@code javascript:} or {@code data:} address in a link would run in
         * the portal's origin for whoever clicks it.
         */
        public String homepageUrl() {
            if (homepage == null) {
                return null;
            }
            try {
                String scheme = new URI(homepage.strip()).getScheme();
                return scheme != null && LINK_SCHEMES.contains(scheme.toLowerCase(Locale.ROOT))
                        ? homepage.strip() : null;
            } catch (URISyntaxException notAnAddress) {
                return null;
            }
        }
    }

    public record OutsideOrganisation(Localized name, String website, String phone) {
        /** The website as a link target: the metadata gives some without a scheme. */
        public String websiteUrl() {
            if (website == null) {
                return null;
            }
            return website.startsWith("http://") || website.startsWith("https://") ? website : "https://" + website;
        }
    }
}
