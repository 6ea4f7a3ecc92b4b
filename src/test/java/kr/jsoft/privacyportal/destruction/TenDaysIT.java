package kr.jsoft.privacyportal.destruction;

import kr.jsoft.privacyportal.testing.DeviceTestbed;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import kr.jsoft.privacyportal.audit.AuditFilter;
import kr.jsoft.privacyportal.audit.AuditTrail;
import kr.jsoft.privacyportal.remedy.RemedyAssertions;
import kr.jsoft.privacyportal.simulator.ApprovalRule;
import kr.jsoft.privacyportal.simulator.ReferenceDevice;
import kr.jsoft.privacyportal.staff.Role;
import kr.jsoft.privacyportal.testing.Await;
import kr.jsoft.privacyportal.testing.MailTestbed;
import kr.jsoft.privacyportal.testing.PortalFixture;
import kr.jsoft.privacyportal.testing.StaffAccounts;
import kr.jsoft.privacyportal.web.Dates;
import kr.jsoft.privacyportal.web.Lang;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlTextArea;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ten days on every path: a lost-device wipe may wait 90 days for the phone and a review may wait
 * for the privacy manager, but the requester has a result by day 10, and an undecided review is
 * escalated on day 7 and day 9, each mailed once.
 */
class TenDaysIT {
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

    private static HtmlForm form(HtmlPage page, String id) {
        return (HtmlForm) page.getElementById(id);
    }

    private static String state(HtmlPage page) {
        return page.getElementById("state").getAttribute("data-state");
    }

    private static List<String> audited(String action) {
        return portal.server().cores().auditTrail().search(new AuditFilter(null, null, null, action, null, null),
                null, AuditTrail.PAGE_SIZE).stream().map(r -> r.targetId()).toList();
    }

    private static DestructionViews.QueueRow row(String reference) {
        return portal.server().destruction().desk().queue().stream().filter(r -> r.reference().equals(reference))
                .findFirst().orElseThrow();
    }

    private static String text(MimeMessage mail) {
        return MailTestbed.parts(mail).get("text");
    }

    @Test
    void aLostDeviceRequestWhoseDeviceNeverReturnsGetsItsInterimResultByDayTenOnce() throws Exception {
        String number = testbed.newNumber();
        testbed.device(portal, dir, number, ApprovalRule.ignore()).offline(true);
        WebClient browser = portal.browser();
        String email = "never-returns@example.test";
        HtmlPage lost = browser.getPage(portal.url("/en/destruction/lost"));
        HtmlForm sms = form(lost, "sms-form");
        sms.getInputByName("phone").setValue(number);
        sms.getInputByName("email").setValue(email);
        HtmlPage proving = sms.getOneHtmlElementByAttribute("button", "type", "submit").click();
        HtmlForm code = proving.getForms().stream().filter(f -> f.getActionAttribute().endsWith("/code")).findFirst()
                .orElseThrow();
        code.getInputByName("code").setValue(DeviceTestbed.code(portal, number));
        HtmlPage waiting = code.getOneHtmlElementByAttribute("button", "type", "submit").click();
        assertThat(state(waiting)).isEqualTo("WAITING_PERIOD");
        String reference = waiting.getElementById("reference").asNormalizedText();
        Await.until("the devices were told", () -> row(reference).devices() == 1);

        portal.clock().advance(Duration.ofHours(72).plusSeconds(1));
        DestructionIT.awaitState(browser, waiting, "DESTROYING");
        Instant queuedAt = row(reference).approvedAt().orElseThrow();
        // Day 9: the wipe still waits for the phone; the result is not due yet.
        portal.clock().advance(Duration.ofDays(6));
        assertThat(portal.server().destruction().deadlines().sendResults()).isZero();

        // Half a day before the deadline the requester hears what is done and what still waits.
        portal.clock().advance(Duration.ofHours(13));
        MimeMessage result = testbed.awaitMail(email, "the result after 10 days");
        assertThat(text(result)).contains(reference, "partly done", "What the portal has erased",
                        "Your phone number (and its keyed hash)", "Device 1: the deletion of the app data is queued until "
                                + Dates.dateTime(queuedAt.plus(Duration.ofDays(90)), Lang.EN),
                        "it has not connected since the request")
                .doesNotContain("??");
        RemedyAssertions.statesObjectionRouteAndCurrentOrganisations(text(result), "support@jsoft.kr");
        RemedyAssertions.statesObjectionRouteAndCurrentOrganisations(MailTestbed.parts(result).get("html"),
                "support@jsoft.kr");
        // The status page says the same, for requesters who gave no email.
        HtmlPage page = DestructionIT.reload(browser, waiting);
        assertThat(page.getElementById("interim").asNormalizedText()).contains("partly done",
                Dates.dateTime(queuedAt.plus(Duration.ofDays(90)), Lang.EN));
        RemedyAssertions.statesObjectionRouteAndCurrentOrganisations(
                page.getElementById("remedies").asNormalizedText(), "support@jsoft.kr");

        // Once only, whatever the clock does next; the wipe keeps waiting for the phone.
        portal.clock().advance(Duration.ofDays(1));
        assertThat(portal.server().destruction().deadlines().sendResults()).isZero();
        UniqueTarget.of(row(reference).id().toString(), audited("destruction.interim-result"));
        assertThat(row(reference).state()).isEqualTo(RequestState.DESTROYING);
    }

    @Test
    void aReviewStillUndecidedIsEscalatedOnDaySevenAndDayNineOnceEachThenPostponedWithTheObjectionRoute()
            throws Exception {
        String number = testbed.newNumber();
        WebClient browser = portal.browser();
        String email = "undecided@example.test";
        HtmlPage lost = browser.getPage(portal.url("/en/destruction/lost"));
        HtmlForm review = form(lost, "review-form");
        review.getInputByName("phone").setValue(number);
        review.getInputByName("email").setValue(email);
        ((HtmlTextArea) lost.getElementById("explanation")).setText("My phone was stolen and the number cancelled.");
        HtmlPage status = review.getOneHtmlElementByAttribute("button", "type", "submit").click();
        assertThat(state(status)).isEqualTo("REVIEW");
        String reference = status.getElementById("reference").asNormalizedText();
        String id = row(reference).id().toString();

        portal.clock().advance(Duration.ofDays(7).plusMinutes(1));
        testbed.awaitMail(DeviceTestbed.MANAGER, "파기 요청 " + reference + ": 7일째 결정 대기");
        try (WebClient manager = new StaffAccounts(portal).signedIn(Role.PRIVACY_MANAGER)) {
            HtmlPage home = manager.getPage(portal.url("/manager"));
            assertThat(home.asNormalizedText()).containsAnyOf("Undecided for 7 days or more", "7일 넘게 결정되지 않은 파기 요청");
        }
        portal.clock().advance(Duration.ofHours(1));
        assertThat(portal.server().destruction().deadlines().escalate(7)).isZero();

        portal.clock().advance(Duration.ofDays(2));
        testbed.awaitMail(DeviceTestbed.MANAGER, "파기 요청 " + reference + ": 9일째 결정 대기");
        assertThat(portal.server().destruction().deadlines().escalate(9)).isZero();
        Await.until("both escalations audited", () -> audited("destruction.escalated").stream()
                .filter(id::equals).count() == 2);

        portal.clock().advance(Duration.ofHours(13));
        MimeMessage postponed = testbed.awaitMail(email, "the result after 10 days");
        assertThat(text(postponed)).contains(reference, "the decision is postponed",
                "the privacy manager has to check your explanation");
        RemedyAssertions.statesObjectionRouteAndCurrentOrganisations(text(postponed), "support@jsoft.kr");
        HtmlPage page = DestructionIT.reload(browser, status);
        assertThat(page.getElementById("interim").asNormalizedText()).contains("postponed");
        RemedyAssertions.statesObjectionRouteAndCurrentOrganisations(
                page.getElementById("remedies").asNormalizedText(), "support@jsoft.kr");

        portal.clock().advance(Duration.ofDays(1));
        assertThat(portal.server().destruction().deadlines().runDue()).isZero();
        assertThat(audited("destruction.escalated").stream().filter(id::equals).count()).isEqualTo(2);
        UniqueTarget.of(id, audited("destruction.interim-result"));
    }

    /** The audit trail names the request exactly once for the action. */
    private static final class UniqueTarget {
        static void of(String id, List<String> targets) {
            assertThat(targets.stream().filter(id::equals).count()).as("entries for the request").isEqualTo(1);
        }
    }
}
