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

    @Test
    void aCertificateShownForCopyingIsNotReadAsWords() {
        // The signature of a real certificate once held "auYiELpp", which reads like a camelCase name.
        String certificate = "eyJraWQiOiJzaWduaW5nIiwidHlwIjoiZGVzdHJ1Y3Rpb24tY2VydGlmaWNhdGUrand0In0"
                + ".eyJyZWYiOiJELTIwMjYtMDAwMDA4In0"
                + ".auYiELpp-A0lDU2esaA2V_i_HjMooo-YDub_JrbsKvvfL4u2al2qyjRFfW9FFurFafpYUAxs6jOglMtlTZr5Bw";
        assertThat(PublicWording.internalTermsIn("Certificate\n" + certificate + "\nCheck")).isEmpty();
        assertThat(PublicWording.internalTermsIn("Certificate " + certificate + " outcome COMPLETED"))
                .containsExactly("COMPLETED");
    }
}
