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

    @Test
    void theOfficersHomepageIsALinkOnlyForHttpsHttpOrMailto() {
        assertThat(officer("https://jsoft.kr").homepageUrl()).isEqualTo("https://jsoft.kr");
        assertThat(officer("http://jsoft.kr/privacy").homepageUrl()).isEqualTo("http://jsoft.kr/privacy");
        assertThat(officer("MAILTO:privacy@jsoft.kr").homepageUrl()).isEqualTo("MAILTO:privacy@jsoft.kr");
        for (String unsafe : new String[] {"javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,<script>x</script>",
                "vbscript:x", "jsoft.kr", "//evil.example", "https://a b", null}) {
            assertThat(officer(unsafe).homepageUrl()).as(String.valueOf(unsafe)).isNull();
        }
    }

    private static PolicyMetadata.PrivacyOfficer officer(String homepage) {
        return new PolicyMetadata.PrivacyOfficer(null, null, "0507-1402-6178", "support@jsoft.kr", homepage);
    }
}
