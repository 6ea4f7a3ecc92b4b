package kr.jsoft.privacyportal.remedy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

/** What every refusal's page or mail must say about remedies, for the features' tests. */
public final class RemedyAssertions {
    /** Addresses of bodies that have moved or closed, which the 2023 policy still names. */
    public static final List<String> DEFUNCT = List.of("1336.or.kr", "eprivacy", "icic.sppo.go.kr", "ctrc.go.kr",
            "02-3480-3600", "02-392-0330");

    private RemedyAssertions() {
    }

    /**
     * {@code text} states how to object to jsoft (the privacy manager, the 10 days, the contact
     * {@code objectionContact}) and the current outside organisations, and none of the defunct ones.
     */
    public static void statesObjectionRouteAndCurrentOrganisations(String text, String objectionContact) {
        assertThat(text).contains(objectionContact)
                .containsAnyOf("10 days", "10일")
                .contains("kopico.go.kr", "1833-6972", "privacy.kisa.or.kr", "118", "spo.go.kr", "1301",
                        "ecrm.police.go.kr", "182");
        DEFUNCT.forEach(defunct -> assertThat(text).doesNotContain(defunct));
    }
}
