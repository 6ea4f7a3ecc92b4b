package kr.jsoft.privacyportal.destruction;

import kr.jsoft.privacyportal.testing.DeviceTestbed;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import kr.jsoft.privacyportal.simulator.ApprovalRule;
import kr.jsoft.privacyportal.simulator.ReferenceDevice;
import kr.jsoft.privacyportal.testing.Await;
import kr.jsoft.privacyportal.testing.Browser;
import kr.jsoft.privacyportal.testing.PortalFixture;
import kr.jsoft.privacyportal.testing.PublicWording;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Destroying one's data as a person does it in Chromium, with reference devices answering: the
 * number to compare, the finished request with its certificate in words, the certificate checked,
 * and the lost-device path's code page; at 360 and 1280 px in both languages, axe-core clean.
 */
class DestructionBrowserIT {
    static final DeviceTestbed testbed = new DeviceTestbed(7);

    @RegisterExtension
    static PortalFixture portal = testbed.portal().build();

    @RegisterExtension
    static Browser browser = new Browser();

    @TempDir
    Path dir;

    @AfterEach
    void closeDevices() {
        testbed.closeDevices();
    }

    @AfterAll
    static void stopMail() {
        testbed.stop();
    }

    private static void request(Browser.View view, String number) {
        browser.use(view).open(portal.url("/" + view.lang() + "/destruction"));
        browser.type("phone", number);
        browser.click("form.destruction-form button[type=submit]");
    }

    private static void awaitState(String state) {
        Await.until("the status page says " + state, () -> {
            browser.driver().navigate().refresh();
            return state.equals(browser.find("#state").getAttribute("data-state"));
        });
    }

    private static void checked(String name) {
        PublicWording.assertNoInternalTerms(name + " " + browser.view(), browser.text());
        assertThat(browser.scrollsSideways()).as(name + " wider than the window").isFalse();
        browser.screenshot(name);
        browser.assertAccessible();
    }

    @ParameterizedTest
    @MethodSource("kr.jsoft.privacyportal.testing.Browser#views")
    void thePersonSeesTheNumberToCompareLargeAndLabelledThenTheCertificateInWords(Browser.View view) throws Exception {
        String number = testbed.newNumber();
        ReferenceDevice phone = testbed.device(portal, dir, number, ApprovalRule.ignore());
        request(view, number);

        String shown = browser.find("#approval-number").getText();
        assertThat(shown).matches("[1-9][0-9]");
        assertThat(Integer.parseInt(browser.css(".approval-number", "font-size").replace("px", "")))
                .as("the number stands out").isGreaterThanOrEqualTo(48);
        assertThat(browser.find(".approval-box").getAttribute("aria-labelledby")).isEqualTo("approval-number-label");
        assertThat(browser.find("#approval-number-label").getText()).isIn("확인 숫자", "Number to compare");
        Await.until("the phone was asked", () -> !phone.shownNumbers().isEmpty());
        assertThat(phone.shownNumbers()).containsExactly(shown);
        checked("awaiting-approval");

        String approvingNumber = testbed.newNumber();
        testbed.device(portal, dir, approvingNumber, ApprovalRule.approve());
        request(view, approvingNumber);
        awaitState("COMPLETED");
        assertThat(browser.find("#state").getText()).isIn("완료", "Completed");
        assertThat(browser.find("#fact-outcome").getText()).isIn(
                "등록된 휴대전화 1대가 모두 삭제를 확인했습니다.", "The one registered phone confirmed the deletion.");
        assertThat(browser.find("#certificate-download").getAttribute("href")).endsWith("/certificate.jwt");
        assertThat(browser.find("#certificate-copy").isDisplayed()).as("the copy button, added by the script").isTrue();
        checked("completed");

        String certificate = browser.find("#certificate").getAttribute("value");
        browser.open(portal.url("/" + view.lang() + "/destruction/verify"));
        browser.type("certificate", certificate);
        browser.click("form.verify-form button[type=submit]");
        assertThat(browser.find("#verdict").getAttribute("data-valid")).isEqualTo("true");
        assertThat(browser.find(".verdict-title").getText()).startsWith(view.lang().equals("ko") ? "확인되었습니다" : "Genuine");
        checked("verified");

        browser.open(portal.url("/" + view.lang() + "/destruction/verify"));
        browser.type("certificate", certificate.substring(0, certificate.length() - 4) + "AAAA");
        browser.click("form.verify-form button[type=submit]");
        assertThat(browser.find("#verdict").getAttribute("data-valid")).isEqualTo("false");
        assertThat(browser.find(".verdict-title").getText())
                .startsWith(view.lang().equals("ko") ? "확인되지 않았습니다" : "Not confirmed");
        checked("not-verified");
    }

    @ParameterizedTest
    @MethodSource("kr.jsoft.privacyportal.testing.Browser#views")
    void theLostDeviceCodePageKeepsWhatIsTypedBecauseItNeverReloads(Browser.View view) throws Exception {
        String number = testbed.newNumber();
        testbed.device(portal, dir, number, ApprovalRule.ignore());
        browser.use(view).open(portal.url("/" + view.lang() + "/destruction/lost"));
        browser.find("#sms-form #phone").sendKeys(number);
        browser.click("#sms-form button[type=submit]");
        assertThat(browser.find("#state").getAttribute("data-state")).isEqualTo("PROVING");
        assertThat(browser.findAll("meta[http-equiv=refresh], script[src$='refresh.js'], #refresh-note")).isEmpty();

        browser.find("#code").sendKeys("12");
        portal.clock().advance(Duration.ofSeconds(DestructionServlet.REFRESH_SECONDS * 3));
        assertThat(browser.find("#code").getAttribute("value")).isEqualTo("12");
        checked("code-entry");
        String code = DeviceTestbed.code(portal, number);
        browser.find("#code").clear();
        browser.find("#code").sendKeys(code);
        browser.click("form.code-form button[type=submit]");
        assertThat(browser.find("#state").getAttribute("data-state")).isEqualTo("WAITING_PERIOD");
        assertThat(browser.find("#remaining").getText()).matches(view.lang().equals("ko")
                ? ".*7[12]시간 \\d+분.*" : ".*7[12] hours \\d+ minutes?.*");
        checked("waiting-period");
        assertThat(Files.exists(dir)).isTrue();
    }
}
