package kr.jsoft.privacyportal.device;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import kr.jsoft.privacyportal.sms.SmsText;
import org.junit.jupiter.api.Test;

class SmsCodeTest {

    @Test
    void theCodeMessageFitsOneSmsInEucKr() {
        String text = SmsCode.text("123456");

        assertThat(text).isEqualTo("[Smart Callback] 인증번호 123456 (10분 유효)");
        assertThat(SmsText.fitsOneSms(text)).isTrue();
        assertThat(text.getBytes(Charset.forName("EUC-KR"))).hasSizeLessThanOrEqualTo(SmsText.MAX_SMS_BYTES);
    }

    @Test
    void theDestructionCodeSaysItDeletesAllDataAndFitsOneSms() {
        String text = SmsCode.destructionText("123456");

        assertThat(text).contains("123456").contains("데이터 전부 삭제").isNotEqualTo(SmsCode.text("123456"));
        assertThat(SmsText.fitsOneSms(text)).as("%d bytes", text.getBytes(Charset.forName("EUC-KR")).length).isTrue();
    }

    @Test
    void theRightsCodeSaysWhatItIsForAndFitsOneSms() {
        String text = SmsCode.rightsText("123456");

        assertThat(text).contains("123456").contains("내 정보").isNotEqualTo(SmsCode.destructionText("123456"));
        assertThat(SmsText.fitsOneSms(text)).as("%d bytes", text.getBytes(Charset.forName("EUC-KR")).length).isTrue();
    }

    @Test
    void codesAreSixDigitsWithLeadingZerosAndVary() {
        SecureRandom random = new SecureRandom();
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            String code = SmsCode.generate(random);
            assertThat(SmsCode.wellFormed(code)).as(code).isTrue();
            codes.add(code);
        }

        assertThat(codes).hasSizeGreaterThan(190);
        assertThat(SmsCode.wellFormed("12345")).isFalse();
        assertThat(SmsCode.wellFormed("12345a")).isFalse();
        assertThat(SmsCode.wellFormed("１２３４５６")).as("full-width digits").isFalse();
    }
}
