package kr.jsoft.privacyportal.breach;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import kr.jsoft.privacyportal.policy.PolicyMetadata;
import kr.jsoft.privacyportal.web.Lang;
import org.junit.jupiter.api.Test;

/** The notice's contents (PIPA Art. 34(1)) and the required parts, without a server. */
class BreachNoticeTest {
    private static final Instant DISCOVERED = Instant.parse("2026-12-01T01:30:00Z");
    private static final PolicyMetadata.PrivacyOfficer OFFICER = new PolicyMetadata.PrivacyOfficer(
            new PolicyMetadata.Localized("Jae-sang Cho", "조재상"), new PolicyMetadata.Localized("CEO", "대표이사"),
            "0507-1402-6178", "support@jsoft.kr", "https://jsoft.kr");
    private static final List<PolicyMetadata.OutsideOrganisation> ORGANISATIONS = List.of(
            new PolicyMetadata.OutsideOrganisation(new PolicyMetadata.Localized(
                    "Personal Information Dispute Mediation Committee", "개인정보분쟁조정위원회"), "www.kopico.go.kr",
                    "1833-6972"));
    private static final NoticeParts PARTS = new NoticeParts("백업 서버 설정 실수로 외부에 공개되었습니다.",
            "A backup server was left open by mistake.", "비밀번호를 바꾸십시오.", "Change your password.",
            "서버를 닫고 접근 기록을 조사했습니다.", "We closed the server and examined its access logs.");

    private static BreachNotice notice(Lang lang) {
        return BreachNotice.compose(lang, new BreachNotice.Facts(DISCOVERED, Instant.parse("2026-11-20T00:00:00Z"),
                Instant.parse("2026-11-30T15:00:00Z"), List.of(LeakedItem.MOBILE_PHONE_NUMBER, LeakedItem.CONTACTS),
                OFFICER, ORGANISATIONS), PARTS);
    }

    @Test
    void theKoreanNoticeSaysEveryItemTheLawRequiresWithTimesInKst() {
        String text = notice(Lang.KO).text();
        assertThat(text).contains("1. 유출된 개인정보 항목", "휴대전화번호, 연락처")
                .contains("2. 유출된 시점과 그 경위", "2026년 12월 1일 10:30 (KST)", "2026년 11월 20일 09:00 (KST)부터",
                        "백업 서버 설정 실수")
                .contains("3. 피해를 줄이기 위해 하실 수 있는 일", "비밀번호를 바꾸십시오.")
                .contains("4. jsoft의 대응 조치와 피해 구제 절차", "서버를 닫고", "개인정보분쟁조정위원회 1833-6972")
                .contains("5. 피해 신고와 상담을 받는 곳", "대표이사 조재상", "0507-1402-6178", "support@jsoft.kr")
                .doesNotContain("??", "MOBILE_PHONE_NUMBER", "을(를)");
    }

    @Test
    void theEnglishNoticeSaysTheSameInEnglish() {
        String text = notice(Lang.EN).text();
        assertThat(text).contains("Mobile phone number, Contact information", "1 December 2026, 10:30 KST",
                "A backup server", "Change your password.", "We closed the server",
                "Personal Information Dispute Mediation Committee", "Jae-sang Cho (CEO)").doesNotContain("??");
    }

    @Test
    void theDeviceMessageFitsTheCommandAndLinksToTheFullNoticeInBothLanguages() {
        String message = BreachNotice.deviceMessage(DISCOVERED, List.of(LeakedItem.values()),
                "https://privacy.jsoft.kr/ko/breach-notices/0b6f7a1e-1d2c-4f6e-9a77-0d1c2b3a4f5e",
                "https://privacy.jsoft.kr/en/breach-notices/0b6f7a1e-1d2c-4f6e-9a77-0d1c2b3a4f5e");
        assertThat(message.length()).isLessThanOrEqualTo(BreachNotice.DEVICE_MAX);
        assertThat(message).contains("/ko/breach-notices/", "/en/breach-notices/", "휴대전화번호", "개 항목");
    }

    @Test
    void everyPartInBothLanguagesIsRequiredBeforeSending() {
        NoticeParts koreanOnly = new NoticeParts("경위", "", "할 일", " ", "조치", "");
        assertThat(koreanOnly.missingForSending()).containsOnlyKeys("circumstancesEn", "whatToDoEn", "measuresEn")
                .containsValue("breach.error.notice-part");
        assertThat(PARTS.missingForSending()).isEmpty();
        assertThat(new NoticeParts("x".repeat(2001), "", "", "", "", "").tooLong()).isEqualTo(
                Map.of("circumstancesKo", "breach.error.too-long"));
    }

    @Test
    void theNoticeSectionGetsHeadingsInMarkdown() {
        assertThat(BreachNotice.markdown(notice(Lang.KO).text())).contains("### 1. 유출된 개인정보 항목");
    }
}
