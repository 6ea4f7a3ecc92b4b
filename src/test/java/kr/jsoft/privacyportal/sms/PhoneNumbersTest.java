package kr.jsoft.privacyportal.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumbersTest {

    @ParameterizedTest
    @ValueSource(strings = {"010-1234-5678", "01012345678", "+82 10-1234-5678", "+821012345678",
            "+82 010-1234-5678", " 010 1234 5678 ", "(010) 1234-5678", "010.1234.5678"})
    void numbersAreNormalised(String input) {
        assertThat(PhoneNumbers.toE164(input)).isEqualTo("+821012345678");
        assertThat(PhoneNumbers.toNational(input)).isEqualTo("01012345678");
        assertThat(PhoneNumbers.isKoreanMobile(input)).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"011-234-5678, +82112345678, 0112345678", "016-1234-5678, +821612345678, 01612345678",
            "+82 19 234 5678, +82192345678, 0192345678"})
    void olderMobilePrefixesAreAccepted(String input, String e164, String national) {
        assertThat(PhoneNumbers.toE164(input)).isEqualTo(e164);
        assertThat(PhoneNumbers.toNational(input)).isEqualTo(national);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "02-1234-5678", "031-123-4567", "070-1234-5678", "1588-1234",
            "010-1234-567", "010-1234-56789", "+1 650 253 0000", "+81 90-1234-5678", "010-1234-5678 ext. 12",
            "010-CALL-NOWW", "+82 10-1234-5678;drop", "0101234567８", "050-1234-5678", "012-345-6789"})
    void otherNumbersAreRefusedWithoutEchoingThem(String input) {
        assertThat(PhoneNumbers.isKoreanMobile(input)).isFalse();
        assertThatThrownBy(() -> PhoneNumbers.toE164(input))
                .isInstanceOf(IllegalArgumentException.class)
                .hasNoCause()
                .satisfies(e -> {
                    if (!input.isBlank()) {
                        assertThat(e.getMessage()).doesNotContain(input.strip());
                    }
                    assertThat(e.getMessage()).doesNotContainPattern("\\d{3}");
                });
    }

    @org.junit.jupiter.api.Test
    void nullIsRefused() {
        assertThat(PhoneNumbers.isKoreanMobile(null)).isFalse();
        assertThatThrownBy(() -> PhoneNumbers.toNational(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
