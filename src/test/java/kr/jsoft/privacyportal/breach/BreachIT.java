package kr.jsoft.privacyportal.breach;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import kr.jsoft.privacyportal.audit.AuditEvent;
import kr.jsoft.privacyportal.audit.AuditFilter;
import kr.jsoft.privacyportal.audit.AuditTrail;
import kr.jsoft.privacyportal.complaint.ComplaintViews;
import kr.jsoft.privacyportal.testing.TestDevice;
import kr.jsoft.privacyportal.staff.Role;
import kr.jsoft.privacyportal.simulator.ApprovalRule;
import kr.jsoft.privacyportal.simulator.DeviceStore;
import kr.jsoft.privacyportal.simulator.ReferenceDevice;
import kr.jsoft.privacyportal.subscription.SubscriptionSteps;
import kr.jsoft.privacyportal.testing.MailTestbed;
import kr.jsoft.privacyportal.testing.PortalFixture;
import kr.jsoft.privacyportal.testing.StaffAccounts;
import kr.jsoft.privacyportal.web.Dates;
import kr.jsoft.privacyportal.web.Lang;
import org.htmlunit.Page;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlCheckBoxInput;
import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlRadioButtonInput;
import org.htmlunit.html.HtmlTextArea;
import org.htmlunit.util.Cookie;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Breach notification end to end: the real portal on port 0, the privacy manager's pages in Korean in
 * HtmlUnit, the reference device answering the {@code NOTIFY} with a signed receipt, GreenMail receiving
 * the subscribers' mail, and the portal's own clock moved by the test.
 */
class BreachIT {
    private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
    private static final AtomicInteger NUMBERS = new AtomicInteger();
    private static final int SMTP_PORT = MailTestbed.freePort();
    private static final GreenMail SMTP = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1",
            ServerSetup.PROTOCOL_SMTP));

    static {
        SMTP.start();
    }

    @RegisterExtension
    static PortalFixture portal = PortalFixture.builder()
            .setting("PORTAL_SMTP_HOST", "127.0.0.1")
            .setting("PORTAL_SMTP_PORT", Integer.toString(SMTP_PORT))
            .setting("PORTAL_SMTP_SECURITY", "none")
            .setting("PORTAL_PUSH_ALLOW_PRIVATE_ENDPOINTS", "true")
            .setting("PORTAL_SMS_LIMIT_PER_ADDRESS", "10000")
            .setting("PORTAL_SMS_DAILY_BUDGET", "100000")
            .build();

    @TempDir
    Path dir;

    @AfterAll
    static void stopMail() {
        SMTP.stop();
    }

    private static BreachDesk desk() {
        return portal.server().breach().desk();
    }

    /** The privacy manager, signed in afresh (other tests move the clock past any session), reading Korean. */
    private static WebClient manager() {
        WebClient browser = new StaffAccounts(portal).signedIn(Role.PRIVACY_MANAGER);
        browser.getCookieManager().addCookie(new Cookie("localhost", Lang.COOKIE, "ko"));
        return browser;
    }

    private static String kst(Instant instant) {
        return INPUT.format(instant.atZone(Dates.SEOUL));
    }

    private static final AuditEvent BY = AuditEvent.staff(UUID.randomUUID().toString(), "192.0.2.1", "test");

    static final NoticeParts PARTS = new NoticeParts(
            "백업 서버의 접근 설정이 잘못되어 외부에서 열람할 수 있었습니다.", "A backup server was readable from outside.",
            "낯선 전화나 문자에 주의하십시오.", "Be wary of unexpected calls and messages.",
            "서버를 닫고 접근 기록을 조사했습니다. 피해가 생기면 보상 절차를 안내합니다.",
            "We closed the server and examined its logs; we will explain compensation if you are harmed.");

    @Test
    void anIncidentOverDevicesActiveInAWindowReachesTheDeviceAndTheSubscribersAndItsReportHoldsEveryItem()
            throws Exception {
        String subscriber = "breach-reader-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        SubscriptionSteps.subscribeAndConfirm(portal, subscriber, BreachIT::awaitText);
        String complainant = "breach-complainant-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String complaint = portal.server().complaints().intake().submit(new ComplaintViews.Submission("INFRINGEMENT",
                "제 연락처가 다른 곳에서 쓰이는 것 같습니다.", "김민원", complainant, "", "ko"), "192.0.2.10").reference();
        Instant registeredAt = portal.clock().instant();
        ReferenceDevice phone = device();
        portal.clock().advance(Duration.ofHours(2));
        Instant discovered = portal.clock().instant().minus(Duration.ofMinutes(30));
        WebClient manager = manager();

        // Recorded without items: refused, what was typed is kept, one message on the field.
        HtmlPage form = manager.getPage(portal.url("/manager/breach/new"));
        HtmlForm incident = form.getHtmlElementById("incident-form");
        incident.getInputByName("discoveredAt").setValue(kst(discovered));
        incident.getTextAreaByName("whatHappened").setText("백업 서버 접근 설정 오류");
        ((HtmlRadioButtonInput) form.querySelector("input[name=scope][value=WINDOW]")).setChecked(true);
        incident.getInputByName("windowFrom").setValue(kst(registeredAt.minus(Duration.ofHours(1))));
        incident.getInputByName("windowTo").setValue(kst(registeredAt.plus(Duration.ofHours(1))));
        incident.getInputByName("complaintReferences").setValue(complaint);
        HtmlPage refused = submit(incident);
        assertThat(refused.getWebResponse().getStatusCode()).isEqualTo(422);
        assertThat(refused.getElementById("items-error").asNormalizedText()).isEqualTo("유출된 항목을 하나 이상 고르십시오.");
        incident = refused.getHtmlElementById("incident-form");
        assertThat(incident.getTextAreaByName("whatHappened").getText()).isEqualTo("백업 서버 접근 설정 오류");
        assertThat(incident.getInputByName("windowFrom").getValue()).isEqualTo(kst(registeredAt.minus(Duration.ofHours(1))));

        ((HtmlCheckBoxInput) refused.querySelector("input[name=items][value=mobile-phone-number]")).setChecked(true);
        ((HtmlCheckBoxInput) refused.querySelector("input[name=items][value=contacts]")).setChecked(true);
        HtmlPage detail = submit(incident);
        assertThat(detail.getUrl().getPath()).startsWith("/manager/breach/");
        UUID id = UUID.fromString(detail.getUrl().getPath().substring("/manager/breach/".length()));

        // The clock and the duties.
        assertThat(detail.getElementById("clock").asNormalizedText()).contains("71시간 30분 남았습니다")
                .contains("(KST)");
        assertThat(detail.getElementById("duty-count").asNormalizedText()).contains("최소 1명");
        assertThat(detail.getElementById("duty-no-report").asNormalizedText()).contains("신고 의무가 없습니다");
        assertThat(detail.asNormalizedText()).doesNotContain("??", "WINDOW", "MOBILE_PHONE_NUMBER");
        HtmlPage home = manager.getPage(portal.url("/manager"));
        assertThat(home.asNormalizedText()).contains("개인정보 유출 통지·신고 기한(유출 확인 후 72시간)까지 71시간 남았습니다");
        assertThat(portal.get("/ko/breach-notices/" + id).statusCode()).isEqualTo(404);

        // The notice with only its Korean parts is refused, field by field, and nothing is sent.
        HtmlForm notice = detail.getHtmlElementById("notice-form");
        notice.getTextAreaByName("circumstancesKo").setText(PARTS.circumstancesKo());
        notice.getTextAreaByName("whatToDoKo").setText(PARTS.whatToDoKo());
        notice.getTextAreaByName("measuresKo").setText(PARTS.measuresKo());
        HtmlPage incomplete = ((HtmlElement) detail.getElementById("send")).click();
        assertThat(incomplete.getWebResponse().getStatusCode()).isEqualTo(422);
        assertThat(incomplete.getElementById("notice-error-summary")).isNotNull();
        for (String field : List.of("circumstancesEn", "whatToDoEn", "measuresEn")) {
            assertThat(incomplete.getElementById(field + "-error").asNormalizedText()).contains("제34조제1항");
        }
        assertThat(((HtmlTextArea) incomplete.getElementById("circumstancesKo")).getText())
                .isEqualTo(PARTS.circumstancesKo());
        assertThat(phone.handled()).isEmpty();

        notice = incomplete.getHtmlElementById("notice-form");
        notice.getTextAreaByName("circumstancesEn").setText(PARTS.circumstancesEn());
        notice.getTextAreaByName("whatToDoEn").setText(PARTS.whatToDoEn());
        notice.getTextAreaByName("measuresEn").setText(PARTS.measuresEn());
        HtmlPage sent = ((HtmlElement) incomplete.getElementById("send")).click();
        assertThat(sent.getElementById("flash-sent")).isNotNull();
        assertThat(sent.getElementById("notice-ko").asNormalizedText()).contains("휴대전화번호, 연락처")
                .contains(PARTS.whatToDoKo()).contains("조재상");
        // Where to seek redress is the current list, not the 2023 policy's defunct addresses.
        assertThat(sent.getElementById("notice-ko").asNormalizedText()).contains("kopico.go.kr", "1833-6972")
                .doesNotContain("1336.or.kr", "ctrc.go.kr");

        // The device gets the NOTIFY, shows it and signs its receipt; the portal counts it.
        await("the device shows the notice", () -> phone.handled().stream()
                .anyMatch(h -> h.kind().equals("NOTIFY") && h.outcome().equals("shown")));
        HtmlPage delivered = manager.getPage(portal.url("/manager/breach/" + id));
        assertThat(delivered.getElementById("delivery-devices").asNormalizedText())
                .contains("대상 1대").contains("알림 보냄 1대").contains("수신 확인 1대").contains("전달 실패 0대");

        // The subscriber gets the whole notice by mail, in their language.
        String mail = awaitText(subscriber, "개인정보 유출 안내");
        assertThat(mail).contains("1. 유출된 개인정보 항목", "휴대전화번호, 연락처", PARTS.measuresKo(), "0507-1402-6178",
                "/ko/breach-notices/" + id);
        assertThat(portal.get("/ko/breach-notices/" + id).body()).contains(PARTS.circumstancesKo());
        // So does the complainant named, at the address of the complaint, which says why they get it.
        assertThat(awaitText(complainant, "개인정보 유출 안내")).contains("민원(접수번호 " + complaint + ")",
                PARTS.whatToDoKo());
        HtmlPage mailed = manager.getPage(portal.url("/manager/breach/" + id));
        assertThat(mailed.getElementById("delivery-complainants").asNormalizedText()).contains("메일 1통");

        // The report holds every item the Commission's form asks for.
        HtmlPage report = manager.getPage(portal.url("/manager/breach/" + id + "/report"));
        assertThat(report.getElementById("report-organisation").asNormalizedText()).contains("jsoft");
        assertThat(report.getElementById("report-contact").asNormalizedText()).contains("조재상", "0507-1402-6178");
        assertThat(report.getElementById("report-items").asNormalizedText()).contains("휴대전화번호", "연락처");
        assertThat(report.getElementById("report-people").asNormalizedText()).contains("최소 1명");
        assertThat(report.getElementById("report-when").asNormalizedText())
                .contains(Dates.dateTime(discovered.truncatedTo(java.time.temporal.ChronoUnit.MINUTES), Lang.KO))
                .contains(PARTS.circumstancesKo());
        assertThat(report.getElementById("report-measures").asNormalizedText()).contains(PARTS.measuresKo());
        assertThat(report.getElementById("report-notice").asNormalizedText()).contains("기기 알림 1대(수신 확인 1대)");
        Page download = manager.getPage(portal.url("/manager/breach/" + id + "/report.txt"));
        assertThat(download.getWebResponse().getResponseHeaderValue("Content-Disposition")).contains("attachment");
        assertThat(download.getWebResponse().getContentAsString()).contains("조재상", "휴대전화번호, 연락처",
                PARTS.measuresKo(), "최소 1명");

        // The manager records the submission (in KST); it may not precede the discovery.
        HtmlForm submission = delivered.getHtmlElementById("submission-form");
        submission.getInputByName("submittedAt").setValue(kst(discovered.minus(Duration.ofHours(1))));
        submission.getSelectByName("submittedTo").setSelectedAttribute("PIPC", true);
        HtmlPage early = submit(submission);
        assertThat(early.getElementById("submittedAt-error").asNormalizedText()).contains("유출을 확인한 때보다");
        submission = early.getHtmlElementById("submission-form");
        submission.getInputByName("submittedAt").setValue(kst(portal.clock().instant()));
        HtmlPage recorded = submit(submission);
        assertThat(recorded.getElementById("report-submitted").asNormalizedText()).contains("개인정보보호위원회에 제출했습니다");

        assertThat(actions(id)).contains("breach.recorded", "breach.notice-refused", "breach.notice-sent",
                "breach.devices-notified", "breach.report-viewed", "breach.report-downloaded",
                "breach.report-submitted");
    }

    private ReferenceDevice device() throws Exception {
        String number = String.format("010-6%03d-%04d", 22, NUMBERS.incrementAndGet());
        ReferenceDevice device = new ReferenceDevice(() -> portal.uri("/"),
                new DeviceStore(dir.resolve(UUID.randomUUID().toString())).seed(5, 1), ApprovalRule.ignore(),
                portal.clock(), System.out).start();
        return device.register(number, n -> TestDevice.codeIn(portal.server().devices().smsInbox().orElseThrow()
                .latestTo(n).orElseThrow().text()));
    }

    private static HtmlPage submit(HtmlForm form) throws Exception {
        return ((HtmlElement) form.querySelector("button[type=submit]")).click();
    }

    private static List<String> actions(UUID incident) {
        return portal.server().cores().auditTrail().search(new AuditFilter(null, null, null, null, BreachDesk.TARGET,
                        incident.toString()), null, AuditTrail.PAGE_SIZE).stream().map(r -> r.action()).toList();
    }

    private static String awaitText(String address) {
        return awaitText(address, "");
    }

    private static String awaitText(String address, String needle) {
        await("a mail to " + address + " containing " + needle, () -> textTo(address, needle) != null);
        return textTo(address, needle);
    }

    private static String textTo(String address, String needle) {
        return Arrays.stream(SMTP.getReceivedMessages())
                .filter(m -> MailTestbed.recipient(m).equalsIgnoreCase(address))
                .map(m -> MailTestbed.subject(m) + "\n" + MailTestbed.parts(m).get("text"))
                .filter(text -> text.contains(needle)).reduce((a, b) -> b).orElse(null);
    }

    private static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
