package kr.jsoft.privacyportal.destruction;

import kr.jsoft.privacyportal.testing.DeviceTestbed;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import kr.jsoft.privacyportal.simulator.ApprovalRule;
import kr.jsoft.privacyportal.simulator.ReferenceDevice;
import kr.jsoft.privacyportal.testing.Await;
import kr.jsoft.privacyportal.testing.ClearTextScan;
import kr.jsoft.privacyportal.testing.PortalFixture;
import kr.jsoft.privacyportal.web.Lang;
import kr.jsoft.privacyportal.testing.TestDevice;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlTextArea;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Destruction requests end to end: the website, reference devices in-process, the certificate, the mail. */
class DestructionIT {
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
    static void stopMail() {
        testbed.stop();
    }

    /** Fills in the form and follows the redirect to the status page. */
    static HtmlPage request(WebClient browser, String number, String email) throws Exception {
        return requestOn(portal, browser, number, email);
    }

    static HtmlPage requestOn(PortalFixture portal, WebClient browser, String number) throws Exception {
        return requestOn(portal, browser, number, "");
    }

    static HtmlPage requestOn(PortalFixture portal, WebClient browser, String number, String email) throws Exception {
        HtmlPage form = browser.getPage(portal.url("/en/destruction"));
        HtmlForm f = form.getForms().stream().filter(x -> x.getActionAttribute().endsWith("/destruction"))
                .findFirst().orElseThrow();
        f.getInputByName("phone").setValue(number);
        f.getInputByName("email").setValue(email);
        return f.getOneHtmlElementByAttribute("button", "type", "submit").click();
    }

    static String text(HtmlPage page, String id) {
        return page.getElementById(id).asNormalizedText();
    }

    static HtmlPage reload(WebClient browser, HtmlPage page) throws Exception {
        return browser.getPage(page.getUrl());
    }

    static HtmlPage awaitState(WebClient browser, HtmlPage page, String state) throws Exception {
        HtmlPage[] current = {page};
        Await.until("the status page says " + state, () -> {
            try {
                current[0] = reload(browser, current[0]);
                return state.equals(current[0].getElementById("state").getAttribute("data-state"));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        return current[0];
    }

    static HtmlPage verify(WebClient browser, String certificate) throws Exception {
        HtmlPage page = browser.getPage(portal.url("/en/destruction/verify"));
        HtmlForm form = page.getForms().stream().filter(x -> x.getActionAttribute().endsWith("/verify")).findFirst()
                .orElseThrow();
        ((HtmlTextArea) page.getElementById("certificate")).setText(certificate);
        return form.getOneHtmlElementByAttribute("button", "type", "submit").click();
    }

    @Test
    void approvalOnOneDeviceWipesBothAndTheCertificateVerifies() throws Exception {
        String number = testbed.newNumber();
        ReferenceDevice approving = testbed.device(portal, dir, number, ApprovalRule.approve());
        ReferenceDevice other = testbed.device(portal, dir, number, ApprovalRule.ignore());
        String email = "requester-1@example.test";
        WebClient browser = portal.browser();

        HtmlPage status = request(browser, number, email);
        assertThat(status.getWebResponse().getStatusCode()).isEqualTo(200);
        assertThat(status.getUrl().getPath()).matches("/en/destruction/status/[A-Za-z0-9_-]{22}");
        String shown = text(status, "approval-number");
        assertThat(shown).matches("[1-9][0-9]");
        assertThat(status.getElementById("refresh-note")).as("a waiting page offers the new state").isNotNull();
        assertThat(status.getHead().asXml()).contains("/static/js/refresh.js").doesNotContain("http-equiv");

        HtmlPage done = awaitState(browser, status, "COMPLETED");
        assertThat(approving.shownNumbers()).containsExactly(shown);
        assertThat(other.shownNumbers()).containsExactly(shown);
        assertThat(approving.store().counts()).allSatisfy((kind, count) -> assertThat(count).isZero());
        assertThat(other.store().counts()).allSatisfy((kind, count) -> assertThat(count).isZero());
        assertThat(done.getElementById("device-1").getAttribute("data-state")).isEqualTo("wiped");
        assertThat(done.getElementById("device-2").getAttribute("data-state")).isEqualTo("wiped");
        assertThat(text(done, "device-1")).contains("25").contains("3");
        assertThat(text(done, "portal-records")).contains("are erased");
        assertThat(done.getElementById("refresh-note")).isNull();
        assertThat(done.getHead().asXml()).doesNotContain("refresh.js");
        String certificate = ((HtmlTextArea) done.getElementById("certificate")).getText();
        assertThat(text(done, "fact-outcome")).isEqualTo("All 2 registered phones confirmed the deletion.");
        assertThat(text(done, "device-1")).contains("25 contacts").doesNotContain("cardImages");
        var download = browser.getPage(done.getUrl() + "/certificate.jwt").getWebResponse();
        assertThat(download.getContentType()).isEqualTo("application/jwt");
        assertThat(download.getResponseHeaderValue("Content-Disposition"))
                .isEqualTo("attachment; filename=\"" + text(done, "reference") + ".jwt\"");
        assertThat(download.getContentAsString()).isEqualTo(certificate);

        HtmlPage valid = verify(browser, certificate);
        assertThat(valid.getElementById("verdict").getAttribute("data-valid")).isEqualTo("true");
        assertThat(text(valid, "fact-reference")).isEqualTo(text(done, "reference"));
        assertThat(text(valid, "fact-origin")).isEqualTo("On the website, approved on a phone");
        assertThat(valid.getElementById("verdict").asNormalizedText()).startsWith("Genuine.")
                .doesNotContain("COMPLETED").doesNotContainPattern("\\bweb\\b").doesNotContain("igning");
        assertThat(valid.getElementById("fact-outcome").getAttribute("data-outcome")).isEqualTo("COMPLETED");
        assertThat(text(valid, "fact-outcome")).isEqualTo("All 2 registered phones confirmed the deletion.");

        String[] parts = certificate.split("\\.");
        String tamperedPayload = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(java.util.Base64.getUrlDecoder().decode(parts[1])).replace("\"wiped\":2", "\"wiped\":3")
                        .getBytes());
        HtmlPage tampered = verify(browser, parts[0] + "." + tamperedPayload + "." + parts[2]);
        assertThat(tampered.getWebResponse().getStatusCode()).isEqualTo(422);
        assertThat(tampered.getElementById("verdict").getAttribute("data-valid")).isEqualTo("false");

        var mail = testbed.awaitMail(email, text(done, "reference"));
        assertThat(DeviceTestbed.text(mail)).contains(certificate);

        List<String> needles = new ArrayList<>(ClearTextScan.notations(number));
        needles.add(portal.server().devices().registry().phoneHashOf(number));
        needles.add(email);
        Await.until("the email is erased from the outbox once sent", () -> {
            try {
                return ClearTextScan.find(portal, needles).isEmpty();
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(ClearTextScan.find(portal, needles)).isEmpty();
        assertThat(portal.server().devices().registry().activeDevicesOf(
                portal.server().devices().registry().phoneHashOf(number))).isEmpty();
        assertThat(portal.server().cores().erasureJournal().entries()).extracting(e -> e.id())
                .contains(approving.deviceId(), other.deviceId());
    }

    @Test
    void aNumberWithoutDevicesLooksExactlyTheSameFromOutside() throws Exception {
        String withDevices = testbed.newNumber();
        testbed.device(portal, dir, withDevices, ApprovalRule.ignore());
        String withoutDevices = testbed.newNumber();

        List<String> answers = new ArrayList<>();
        for (String number : List.of(withDevices, withoutDevices)) {
            WebClient browser = portal.browser();
            browser.getOptions().setRedirectEnabled(false);
            HtmlPage form = browser.getPage(portal.url("/en/destruction"));
            HtmlForm f = form.getForms().stream().filter(x -> x.getActionAttribute().endsWith("/destruction"))
                    .findFirst().orElseThrow();
            f.getInputByName("phone").setValue(number);
            var redirect = f.getOneHtmlElementByAttribute("button", "type", "submit").click().getWebResponse();
            String location = redirect.getResponseHeaderValue("Location");
            assertThat(location).matches(".*/en/destruction/status/[A-Za-z0-9_-]{22}");
            browser.getOptions().setRedirectEnabled(true);
            HtmlPage status = browser.getPage(new URL(new URL(portal.url("/")), location));
            // Wait until the background step has looked up the devices (or found none).
            portal.server().destruction().process().lookUpDevices();
            status = reload(browser, status);
            answers.add(redirect.getStatusCode() + " " + status.getWebResponse().getStatusCode() + " "
                    + status.getWebResponse().getContentAsString()
                    .replaceAll("D-\\d{4}-\\d{6}", "D-REF")
                    .replaceAll("/destruction/status/[A-Za-z0-9_-]{22}", "/destruction/status/TOKEN")
                    .replaceAll("id=\"approval-number\">\\d\\d<", "id=\"approval-number\">NN<")
                    .replaceAll("value=\"[A-Za-z0-9_-]{20,}\"", "value=\"CSRF\""));
        }
        assertThat(answers.get(0)).isEqualTo(answers.get(1));
        assertThat(answers.get(0)).startsWith("302 200");
    }

    @Test
    void takingARequestDoesTheSameDatabaseWorkWhetherOrNotTheNumberHasADevice() throws Exception {
        String withDevices = testbed.newNumber();
        testbed.device(portal, dir, withDevices, ApprovalRule.ignore());
        String withoutDevices = testbed.newNumber();
        var intake = portal.server().destruction().intake();
        var database = portal.server().cores().database();
        // The first request of a run may create the year's reference counter: not part of the comparison.
        intake.requestOnWebsite(testbed.newNumber(), null, Lang.EN, "198.51.100.1");

        List<String> withDevice = database.statementsPreparedBy(
                () -> intake.requestOnWebsite(withDevices, null, Lang.EN, "198.51.100.2"));
        List<String> withoutDevice = database.statementsPreparedBy(
                () -> intake.requestOnWebsite(withoutDevices, null, Lang.EN, "198.51.100.3"));

        // The devices are looked up afterwards, off the request: the answer's timing cannot tell them apart.
        assertThat(withDevice).isNotEmpty().isEqualTo(withoutDevice);
        assertThat(withDevice).noneMatch(sql -> sql.matches("(?s).*\\b(from|join) device\\b.*"));
    }

    @Test
    void aRefusalCancelsAndTheTimeoutCancelsInTheSameWords() throws Exception {
        String refusing = testbed.newNumber();
        testbed.device(portal, dir, refusing, ApprovalRule.refuse());
        WebClient browser = portal.browser();
        HtmlPage refused = awaitState(browser, request(browser, refusing, ""), "CANCELLED");

        String silent = testbed.newNumber();
        ReferenceDevice ignoring = testbed.device(portal, dir, silent, ApprovalRule.ignore());
        HtmlPage waiting = request(browser, silent, "");
        Await.until("the device was asked", () -> !ignoring.shownNumbers().isEmpty());
        portal.clock().advance(Duration.ofMinutes(5).plusSeconds(1));
        HtmlPage timedOut = awaitState(browser, waiting, "CANCELLED");

        assertThat(text(refused, "cancelled")).isEqualTo(text(timedOut, "cancelled"));
        assertThat(text(refused, "state")).isEqualTo(text(timedOut, "state"));
        assertThat(refused.getElementById("devices")).isNull();
        assertThat(ignoring.store().counts().get("contacts")).isEqualTo(25L);
    }

    @Test
    void anOfflineDeviceIsWipedAtItsNextCheckIn() throws Exception {
        String number = testbed.newNumber();
        ReferenceDevice online = testbed.device(portal, dir, number, ApprovalRule.approve());
        ReferenceDevice offline = testbed.device(portal, dir, number, ApprovalRule.ignore()).offline(true);
        WebClient browser = portal.browser();
        HtmlPage status = awaitState(browser, request(browser, number, ""), "DESTROYING");
        Await.until("the online device wiped", () -> online.store().counts().get("contacts") == 0L);
        HtmlPage waiting = awaitState(browser, status, "DESTROYING");
        // Positions follow the registration order; both registered at the same test-clock instant.
        Await.until("one device shows wiped", () -> deviceStates(browser, waiting).contains("wiped"));
        assertThat(deviceStates(browser, waiting)).hasSize(2).containsAnyOf("queued", "woken", "waiting");
        assertThat(offline.store().counts().get("contacts")).isEqualTo(25L);

        portal.clock().advance(Duration.ofDays(2));
        offline.offline(false).checkIn();
        assertThat(offline.store().counts().get("contacts")).isZero();
        HtmlPage done = awaitState(browser, waiting, "COMPLETED");
        assertThat(deviceStates(browser, done)).containsExactly("wiped", "wiped");
    }

    static List<String> deviceStates(WebClient browser, HtmlPage page) {
        try {
            HtmlPage now = reload(browser, page);
            List<String> states = new ArrayList<>();
            for (int i = 1; now.getElementById("device-" + i) != null; i++) {
                states.add(now.getElementById("device-" + i).getAttribute("data-state"));
            }
            return states;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aRequestResumesAfterARestart() throws Exception {
        String number = testbed.newNumber();
        ReferenceDevice phone = testbed.device(portal, dir, number, ApprovalRule.approve()).offline(true);
        WebClient browser = portal.browser();
        HtmlPage status = request(browser, number, "");
        String path = status.getUrl().getPath();
        portal.server().destruction().process().lookUpDevices();

        portal.restart();

        phone.offline(false).checkIn();
        HtmlPage done = awaitState(browser, browser.getPage(portal.url(path)), "COMPLETED");
        assertThat(phone.store().counts().get("contacts")).isZero();
        assertThat(done.getElementById("certificate")).isNotNull();
    }

    @Test
    void theAppItselfCanAskAndEveryDeviceOfTheNumberIsWiped() throws Exception {
        String number = testbed.newNumber();
        ReferenceDevice asking = testbed.device(portal, dir, number, ApprovalRule.ignore());
        ReferenceDevice sibling = testbed.device(portal, dir, number, ApprovalRule.ignore());

        HttpResponse<String> answer = asking.requestDestruction("app-user@example.test");
        assertThat(answer.statusCode()).isEqualTo(202);
        JsonNode body = TestDevice.read(answer.body());
        assertThat(body.get("reference").asText()).matches("D-\\d{4}-\\d{6}");
        WebClient browser = portal.browser();
        HtmlPage done = awaitState(browser, browser.getPage(portal.url(body.get("statusUrl").asText())), "COMPLETED");
        assertThat(asking.store().counts().get("contacts")).isZero();
        assertThat(sibling.store().counts().get("contacts")).isZero();
        assertThat(asking.shownNumbers()).isEmpty();
        String certificate = ((HtmlTextArea) done.getElementById("certificate")).getText();
        assertThat(portal.server().destruction().certificates().verify(certificate).facts().orElseThrow().wiped())
                .isEqualTo(2);
        testbed.awaitMail("app-user@example.test", body.get("reference").asText());
        assertThat(portal.server().metrics().registry().find("portal.destruction.latency").tag("outcome", "completed")
                .timer()).isNotNull().satisfies(timer -> assertThat(timer.count()).isPositive());
    }

    @Test
    void theAppCannotStartRequestAfterRequest() throws Exception {
        ReferenceDevice asking = testbed.device(portal, dir, testbed.newNumber(), ApprovalRule.ignore());
        asking.offline(true);
        int limit = 3; // PORTAL_DESTRUCTION_LIMIT_PER_DEVICE's default
        for (int i = 0; i < limit; i++) {
            assertThat(asking.requestDestruction(null).statusCode()).isEqualTo(202);
        }

        HttpResponse<String> refused = asking.requestDestruction(null);

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    void theStatusLinkOfNoRequestIs404() throws Exception {
        var response = portal.get("/en/destruction/status/AAAAAAAAAAAAAAAAAAAAAA");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
    }

    @Test
    void aBadNumberIsShownAgainWithAMessage() throws Exception {
        WebClient browser = portal.browser();
        HtmlPage page = request(browser, "12345", "not-an-address");
        assertThat(page.getWebResponse().getStatusCode()).isEqualTo(422);
        assertThat(page.getElementById("phone-error")).isNotNull();
        assertThat(page.getElementById("email-error")).isNotNull();
        assertThat(page.getHtmlElementById("phone").getAttribute("value")).isEqualTo("12345");
    }
}
