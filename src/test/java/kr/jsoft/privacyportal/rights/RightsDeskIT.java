package kr.jsoft.privacyportal.rights;

import kr.jsoft.privacyportal.testing.DeviceTestbed;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kr.jsoft.privacyportal.staff.Role;
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
 * Requests made another way, as staff record them: an agent's request by phone, the number proven
 * by the SMS code the person reads back, the 10-day clock on the day's work, and a refusal mailed
 * with its grounds, how to object to jsoft and where else to turn, also on the status page.
 */
class RightsDeskIT {
    static final DeviceTestbed testbed = new DeviceTestbed(2);

    @RegisterExtension
    static PortalFixture portal = testbed.portal().build();

    @AfterAll
    static void stop() {
        testbed.stop();
    }

    private static WebClient manager() {
        return new StaffAccounts(portal).signedIn(Role.PRIVACY_MANAGER);
    }

    private static HtmlPage record(WebClient staff, String kind, String requester, String authority, String number,
                                   String email) throws Exception {
        HtmlPage page = staff.getPage(portal.url("/manager/rights/new"));
        HtmlForm form = (HtmlForm) page.getElementById("record-form");
        ((HtmlSelect) page.getElementById("kind")).setSelectedAttribute(kind, true);
        ((HtmlSelect) page.getElementById("channel")).setSelectedAttribute("PHONE", true);
        ((HtmlSelect) page.getElementById("requester")).setSelectedAttribute(requester, true);
        form.getTextAreaByName("authority").setText(authority);
        form.getTextAreaByName("details").setText("Wants to know what the portal holds.");
        form.getInputByName("phone").setValue(number);
        form.getInputByName("email").setValue(email);
        ((HtmlSelect) page.getElementById("lang")).setSelectedAttribute("en", true);
        return form.getOneHtmlElementByAttribute("button", "type", "submit").click();
    }

    private static HtmlPage prove(HtmlPage detail, String number) throws Exception {
        HtmlForm code = (HtmlForm) detail.getElementById("code-form");
        code.getInputByName("code").setValue(DeviceTestbed.code(portal, number));
        return code.getOneHtmlElementByAttribute("button", "type", "submit").click();
    }

    private static HtmlPage decide(HtmlPage detail, String outcome, String grounds, String until) throws Exception {
        HtmlForm form = (HtmlForm) detail.getElementById("decide-form");
        form.getInputByValue(outcome).setChecked(true);
        form.getTextAreaByName("grounds").setText(grounds);
        form.getInputByName("until").setValue(until);
        return form.getOneHtmlElementByAttribute("button", "type", "submit").click();
    }

    @Test
    void anAgentsRequestByPhoneIsProvenByCodeRunsTheTenDayClockAndItsRefusalIsMailedWithTheWaysToObject()
            throws Exception {
        String number = testbed.newNumber();
        WebClient staff = manager();
        HtmlPage refused = record(staff, "ACCESS", "AGENT", "", number, "agent@example.kr");
        assertThat(refused.getWebResponse().getStatusCode()).as("an agent needs a recorded authority").isEqualTo(422);

        HtmlPage detail = record(staff, "ACCESS", "AGENT", "Kim Daeri; power of attorney seen, signed and sealed",
                number, "agent@example.kr");
        assertThat(detail.getElementById("state").getAttribute("data-state")).isEqualTo("PROVING");
        String reference = detail.getElementById("reference").asNormalizedText();
        assertThat(detail.getElementById("due").asNormalizedText()).contains("KST").containsPattern("\\d+ days \\d+ hours left");
        HtmlPage home = staff.getPage(portal.url("/manager"));
        assertThat(home.getElementById("work-queue").asNormalizedText()).contains(reference);

        HtmlPage open = prove(detail, number);
        assertThat(open.getElementById("state").getAttribute("data-state")).isEqualTo("OPEN");
        MimeMessage receipt = testbed.awaitMail("agent@example.kr", reference);
        Matcher link = Pattern.compile("https?://\\S+/en/rights/status/\\S+").matcher(DeviceTestbed.text(receipt));
        assertThat(link.find()).as("the receipt carries the status link").isTrue();

        HtmlPage unreasoned = decide(open, "REFUSED", "", "");
        assertThat(unreasoned.getWebResponse().getStatusCode()).isEqualTo(422);
        assertThat(unreasoned.getElementById("grounds-error")).isNotNull();
        HtmlPage decided = decide(unreasoned, "REFUSED",
                "PIPA Art. 35(4)(iii): the records asked for concern a third party.", "");
        assertThat(decided.getElementById("state").getAttribute("data-state")).isEqualTo("DECIDED");

        MimeMessage outcome = testbed.awaitMail("agent@example.kr", "The result of your rights request");
        assertThat(DeviceTestbed.text(outcome)).contains("Refused").contains("third party")
                .contains("object to jsoft").contains("kopico.go.kr").contains("1833-6972")
                .contains("privacy.kisa.or.kr").contains("ecrm.police.go.kr");

        HtmlPage status = portal.browser().getPage(link.group().replaceFirst("https?://[^/]+", portal.url("")));
        assertThat(status.getWebResponse().getResponseHeaderValue("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(status.getElementById("outcome").asNormalizedText()).isEqualTo("Refused");
        assertThat(status.getElementById("remedy-grounds").asNormalizedText()).contains("third party");
        assertThat(status.getElementById("remedy-objection").asNormalizedText()).contains("object to jsoft");
        assertThat(status.getElementById("outside-organisations").asNormalizedText()).contains("1833-6972");
        assertThat(staff.getPage(portal.url("/manager")).getWebResponse().getContentAsString())
                .as("decided: off the day's work").doesNotContain(reference);
    }

    @Test
    void onlyAnAccessRequestCanBePostponedAndAChildsRepresentativeNeedsTheirAuthority() throws Exception {
        String number = testbed.newNumber();
        WebClient staff = manager();
        HtmlPage noAuthority = record(staff, "SUSPENSION", "LEGAL_REPRESENTATIVE", "", number, "parent@example.kr");
        assertThat(noAuthority.getWebResponse().getStatusCode()).isEqualTo(422);
        assertThat(noAuthority.asNormalizedText()).contains("family relation certificate");

        HtmlPage open = prove(record(staff, "SUSPENSION", "LEGAL_REPRESENTATIVE",
                "Lee Bumo, mother; family relation certificate seen", number, "parent@example.kr"), number);
        HtmlPage postponed = decide(open, "POSTPONED", "Waiting for a police inquiry.", "2026-12-20");
        assertThat(postponed.getWebResponse().getStatusCode()).isEqualTo(422);
        assertThat(postponed.getElementById("outcome-error").asNormalizedText()).contains("Art. 35(3)");

        HtmlPage granted = decide(postponed, "GRANTED", "", "");
        assertThat(granted.getElementById("outcome").asNormalizedText()).isEqualTo("Granted");
        MimeMessage mail = testbed.awaitMail("parent@example.kr", "The result of your rights request");
        assertThat(DeviceTestbed.text(mail)).contains("Granted").doesNotContain("object to jsoft");
    }
}
