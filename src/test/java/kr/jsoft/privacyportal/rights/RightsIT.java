package kr.jsoft.privacyportal.rights;

import kr.jsoft.privacyportal.testing.DeviceTestbed;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import kr.jsoft.privacyportal.audit.AuditEvent;
import kr.jsoft.privacyportal.audit.AuditFilter;
import kr.jsoft.privacyportal.audit.AuditTrail;
import kr.jsoft.privacyportal.complaint.ComplaintViews;
import kr.jsoft.privacyportal.erasure.ErasureJournal;
import kr.jsoft.privacyportal.simulator.ApprovalRule;
import kr.jsoft.privacyportal.simulator.ReferenceDevice;
import kr.jsoft.privacyportal.testing.Await;
import kr.jsoft.privacyportal.testing.PortalFixture;
import kr.jsoft.privacyportal.testing.PublicWording;
import kr.jsoft.privacyportal.web.Lang;
import org.htmlunit.Page;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlAnchor;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A person's own rights page as they use it: the number proven on the reference device (number
 * matching) or by SMS code, then access in words and as JSON, correction of an email, and
 * suspension of a device (gone from the registry, its erasure journalled, nothing left to wake).
 */
class RightsIT {
    static final DeviceTestbed testbed = new DeviceTestbed(1);

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

    private static HtmlPage start(WebClient browser, String number, String way) throws Exception {
        HtmlPage form = browser.getPage(portal.url("/en/rights"));
        HtmlForm f = form.getForms().stream().filter(x -> x.getActionAttribute().endsWith("/rights")).findFirst()
                .orElseThrow();
        f.getInputByName("phone").setValue(number);
        f.getInputByValue(way).setChecked(true);
        return f.getOneHtmlElementByAttribute("button", "type", "submit").click();
    }

    /** Proven on the phone: the page refreshes itself until the approval arrives. */
    private static HtmlPage approvedOnPhone(WebClient browser, String number) throws Exception {
        HtmlPage waiting = start(browser, number, "device");
        String url = waiting.getUrl().toString();
        return Await.until("the phone approved", () -> {
            try {
                return (HtmlPage) browser.getPage(url);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, page -> page.getElementById("access") != null);
    }

    private static ComplaintViews.Receipt complaint(String number, String email) {
        return portal.server().complaints().intake().submit(new ComplaintViews.Submission("ACCESS",
                "Please tell me what you hold about me.", "Hong Gildong", email, number, "en"), "198.51.100.7");
    }

    @Test
    void startingADeviceProofDoesTheSameDatabaseWorkWhetherOrNotTheNumberHasADevice() throws Exception {
        String withDevices = testbed.newNumber();
        testbed.device(portal, dir, withDevices, ApprovalRule.ignore());
        String withoutDevices = testbed.newNumber();
        SelfService self = portal.server().rights().self();
        var database = portal.server().cores().database();

        List<String> withDevice = database.statementsPreparedBy(
                () -> self.start(withDevices, RightsProof.Way.DEVICE, Lang.EN, "198.51.100.12"));
        List<String> withoutDevice = database.statementsPreparedBy(
                () -> self.start(withoutDevices, RightsProof.Way.DEVICE, Lang.EN, "198.51.100.13"));

        // The devices are looked up and prompted afterwards by the worker: the answer's timing cannot tell them apart.
        assertThat(withDevice).isNotEmpty().isEqualTo(withoutDevice);
        assertThat(withDevice).noneMatch(sql -> sql.matches("(?s).*\\b(from|join) device\\b.*"));
    }

    @Test
    void theReferenceDeviceApprovesTheNumberAndThePageShowsItsRegistrationAndComplaintsInWords() throws Exception {
        String number = testbed.newNumber();
        ReferenceDevice phone = testbed.device(portal, dir, number, ApprovalRule.approve());
        ComplaintViews.Receipt filed = complaint(number, "hong@example.kr");
        WebClient browser = portal.browser();

        HtmlPage waiting = start(browser, number, "device");
        assertThat(waiting.getElementById("state").getAttribute("data-state")).isEqualTo("AWAITING_APPROVAL");
        String shown = waiting.getElementById("approval-number").asNormalizedText();
        HtmlPage page = approvedOnPhone(browser, number);
        assertThat(phone.shownNumbers()).contains(shown);

        assertThat(page.getWebResponse().getResponseHeaderValue("Cache-Control")).isEqualTo("no-store");
        assertThat(page.getWebResponse().getResponseHeaderValue("Referrer-Policy")).isEqualTo("no-referrer");
        String text = page.asNormalizedText();
        assertThat(page.getElementById("device-1").asNormalizedText()).contains("Android").contains("KST")
                .contains("Web Push");
        assertThat(page.getElementById("case-" + filed.reference()).asNormalizedText())
                .contains("hong@example.kr").contains("Complaint");
        assertThat(page.getElementById("completed-destruction").asNormalizedText()).contains("keep neither the number");
        assertThat(page.getElementById("on-phone").asNormalizedText()).contains("only on your phone");
        assertThat(page.getElementById("destruction-link").getAttribute("href")).isEqualTo("/en/destruction");
        PublicWording.assertNoInternalTerms("rights page", text);

        Page json = ((HtmlAnchor) page.getElementById("download")).click();
        assertThat(json.getWebResponse().getContentType()).isEqualTo("application/json");
        assertThat(json.getWebResponse().getContentAsString()).contains(filed.reference()).contains("Android")
                .contains("hong@example.kr");

        assertThat(portal.server().cores().auditTrail().search(new AuditFilter(null, null, null,
                AuditEvent.PERSONAL_DATA_VIEW, SelfService.TARGET, null), null, AuditTrail.PAGE_SIZE))
                .extracting(r -> r.detail()).contains("own rights page: viewed", "own rights page: downloaded as JSON");
    }

    @Test
    void suspendingADeviceUnregistersItWithoutAWipeAndJournalsTheErasure() throws Exception {
        String number = testbed.newNumber();
        ReferenceDevice phone = testbed.device(portal, dir, number, ApprovalRule.approve());
        UUID deviceId = UUID.fromString(phone.deviceId());
        HtmlPage page = approvedOnPhone(portal.browser(), number);

        HtmlPage confirm = ((HtmlAnchor) page.getElementById("device-1").getElementsByTagName("a").get(0)).click();
        assertThat(confirm.getElementById("consequences").asNormalizedText())
                .contains("no longer wakes the app").contains("not wiped");
        assertThat(portal.server().devices().registry().activeDevice(deviceId)).as("nothing changed yet").isPresent();
        HtmlForm form = confirm.getForms().stream().filter(f -> f.getActionAttribute().endsWith("/suspend"))
                .findFirst().orElseThrow();
        HtmlPage after = form.getOneHtmlElementByAttribute("button", "type", "submit").click();

        assertThat(after.getElementById("done").asNormalizedText()).contains("Processing has stopped");
        assertThat(after.getElementById("no-devices")).isNotNull();
        assertThat(portal.server().devices().registry().activeDevice(deviceId)).isEmpty();
        assertThat(portal.server().cores().erasureJournal().entries()).extracting(ErasureJournal.Entry::id,
                ErasureJournal.Entry::kind).contains(
                org.assertj.core.groups.Tuple.tuple(deviceId.toString(), "device"),
                org.assertj.core.groups.Tuple.tuple(deviceId.toString(), "device-commands"));
        assertThat(phone.handled()).as("no wipe was sent").noneMatch(h -> h.kind().equals("WIPE_APP_DATA"));
        // Nothing is queued for it any more: a new proof by device (prompts are queued before the
        // answer) leaves the device without a command to wake it for.
        HtmlPage again = start(portal.browser(), number, "device");
        assertThat(again.getElementById("state").getAttribute("data-state")).isEqualTo("AWAITING_APPROVAL");
        java.util.List<kr.jsoft.privacyportal.command.CommandView> open = portal.server().database()
                .fromTransaction(s -> portal.server().commands().commands().openOf(s, deviceId));
        assertThat(open).isEmpty();
    }

    @Test
    void theEmailOfAnOpenComplaintIsCorrectedOnThePageAfterAnSmsCode() throws Exception {
        String number = testbed.newNumber();
        ComplaintViews.Receipt filed = complaint(number, "old@example.kr");
        WebClient browser = portal.browser();
        HtmlPage codePage = start(browser, number, "sms");
        assertThat(codePage.getElementById("state").getAttribute("data-state")).isEqualTo("PROVING");
        HtmlForm codeForm = codePage.getForms().stream().filter(f -> f.getActionAttribute().endsWith("/code"))
                .findFirst().orElseThrow();
        codeForm.getInputByName("code").setValue(DeviceTestbed.code(portal, number));
        HtmlPage page = codeForm.getOneHtmlElementByAttribute("button", "type", "submit").click();

        HtmlForm correct = (HtmlForm) page.getElementById("case-" + filed.reference()).getElementsByTagName("form")
                .get(0);
        correct.getInputByName("email").setValue("not an email");
        HtmlPage refused = correct.getOneHtmlElementByAttribute("button", "type", "submit").click();
        assertThat(refused.getWebResponse().getStatusCode()).isEqualTo(422);
        assertThat(refused.getElementById("case-" + filed.reference()).asNormalizedText()).contains("old@example.kr");

        correct = (HtmlForm) refused.getElementById("case-" + filed.reference()).getElementsByTagName("form").get(0);
        correct.getInputByName("email").setValue("New@Example.kr");
        HtmlPage corrected = correct.getOneHtmlElementByAttribute("button", "type", "submit").click();
        assertThat(corrected.getElementById("done").asNormalizedText()).contains("corrected");
        assertThat(corrected.getElementById("case-" + filed.reference()).asNormalizedText())
                .contains("new@example.kr").doesNotContain("old@example.kr");
    }

    @Test
    void thePageClosesThirtyMinutesAfterTheProof() throws Exception {
        String number = testbed.newNumber();
        WebClient browser = portal.browser();
        HtmlPage codePage = start(browser, number, "sms");
        HtmlForm codeForm = codePage.getForms().stream().filter(f -> f.getActionAttribute().endsWith("/code"))
                .findFirst().orElseThrow();
        codeForm.getInputByName("code").setValue(DeviceTestbed.code(portal, number));
        HtmlPage page = codeForm.getOneHtmlElementByAttribute("button", "type", "submit").click();
        assertThat(page.getElementById("access")).isNotNull();

        portal.clock().advance(RightsProof.PAGE_LIFETIME);
        HtmlPage closed = browser.getPage(page.getUrl());
        assertThat(closed.getElementById("access")).isNull();
        assertThat(closed.getElementById("state").getAttribute("data-state")).isEqualTo("EXPIRED");
        assertThat(browser.getPage(portal.url(page.getUrl().getPath() + "/data.json")).getWebResponse()
                .getStatusCode()).isEqualTo(404);
    }
}
