package kr.jsoft.privacyportal.destruction;

import kr.jsoft.privacyportal.testing.DeviceTestbed;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import kr.jsoft.privacyportal.simulator.ApprovalRule;
import kr.jsoft.privacyportal.simulator.ReferenceDevice;
import kr.jsoft.privacyportal.staff.Role;
import kr.jsoft.privacyportal.testing.Await;
import kr.jsoft.privacyportal.testing.ClearTextScan;
import kr.jsoft.privacyportal.testing.PortalFixture;
import kr.jsoft.privacyportal.testing.StaffAccounts;
import kr.jsoft.privacyportal.testing.TestDevice;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlTextArea;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import kr.jsoft.privacyportal.remedy.RemedyAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Issue 11: destruction without the device (SMS code, waiting period, cancel on a device) and the manager's review. */
class WithoutDeviceIT {
    static final DeviceTestbed testbed = new DeviceTestbed(3);

    @RegisterExtension
    static PortalFixture portal = testbed.portal().build();

    @TempDir
    Path dir;

    @AfterEach
    void closeDevices() {
        testbed.closeDevices();
    }

    @AfterAll
    static void stop() {
        testbed.stop();
    }

    private static HtmlForm form(HtmlPage page, String id) {
        return (HtmlForm) page.getElementById(id);
    }

    /** The SMS path up to the status page asking for the code. */
    private static HtmlPage askForCode(WebClient browser, String number, String email) throws Exception {
        HtmlPage start = browser.getPage(portal.url("/en/destruction"));
        HtmlPage lost = ((org.htmlunit.html.HtmlAnchor) start.getElementById("lost-link")).click();
        HtmlForm sms = form(lost, "sms-form");
        sms.getInputByName("phone").setValue(number);
        sms.getInputByName("email").setValue(email);
        return sms.getOneHtmlElementByAttribute("button", "type", "submit").click();
    }

    private static HtmlPage typeCode(HtmlPage status, String code) throws Exception {
        HtmlForm form = status.getForms().stream().filter(f -> f.getActionAttribute().endsWith("/code")).findFirst()
                .orElseThrow();
        form.getInputByName("code").setValue(code);
        return form.getOneHtmlElementByAttribute("button", "type", "submit").click();
    }

    private static String state(HtmlPage page) {
        return page.getElementById("state").getAttribute("data-state");
    }

    @Test
    void aCancellationFromADeviceWithinTheWindowStopsTheWipe() throws Exception {
        String number = testbed.newNumber();
        ReferenceDevice phone = testbed.device(portal, dir, number, ApprovalRule.approve());
        WebClient browser = portal.browser();
        HtmlPage status = askForCode(browser, number, "");
        assertThat(state(status)).isEqualTo("PROVING");
        assertThat(status.getHead().asXml()).as("a page with a form never reloads itself")
                .doesNotContain("http-equiv").doesNotContain("refresh.js");
        assertThat(status.getElementById("refresh-note")).isNull();

        HtmlPage wrong = typeCode(status, "000000".equals(DeviceTestbed.code(portal, number)) ? "111111" : "000000");
        assertThat(wrong.getWebResponse().getStatusCode()).isEqualTo(422);
        assertThat(wrong.getElementById("code-error").asNormalizedText()).contains("4 tries left");
        HtmlPage waiting = typeCode(wrong, DeviceTestbed.code(portal, number));
        assertThat(state(waiting)).isEqualTo("WAITING_PERIOD");
        assertThat(waiting.getElementById("remaining").asNormalizedText()).contains("72 hours");

        HtmlPage cancelled = DestructionIT.awaitState(browser, waiting, "CANCELLED");
        assertThat(cancelled.getElementById("cancelled").asNormalizedText())
                .contains("A phone registered under this number cancelled the request");
        portal.clock().advance(Duration.ofHours(73));
        portal.server().destruction().process().runDue();
        phone.checkIn();
        assertThat(phone.store().counts().get("contacts")).isEqualTo(25L);
    }

    @Test
    void aCodeNeverTypedEndsTheRequestSayingSoNotThatAPhoneCancelled() throws Exception {
        String number = testbed.newNumber();
        testbed.device(portal, dir, number, ApprovalRule.approve());
        WebClient browser = portal.browser();
        HtmlPage status = askForCode(browser, number, "");
        assertThat(DeviceTestbed.code(portal, number)).matches("[0-9]{6}");

        portal.clock().advance(Duration.ofMinutes(11));
        portal.server().destruction().process().runDue();
        HtmlPage cancelled = DestructionIT.awaitState(browser, status, "CANCELLED");

        assertThat(cancelled.getElementById("cancelled").asNormalizedText())
                .contains("the code we sent by SMS was not confirmed in time")
                .doesNotContain("phone registered");
    }

    @Test
    void afterTheWindowTheWipeIsQueuedAndDeliveredAtTheNextCheckIn() throws Exception {
        String number = testbed.newNumber();
        ReferenceDevice phone = testbed.device(portal, dir, number, ApprovalRule.ignore()).offline(true);
        TestDevice pending = new TestDevice(portal::uri, portal.clock(), kr.jsoft.privacyportal.device.PublicJwk.Type.EC_P256,
                "android");
        WebClient browser = portal.browser();
        String email = "lost-phone@example.test";
        // A registration still proving the number: the portal's own data "not needed to reach the devices".
        assertThat(pending.startRegistration(number).statusCode()).isEqualTo(201);
        String registrationCode = DeviceTestbed.code(portal, number);
        HtmlPage status = askForCode(browser, number, email);
        HtmlPage waiting = typeCode(status, DeviceTestbed.code(portal, number));
        assertThat(state(waiting)).isEqualTo("WAITING_PERIOD");
        Await.until("the devices were told", () -> portal.server().destruction().desk().queue().stream()
                .anyMatch(r -> r.reference().equals(waiting.getElementById("reference").asNormalizedText())
                        && r.devices() == 1));
        // Erased at once: its key is gone, so even its signature is no longer known.
        assertThat(pending.confirm(registrationCode).statusCode()).isEqualTo(401);

        portal.clock().advance(Duration.ofHours(72).plusSeconds(1));
        HtmlPage destroying = DestructionIT.awaitState(browser, waiting, "DESTROYING");
        assertThat(phone.store().counts().get("contacts")).isEqualTo(25L);
        portal.clock().advance(Duration.ofDays(3));
        List<ReferenceDevice.Handled> handled = phone.offline(false).checkIn();
        // The announcement expired with the window; the wipe waits for the device.
        assertThat(handled).extracting(ReferenceDevice.Handled::kind).containsExactly("WIPE_APP_DATA");
        assertThat(phone.store().counts().get("contacts")).isZero();
        HtmlPage done = DestructionIT.awaitState(browser, destroying, "COMPLETED");
        String certificate = ((HtmlTextArea) done.getElementById("certificate")).getText();
        assertThat(portal.server().destruction().certificates().verify(certificate).facts().orElseThrow().origin())
                .isEqualTo("sms");
        testbed.awaitMail(email, done.getElementById("reference").asNormalizedText());

        List<String> needles = new ArrayList<>(ClearTextScan.notations(number));
        needles.add(portal.server().devices().registry().phoneHashOf(number));
        needles.add(email);
        Await.until("nothing about the number or the email remains", () -> {
            try {
                return ClearTextScan.find(portal, needles).isEmpty();
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** The review path up to the status page. */
    private static HtmlPage askForReview(WebClient browser, String number, String email) throws Exception {
        HtmlPage lost = browser.getPage(portal.url("/en/destruction/lost"));
        HtmlForm review = form(lost, "review-form");
        review.getInputByName("phone").setValue(number);
        review.getInputByName("email").setValue(email);
        ((HtmlTextArea) lost.getElementById("explanation")).setText("My phone was stolen and the number cancelled.");
        return review.getOneHtmlElementByAttribute("button", "type", "submit").click();
    }

    private static HtmlPage decide(String reference, String action, String text) throws Exception {
        WebClient manager = new StaffAccounts(portal).signedIn(Role.PRIVACY_MANAGER);
        HtmlPage queue = manager.getPage(portal.url("/manager/destruction"));
        HtmlPage detail = ((org.htmlunit.html.HtmlAnchor) queue.getElementById("row-" + reference)
                .getElementsByTagName("a").get(0)).click();
        assertThat(detail.getElementById("explanation").asNormalizedText()).contains("stolen");
        HtmlForm form = form(detail, action + "-form");
        ((HtmlTextArea) detail.getElementById(action + "-text")).setText(text);
        return form.getOneHtmlElementByAttribute("button", "type", "submit").click();
    }

    @Test
    void theManagerCanExecuteARequestThatCouldNotBeVerified() throws Exception {
        String number = testbed.newNumber();
        ReferenceDevice phone = testbed.device(portal, dir, number, ApprovalRule.ignore());
        WebClient browser = portal.browser();
        String email = "review-exec@example.test";
        HtmlPage status = askForReview(browser, number, email);
        assertThat(state(status)).isEqualTo("REVIEW");
        String reference = status.getElementById("reference").asNormalizedText();
        testbed.awaitMail(DeviceTestbed.MANAGER, reference);

        HtmlPage decided = decide(reference, "execute", "Known customer; police report seen by phone.");
        assertThat(decided.getElementById("decision").asNormalizedText()).contains("police report");
        assertThat(decided.getElementById("result-message").asNormalizedText()).contains("You decided to execute");
        HtmlPage waiting = DestructionIT.awaitState(browser, status, "WAITING_PERIOD");
        Await.until("the device was told", () -> phone.handled().stream()
                .anyMatch(h -> h.kind().equals("NOTIFY")));
        portal.clock().advance(Duration.ofHours(72).plusSeconds(1));
        HtmlPage done = DestructionIT.awaitState(browser, waiting, "COMPLETED");
        assertThat(phone.store().counts().get("contacts")).isZero();
        testbed.awaitMail(email, reference);
        assertThat(portal.server().cores().auditTrail().search(new kr.jsoft.privacyportal.audit.AuditFilter(null, null, null,
                "destruction.executed", null, null), null, kr.jsoft.privacyportal.audit.AuditTrail.PAGE_SIZE))
                .isNotEmpty();
        assertThat(done.getElementById("certificate")).isNotNull();
    }

    @Test
    void theManagersRefusalStatesItsGroundsHowToObjectAndTheCurrentOrganisationsByMailAndOnTheStatusPage()
            throws Exception {
        String number = testbed.newNumber();
        WebClient browser = portal.browser();
        String email = "review-refused@example.test";
        HtmlPage status = askForReview(browser, number, email);
        String reference = status.getElementById("reference").asNormalizedText();

        decide(reference, "refuse", "We could not link you to the number in any way.");
        HtmlPage refused = DestructionIT.awaitState(browser, status, "REFUSED");
        assertThat(refused.getElementById("remedy-grounds").asNormalizedText()).contains("could not link you");
        RemedyAssertions.statesObjectionRouteAndCurrentOrganisations(
                refused.getElementById("remedies").asNormalizedText(), "support@jsoft.kr");
        var mail = testbed.awaitMail(email, reference);
        assertThat(DeviceTestbed.text(mail)).contains("could not link you");
        RemedyAssertions.statesObjectionRouteAndCurrentOrganisations(DeviceTestbed.text(mail), "support@jsoft.kr");
        RemedyAssertions.statesObjectionRouteAndCurrentOrganisations(
                kr.jsoft.privacyportal.testing.MailTestbed.parts(mail).get("html"), "support@jsoft.kr");
        List<String> needles = new ArrayList<>(ClearTextScan.notations(number));
        needles.add(portal.server().devices().registry().phoneHashOf(number));
        needles.add(email);
        Await.until("nothing about the number or the email remains", () -> {
            try {
                return ClearTextScan.find(portal, needles).isEmpty();
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
