package kr.jsoft.privacyportal.rights;

import kr.jsoft.privacyportal.testing.DeviceTestbed;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
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
 * The rights page as a person uses it in Chromium with the reference device answering: the number
 * to compare, the page of their own in words, and the confirmation before a phone's processing
 * stops; at 360 and 1280 px in both languages, axe-core clean.
 */
class RightsBrowserIT {
    static final DeviceTestbed testbed = new DeviceTestbed(3);

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

    private static void checked(String name) {
        PublicWording.assertNoInternalTerms(name + " " + browser.view(), browser.text());
        assertThat(browser.scrollsSideways()).as(name + " wider than the window").isFalse();
        browser.screenshot("rights-" + name);
        browser.assertAccessible();
    }

    @ParameterizedTest
    @MethodSource("kr.jsoft.privacyportal.testing.Browser#views")
    void thePhoneApprovesTheSameNumberAndThePageShowsTheDeviceInWordsThenAsksBeforeStoppingIt(Browser.View view)
            throws Exception {
        String number = testbed.newNumber();
        ReferenceDevice phone = testbed.device(portal, dir, number, ApprovalRule.approve());
        browser.use(view).open(portal.url("/" + view.lang() + "/rights"));
        checked("form");
        browser.type("phone", number);
        browser.click("form.rights-form button[type=submit]");

        Await.until("the page of one's own opens after the phone approved", () -> {
            if (!browser.findAll("#access").isEmpty()) {
                return true;
            }
            browser.driver().navigate().refresh();
            return !browser.findAll("#access").isEmpty();
        });
        assertThat(phone.shownNumbers()).hasSize(1);
        assertThat(browser.find("#device-1 .platform").getText()).isEqualTo("Android");
        assertThat(browser.find("#device-1").getText()).contains("KST");
        assertThat(browser.find("#on-phone").getText()).isIn(
                "앱의 연락처와 이미지는 휴대전화 안에만 있으며 이 포털로 오지 않습니다. 휴대전화의 앱에서 직접 보고 지울 수 있습니다.",
                "The app’s contacts and images live only on your phone and never come to this portal."
                        + " You can see and delete them in the app itself.");
        checked("page");

        browser.click("#device-1 a.suspend-link");
        assertThat(browser.findAll("#consequences li")).hasSize(4);
        checked("suspend-confirm");
        browser.click("form.suspend-form button[type=submit]");
        assertThat(browser.find("#done").getText()).isIn("처리를 멈췄습니다. 그 휴대전화의 등록 정보를 지웠습니다.",
                "Processing has stopped: that phone’s registration is erased.");
        assertThat(browser.findAll("#no-devices")).hasSize(1);
        assertThat(portal.server().devices().registry().activeDevice(java.util.UUID.fromString(phone.deviceId())))
                .isEmpty();
        checked("suspended");
    }
}
