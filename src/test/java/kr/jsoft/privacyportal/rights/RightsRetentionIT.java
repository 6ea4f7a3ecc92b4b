package kr.jsoft.privacyportal.rights;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kr.jsoft.privacyportal.erasure.ErasureJournal;
import kr.jsoft.privacyportal.staff.Role;
import kr.jsoft.privacyportal.testing.DeviceTestbed;
import kr.jsoft.privacyportal.testing.PortalFixture;
import kr.jsoft.privacyportal.testing.StaffAccounts;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlSelect;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The rights feature keeps personal data only while it serves: a decided request's requester data
 * is erased after the retention (three years by default) and journalled for restored backups, the
 * anonymous record of how it was handled stays; a proof of number is deleted a day after its page closed.
 */
class RightsRetentionIT {
    static final DeviceTestbed testbed = new DeviceTestbed(3);

    @RegisterExtension
    static PortalFixture portal = testbed.portal().build();

    @AfterAll
    static void stop() {
        testbed.stop();
    }

    private static RightsUpkeep upkeep() {
        return portal.server().rights().upkeep();
    }

    private static String column(String column, String reference) {
        return portal.server().database().fromTransaction(s -> s.createNativeQuery(
                        "select " + column + " from rights_request where reference = :r", String.class)
                .setParameter("r", reference).getSingleResult());
    }

    private static long proofs() {
        return portal.server().database().fromTransaction(s -> s.createNativeQuery(
                "select count(*) from rights_proof", Long.class).getSingleResult());
    }

    @Test
    void aDecidedRequestLosesTheRequestersDataAfterTheRetentionAndKeepsTheRecordOfHowItWasHandled()
            throws Exception {
        String number = testbed.newNumber();
        WebClient staff = new StaffAccounts(portal).signedIn(Role.PRIVACY_MANAGER);
        HtmlPage page = staff.getPage(portal.url("/manager/rights/new"));
        HtmlForm form = (HtmlForm) page.getElementById("record-form");
        ((HtmlSelect) page.getElementById("kind")).setSelectedAttribute("ACCESS", true);
        ((HtmlSelect) page.getElementById("channel")).setSelectedAttribute("MAIL", true);
        ((HtmlSelect) page.getElementById("requester")).setSelectedAttribute("AGENT", true);
        form.getTextAreaByName("authority").setText("Park Daeri; power of attorney seen");
        form.getTextAreaByName("details").setText("Wants a copy of what the portal holds.");
        form.getInputByName("phone").setValue(number);
        form.getInputByName("email").setValue("retained@example.kr");
        ((HtmlSelect) page.getElementById("lang")).setSelectedAttribute("en", true);
        HtmlPage detail = form.getOneHtmlElementByAttribute("button", "type", "submit").click();
        String reference = detail.getElementById("reference").asNormalizedText();
        HtmlForm code = (HtmlForm) detail.getElementById("code-form");
        code.getInputByName("code").setValue(DeviceTestbed.code(portal, number));
        HtmlPage open = code.getOneHtmlElementByAttribute("button", "type", "submit").click();
        Matcher link = Pattern.compile("https?://\\S+/en/rights/status/\\S+")
                .matcher(DeviceTestbed.text(testbed.awaitMail("retained@example.kr", reference)));
        assertThat(link.find()).isTrue();
        String status = link.group().replaceFirst("https?://[^/]+", portal.url(""));
        HtmlForm decide = (HtmlForm) open.getElementById("decide-form");
        decide.getInputByValue("GRANTED").setChecked(true);
        HtmlPage decided = decide.getOneHtmlElementByAttribute("button", "type", "submit").click();
        String detailUrl = decided.getUrl().toString();

        portal.clock().advance(Duration.ofDays(1094));
        assertThat(upkeep().eraseExpired()).as("within three years of the decision").isZero();
        assertThat(portal.browser().getPage(status).getWebResponse().getStatusCode()).isEqualTo(200);

        portal.clock().advance(Duration.ofDays(2));
        assertThat(upkeep().eraseExpired()).isEqualTo(1);
        // Three years on, the dashboard session has long ended: a fresh sign-in.
        HtmlPage erased = new StaffAccounts(portal).signedIn(Role.PRIVACY_MANAGER).getPage(detailUrl);
        assertThat(erased.getElementById("erased").asNormalizedText()).contains("erased");
        assertThat(erased.getElementById("authority").asNormalizedText()).isEqualTo("—");
        assertThat(erased.asNormalizedText()).doesNotContain("retained@example.kr").doesNotContain("Park Daeri")
                .contains(reference).contains("Granted");
        WebClient visitor = portal.browser();
        visitor.getOptions().setThrowExceptionOnFailingStatusCode(false);
        assertThat(visitor.getPage(status).getWebResponse().getStatusCode()).as("the status link ended")
                .isEqualTo(404);
        for (String personal : new String[] {"authority_sealed", "details_sealed", "email_sealed", "phone_hash",
                "status_token_hash"}) {
            assertThat(column(personal, reference)).as(personal).isNull();
        }
        assertThat(column("outcome", reference)).isEqualTo("GRANTED");
        assertThat(portal.server().cores().erasureJournal().entries()).extracting(ErasureJournal.Entry::kind)
                .contains(RightsUpkeep.ERASURE_KIND);
        assertThat(upkeep().eraseExpired()).as("erased once").isZero();
    }

    @Test
    void aProofOfNumberIsDeletedADayAfterItsPageClosed() throws Exception {
        String number = testbed.newNumber();
        WebClient browser = portal.browser();
        HtmlPage form = browser.getPage(portal.url("/en/rights"));
        HtmlForm start = form.getForms().stream().filter(x -> x.getActionAttribute().endsWith("/rights"))
                .findFirst().orElseThrow();
        start.getInputByName("phone").setValue(number);
        start.getInputByValue("sms").setChecked(true);
        HtmlPage codePage = start.getOneHtmlElementByAttribute("button", "type", "submit").click();
        HtmlForm codeForm = codePage.getForms().stream().filter(f -> f.getActionAttribute().endsWith("/code"))
                .findFirst().orElseThrow();
        codeForm.getInputByName("code").setValue(DeviceTestbed.code(portal, number));
        HtmlPage page = codeForm.getOneHtmlElementByAttribute("button", "type", "submit").click();
        assertThat(page.getElementById("access")).isNotNull();
        long before = proofs();

        portal.clock().advance(RightsProof.PAGE_LIFETIME.plus(Duration.ofHours(23)));
        assertThat(upkeep().forgetEndedProofs()).as("closed less than a day ago").isZero();
        assertThat(((HtmlPage) browser.getPage(page.getUrl())).getElementById("state").getAttribute("data-state"))
                .as("still told it ended").isEqualTo("EXPIRED");

        portal.clock().advance(Duration.ofHours(2));
        assertThat(upkeep().forgetEndedProofs()).isGreaterThanOrEqualTo(1);
        assertThat(proofs()).isLessThan(before);
    }
}
