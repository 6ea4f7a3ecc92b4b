package kr.jsoft.privacyportal.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import kr.jsoft.privacyportal.web.Lang;
import org.junit.jupiter.api.Test;

class PolicyMetadataTest {

    @Test
    void theBaselineMetadataParses() throws Exception {
        PolicyMetadata metadata = PolicyMetadata.parse(Files.readString(Path.of("policies/2023-09-01/metadata.json")));

        assertThat(metadata.label()).isEqualTo("2023-09-01");
        assertThat(metadata.effectiveDate()).isEqualTo(LocalDate.of(2023, 9, 1));
        assertThat(metadata.baseline()).isTrue();
        assertThat(metadata.isReferenceTranslation(Lang.KO)).isTrue();
        assertThat(metadata.isReferenceTranslation(Lang.EN)).isFalse();
        assertThat(metadata.facts().privacyOfficer().email()).isEqualTo("support@jsoft.kr");
        assertThat(metadata.facts().outsideOrganisations()).hasSize(4);
        assertThat(metadata.sections()).containsEntry("privacyOfficer", "7").containsEntry("safetyMeasures", null);
    }

    @Test
    void theDraftMetadataParses() throws Exception {
        PolicyMetadata metadata = PolicyMetadata.parse(Files.readString(Path.of("policies/2027-01-portal/metadata.json")));

        assertThat(metadata.effectiveDate()).isNull();
        assertThat(metadata.facts().consignees()).extracting(PolicyMetadata.Consignee::country).contains("KR", "US");
    }

    @Test
    void anUnknownKeyIsRefused() throws Exception {
        String misspelt = Files.readString(Path.of("policies/2023-09-01/metadata.json"))
                .replace("\"baseline\": true,", "\"baseline\": true, \"efectiveDate\": null,");

        assertThatThrownBy(() -> PolicyMetadata.parse(misspelt))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("efectiveDate");
    }
}
