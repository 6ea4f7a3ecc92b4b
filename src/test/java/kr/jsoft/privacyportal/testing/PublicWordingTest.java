package kr.jsoft.privacyportal.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PublicWordingTest {

    @Test
    void internalWordsAreFound() {
        assertThat(PublicWording.internalTermsIn("Requested from web: WEB, outcome COMPLETED, Signing key, cardImages 3"))
                .containsExactly("WEB", "COMPLETED", "Signing", "cardImages");
        assertThat(PublicWording.internalTermsIn("??destruction.state.x_ko?? C-2026-000001을(를) 71 h 59 min"))
                .contains("destruction.state.x_ko", "(를)", "71 h 59 min");
    }

    @Test
    void plainWordsPass() {
        assertThat(PublicWording.internalTermsIn("Requested on the website, approved on a phone. "
                + "웹사이트에서 요청하고 휴대전화에서 승인. 71시간 59분. jsoft · Smart Callback. www.kopico.go.kr"))
                .isEmpty();
    }
}
