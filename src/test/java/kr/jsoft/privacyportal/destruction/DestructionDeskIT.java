package kr.jsoft.privacyportal.destruction;

import kr.jsoft.privacyportal.testing.DeviceTestbed;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import kr.jsoft.privacyportal.audit.AuditFilter;
import kr.jsoft.privacyportal.audit.AuditTrail;
import kr.jsoft.privacyportal.device.PublicJwk;
import kr.jsoft.privacyportal.simulator.ApprovalRule;
import kr.jsoft.privacyportal.simulator.ReferenceDevice;
import kr.jsoft.privacyportal.staff.Role;
import kr.jsoft.privacyportal.testing.Await;
import kr.jsoft.privacyportal.testing.PortalFixture;
import kr.jsoft.privacyportal.testing.StaffAccounts;
import kr.jsoft.privacyportal.testing.TestDevice;
import kr.jsoft.privacyportal.web.Lang;
import kr.jsoft.privacyportal.web.TooManyRequestsException;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The manager's side (queue, timeline, retry, both clocks) and the abuse limits. */
class DestructionDeskIT {
    static final DeviceTestbed testbed = new DeviceTestbed(2);

    @RegisterExtension
    static PortalFixture portal = testbed.portal()
            .setting("PORTAL_DESTRUCTION_WIPE_EXPIRY", "9d")
            .setting("PORTAL_DESTRUCTION_LIMIT_PER_NUMBER", "3")
            .setting("PORTAL_DESTRUCTION_LIMIT_PER_DEVICE", "2")
            .build();
    /** Signed in afresh for each page: other tests move the clock by days, past any session's limits. */
    private static WebClient manager() {
        return new StaffAccounts(portal).signedIn(Role.PRIVACY_MANAGER);
    }

    @TempDir
    java.nio.file.Path dir;

    @AfterAll
    static void stop() {
        testbed.stop();
    }

    private static TestDevice testDevice(String number) {
        return new TestDevice(portal::uri, portal.clock(), PublicJwk.Type.EC_P256, "android")
                .register(number, n -> portal.server().devices().smsInbox().orElseThrow().latestTo(n).orElseThrow()
                        .text());
    }

    private static DestructionProcess process() {
        return portal.server().destruction().process();
    }

    /** Checks in and returns the pending commands' claims. */
    private static List<Map<String, Object>> pending(TestDevice device) throws Exception {
        HttpResponse<String> checkIn = device.checkIn();
        assertThat(checkIn.statusCode()).isEqualTo(200);
        List<Map<String, Object>> commands = new java.util.ArrayList<>();
        for (var jws : TestDevice.read(checkIn.body()).get("commands")) {
            commands.add(JWSObject.parse(jws.asText()).getPayload().toJSONObject());
        }
        return commands;
    }

    private static void approve(TestDevice device) throws Exception {
        // The background step may still be looking up the devices (it holds the request's lease).
        java.util.concurrent.atomic.AtomicReference<Map<String, Object>> found = new java.util.concurrent.atomic.AtomicReference<>();
        Await.until("the device is asked to approve", () -> {
            try {
                pending(device).stream().filter(c -> "APPROVE_REQUEST".equals(c.get("cmd"))).findFirst()
                        .ifPresent(found::set);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return found.get() != null;
        });
        Map<String, Object> prompt = found.get();
        HttpResponse<String> receipt = device.signed("POST", "/api/v1/devices/" + device.deviceId() + "/commands/"
                        + prompt.get("jti") + "/receipts",
                "{\"type\":\"completed\",\"nonce\":\"" + prompt.get("nonce") + "\",\"answer\":\"approve\"}");
        assertThat(receipt.statusCode()).isEqualTo(201);
    }

    private static DestructionViews.Submitted requested(String number) {
        DestructionViews.Submitted submitted = portal.server().destruction().intake()
                .requestOnWebsite(number, "", Lang.EN, "198.51.100.7");
        process().lookUpDevices();
        return submitted;
    }

    @Test
    void aRequestNotCompleteSixtySecondsAfterApprovalWhileItsDeviceIsOnlineIsFlaggedAndMailed() throws Exception {
        String number = testbed.newNumber();
        TestDevice device = testDevice(number);
        DestructionViews.Submitted request = requested(number);
        approve(device);
        assertThat(pending(device)).extracting(c -> c.get("cmd")).contains("WIPE_APP_DATA");

        portal.clock().advance(Duration.ofSeconds(30));
        assertThat(process().checkPromise()).isZero();
        portal.clock().advance(Duration.ofSeconds(31));
        Await.until("the promise check ran", () -> portal.server().destruction().desk().queue().stream()
                .anyMatch(r -> r.id().equals(request.id()) && r.promiseMissed()));
        assertThat(process().checkPromise()).isZero();

        var mail = testbed.awaitMail(DeviceTestbed.MANAGER, request.reference());
        assertThat(DeviceTestbed.text(mail)).contains("/manager/destruction/" + request.id());
        HtmlPage queue = manager().getPage(portal.url("/manager/destruction"));
        assertThat(queue.getElementById("row-" + request.reference()).asNormalizedText())
                .contains("Not complete within 60 s");
        HtmlPage home = manager().getPage(portal.url("/manager"));
        assertThat(home.asNormalizedText()).contains("not completed within 60 s of approval");
    }

    @Test
    void theDetailShowsEachDevicesTimelineAndRetriesAWakeUp() throws Exception {
        String number = testbed.newNumber();
        TestDevice device = testDevice(number);
        DestructionViews.Submitted request = requested(number);
        approve(device);

        HtmlPage detail = manager().getPage(portal.url("/manager/destruction/" + request.id()));
        assertThat(detail.getElementById("reference").asNormalizedText()).isEqualTo(request.reference());
        String timeline = detail.getElementById("device-1").asNormalizedText();
        assertThat(timeline).contains("Approval prompt for a destruction").contains("Wipe the app's data")
                .contains("Completed").contains(device.deviceId().substring(0, 8))
                .doesNotContain("APPROVE_REQUEST", "WIPE_APP_DATA", "COMPLETED");
        HtmlForm retry = detail.getForms().stream().filter(f -> f.getActionAttribute().endsWith("/retry-wake-up"))
                .findFirst().orElseThrow();
        HtmlPage retried = retry.getOneHtmlElementByAttribute("button", "type", "submit").click();
        assertThat(retried.getElementById("retried").asNormalizedText()).contains("Wake-up scheduled");
        assertThat(portal.server().cores().auditTrail().search(new AuditFilter(null, null, null, "destruction.viewed", null,
                null), null, AuditTrail.PAGE_SIZE)).extracting(r -> r.targetId()).contains(request.id().toString());
    }

    @Test
    void aWipeThatNeverArrivesEndsNotConfirmedOnThatDeviceWithinThePipaDeadline() throws Exception {
        String number = testbed.newNumber();
        TestDevice device = testDevice(number);
        DestructionViews.Submitted request = requested(number);
        approve(device);

        // The wipe waits at most 9 days (a longer PORTAL_DESTRUCTION_WIPE_EXPIRY is refused), so the
        // certificate is out before the 10-day deadline.
        portal.clock().advance(Duration.ofDays(9).plusHours(1));
        portal.server().commands().commands().expireOverdue();
        Await.until("the request completes as partial", () -> portal.server().destruction().desk()
                .queue().stream().anyMatch(r -> r.id().equals(request.id()) && r.outcome().isPresent()));
        var row = portal.server().destruction().desk().queue().stream().filter(r -> r.id().equals(request.id()))
                .findFirst().orElseThrow();
        assertThat(row.outcome()).contains(Outcome.PARTIAL);
        WebClient browser = portal.browser();
        HtmlPage status = browser.getPage(portal.url(DestructionIntake.statusPath(Lang.EN, request.statusToken())));
        assertThat(status.getElementById("device-1").asNormalizedText()).contains("Device 1 did not confirm the deletion");
        String certificate = ((org.htmlunit.html.HtmlTextArea) status.getElementById("certificate")).getText();
        Certificates.Facts facts = portal.server().destruction().certificates().verify(certificate).facts()
                .orElseThrow();
        assertThat(facts.notConfirmed()).containsExactly(1);
        assertThat(facts.outcome()).isEqualTo("PARTIAL");
        // The portal's record of the device, its key included, is erased: its signature is no longer known.
        assertThat(device.checkIn().statusCode()).isEqualTo(401);
    }

    @Test
    void theLimitPerNumberHoldsAlikeWithAndWithoutDevicesAndADeviceIsPromptedOnlyUpToItsLimit() throws Exception {
        String withDevice = testbed.newNumber();
        ReferenceDevice phone = testbed.device(portal, dir, withDevice, ApprovalRule.ignore());
        String withoutDevice = testbed.newNumber();
        for (String number : List.of(withDevice, withoutDevice)) {
            for (int i = 0; i < 3; i++) {
                requested(number);
            }
            WebClient browser = portal.browser();
            HtmlPage refused = DestructionIT.requestOn(portal, browser, number);
            assertThat(refused.getWebResponse().getStatusCode()).isEqualTo(429);
            assertThat(refused.getWebResponse().getResponseHeaderValue("Retry-After")).isNotBlank();
        }
        Await.until("the device saw its prompts", () -> phone.shownNumbers().size() == 2);
        process().lookUpDevices();
        assertThat(phone.shownNumbers()).hasSize(2);
        try {
            portal.server().destruction().intake().requestOnWebsite(withoutDevice, "", Lang.EN, "198.51.100.8");
            throw new AssertionError("a fourth request went through");
        } catch (TooManyRequestsException expected) {
            assertThat(expected.retryAfter()).isPositive();
        }
    }
}
