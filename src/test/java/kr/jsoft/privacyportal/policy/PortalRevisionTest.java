package kr.jsoft.privacyportal.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import kr.jsoft.privacyportal.web.Lang;
import org.junit.jupiter.api.Test;

/** The repository's own policies: the baseline's known gaps and the portal's draft. */
class PortalRevisionTest {
    static PolicyMetadata metadata(String label) throws Exception {
        return PolicyMetadata.parse(Files.readString(Path.of("policies", label, "metadata.json")));
    }

    static Map<Lang, String> texts(String label) throws Exception {
        Map<Lang, String> texts = new EnumMap<>(Lang.class);
        for (Lang lang : Lang.values()) {
            texts.put(lang, Files.readString(Path.of("policies", label, "policy." + lang.code() + ".md")));
        }
        return texts;
    }

    @Test
    void theBaselineLacksSafetyMeasuresAndAutomaticCollection() throws Exception {
        assertThat(CompletenessCheck.missing(metadata("2023-09-01"), texts("2023-09-01"))).containsExactly(
                CompletenessCheck.Requirement.SAFETY_MEASURES, CompletenessCheck.Requirement.AUTOMATIC_COLLECTION);
    }

    @Test
    void thePortalsOwnDraftPassesTheCompletenessCheck() throws Exception {
        List<CompletenessCheck.Item> checklist = CompletenessCheck.of(metadata("2027-01-portal"), texts("2027-01-portal"));

        assertThat(checklist).hasSize(11).allMatch(CompletenessCheck.Item::present);
    }

    @Test
    void everySectionTheDraftNamesExistsInBothTexts() throws Exception {
        for (String lang : List.of("ko", "en")) {
            String text = Files.readString(Path.of("policies", "2027-01-portal", "policy." + lang + ".md"));
            for (CompletenessCheck.Item item : CompletenessCheck.of(metadata("2027-01-portal"), texts("2027-01-portal"))) {
                assertThat(text).as(lang + " " + item.requirement().key()).containsPattern("(?m)^## " + item.section() + "\\.");
            }
        }
    }

    @Test
    void thePortalsOwnDraftIsDetectedAsUnfavourableAgainstTheBaseline() throws Exception {
        List<UnfavourableChanges.Change> changes = UnfavourableChanges.between(
                metadata("2023-09-01").facts(), metadata("2027-01-portal").facts());

        assertThat(changes).extracting(UnfavourableChanges.Change::kind).contains(
                UnfavourableChanges.Kind.ITEM_ADDED, UnfavourableChanges.Kind.PURPOSE_ADDED,
                UnfavourableChanges.Kind.CONSIGNEE_ADDED);
        assertThat(changes).extracting(UnfavourableChanges.Change::id)
                .contains("push-address", "phone-number-hash", "complainant-email", "subscriber-email",
                        "staff-access-records", "naver-cloud-sens", "google-fcm");
    }

    @Test
    void thePortalsOwnDraftNamesTheCurrentOutsideOrganisations() throws Exception {
        assertThat(metadata("2027-01-portal").facts().outsideOrganisations())
                .extracting(PolicyMetadata.OutsideOrganisation::website, PolicyMetadata.OutsideOrganisation::phone)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("www.kopico.go.kr", "1833-6972"),
                        org.assertj.core.groups.Tuple.tuple("privacy.kisa.or.kr", "118"),
                        org.assertj.core.groups.Tuple.tuple("www.spo.go.kr", "1301"),
                        org.assertj.core.groups.Tuple.tuple("ecrm.police.go.kr", "182"));
    }

    @Test
    void aSectionTheMappingNamesButOneTextLacksFailsTheCompletenessCheck() throws Exception {
        Map<Lang, String> texts = texts("2027-01-portal");
        texts.put(Lang.EN, texts.get(Lang.EN).replace("## 8. ", "## Eight. "));

        List<CompletenessCheck.Item> checklist = CompletenessCheck.of(metadata("2027-01-portal"), texts);

        CompletenessCheck.Item safety = checklist.stream()
                .filter(i -> i.requirement() == CompletenessCheck.Requirement.SAFETY_MEASURES).findFirst().orElseThrow();
        assertThat(safety.mapped()).isTrue();
        assertThat(safety.present()).isFalse();
        assertThat(safety.missingIn()).containsExactly(Lang.EN);
        assertThat(CompletenessCheck.missing(metadata("2027-01-portal"), texts))
                .containsExactly(CompletenessCheck.Requirement.SAFETY_MEASURES);
    }

    @Test
    void theDraftDisclosesEverythingThePortalProcessesWithEveryServiceConfigured() throws Exception {
        OwnProcessing own = OwnProcessing.of(new OwnProcessing.Configured(true, true, true,
                java.util.Optional.of(new kr.jsoft.privacyportal.mail.MailSettings.SmtpOperator("NAVER Cloud Corp.", "KR",
                        java.util.Optional.empty())), false, 30));

        assertThat(UndisclosedProcessing.between(own, metadata("2027-01-portal").facts())).isEmpty();
        assertThat(UndisclosedProcessing.between(own, metadata("2023-09-01").facts()))
                .extracting(UndisclosedProcessing.Finding::code)
                .contains("item:push-address", "item:phone-number-hash", "item:complainant-email",
                        "item:subscriber-email", "consignee:naver-cloud-sens", "consignee:google-fcm",
                        "consignee:smtp-relay", "transfer:google-fcm", "transfer:web-push-services");
    }

    @Test
    void aRelayOfAnotherOperatorOrCountryOrKeptLongerIsUndisclosed() throws Exception {
        PolicyMetadata.Facts draft = metadata("2027-01-portal").facts();
        OwnProcessing abroad = OwnProcessing.of(new OwnProcessing.Configured(false, false, false,
                java.util.Optional.of(new kr.jsoft.privacyportal.mail.MailSettings.SmtpOperator("NAVER Cloud Corp.", "US",
                        java.util.Optional.empty())), false, 30));
        OwnProcessing unnamed = OwnProcessing.of(new OwnProcessing.Configured(false, false, false,
                java.util.Optional.empty(), true, 45));

        assertThat(UndisclosedProcessing.between(abroad, draft)).extracting(UndisclosedProcessing.Finding::code)
                .containsExactly("consignee:smtp-relay", "transfer:smtp-relay");
        assertThat(UndisclosedProcessing.between(unnamed, draft)).extracting(UndisclosedProcessing.Finding::code)
                .containsExactly("retention:sent-emails", "consignee:smtp-relay");
    }
}
