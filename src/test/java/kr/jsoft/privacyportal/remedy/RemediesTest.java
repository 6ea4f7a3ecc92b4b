package kr.jsoft.privacyportal.remedy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kr.jsoft.privacyportal.mail.OutgoingMail;
import kr.jsoft.privacyportal.web.Lang;
import kr.jsoft.privacyportal.web.View;
import org.junit.jupiter.api.Test;

class RemediesTest {
    private static final List<String> DEFUNCT = List.of("1336.or.kr", "eprivacy", "icic.sppo.go.kr", "ctrc.go.kr");
    private final View view = new View(false);
    private final Remedies remedies = new Remedies(
            () -> Optional.of(new PrivacyManagerContact("privacy@jsoft.example", "0507-1402-6178")));

    @Test
    void aRefusalMailStatesGroundsObjectionRouteAndTheCurrentOrganisationsInBothParts() {
        for (Lang lang : Lang.values()) {
            OutgoingMail mail = remedies.addTo(OutgoingMail.to("a@example.org", lang, "remedy/remedies"), "Not yours.");
            Map<String, Object> model = new HashMap<>(mail.model());
            model.put("lang", lang.code());
            String html = view.engine().process("remedy/remedies", java.util.Set.of("mail"),
                    new org.thymeleaf.context.Context(lang.locale(), model));
            String text = view.renderToString("remedy/remedies.txt", lang.locale(), model);
            for (String part : List.of(html, text)) {
                assertThat(part).contains("Not yours.", "privacy@jsoft.example", "0507-1402-6178", "10",
                        "kopico.go.kr", "1833-6972", "privacy.kisa.or.kr", "118", "spo.go.kr", "1301",
                        "ecrm.police.go.kr", "182").doesNotContain("??");
                DEFUNCT.forEach(d -> assertThat(part).doesNotContain(d));
            }
            assertThat(html.split("<li>", -1)).hasSize(5);
            assertThat(text).doesNotContain("/*");
        }
    }

    @Test
    void thePolicyListOf2023DiffersFromTheCurrentAndTheCurrentOneMatchesWhateverItsSpelling() {
        assertThat(OutsideOrganisations.isCurrent(List.of(
                new OutsideOrganisations.Listed("www.1336.or.kr", "1336"),
                new OutsideOrganisations.Listed("www.eprivacy.or.kr", "02-580-0533~4"),
                new OutsideOrganisations.Listed("http://icic.sppo.go.kr", "02-3480-3600"),
                new OutsideOrganisations.Listed("www.ctrc.go.kr", "02-392-0330")))).isFalse();
        assertThat(OutsideOrganisations.isCurrent(List.of(
                new OutsideOrganisations.Listed("https://kopico.go.kr/", "1833-6972"),
                new OutsideOrganisations.Listed("privacy.kisa.or.kr", "118"),
                new OutsideOrganisations.Listed("www.spo.go.kr", "1301"),
                new OutsideOrganisations.Listed("ecrm.police.go.kr", "182")))).isTrue();
    }
}
