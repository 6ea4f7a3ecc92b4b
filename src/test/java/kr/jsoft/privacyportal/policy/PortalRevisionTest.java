package kr.jsoft.privacyportal.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The repository's own policies: the baseline's known gaps and the portal's draft. */
class PortalRevisionTest {
    static PolicyMetadata metadata(String label) throws Exception {
        return PolicyMetadata.parse(Files.readString(Path.of("policies", label, "metadata.json")));
    }

    @Test
    void theBaselineLacksSafetyMeasuresAndAutomaticCollection() throws Exception {
        assertThat(CompletenessCheck.missing(metadata("2023-09-01"))).containsExactly(
                CompletenessCheck.Requirement.SAFETY_MEASURES, CompletenessCheck.Requirement.AUTOMATIC_COLLECTION);
    }

    @Test
    void thePortalsOwnDraftPassesTheCompletenessCheck() throws Exception {
        List<CompletenessCheck.Item> checklist = CompletenessCheck.of(metadata("2027-01-portal"));

        assertThat(checklist).hasSize(11).allMatch(CompletenessCheck.Item::present);
    }

    @Test
    void everySectionTheDraftNamesExistsInBothTexts() throws Exception {
        for (String lang : List.of("ko", "en")) {
            String text = Files.readString(Path.of("policies", "2027-01-portal", "policy." + lang + ".md"));
            for (CompletenessCheck.Item item : CompletenessCheck.of(metadata("2027-01-portal"))) {
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
}
