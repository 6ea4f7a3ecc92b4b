package kr.jsoft.privacyportal.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import kr.jsoft.privacyportal.audit.AuditFilter;
import kr.jsoft.privacyportal.audit.AuditRecord;
import kr.jsoft.privacyportal.audit.AuditTrail;
import kr.jsoft.privacyportal.staff.Role;
import kr.jsoft.privacyportal.testing.PortalFixture;
import kr.jsoft.privacyportal.testing.StaffAccounts;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlAnchor;
import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code /manager/dev/mail}: the development mailbox (development mode without SMTP, the fixture's default). */
class DevelopmentMailboxDashboardIT {
    @RegisterExtension
    static PortalFixture portal = PortalFixture.builder().build();
    private static WebClient staff;
    private static WebClient auditor;

    @BeforeAll
    static void signIn() {
        StaffAccounts accounts = new StaffAccounts(portal);
        staff = accounts.signedIn(Role.STAFF);
        auditor = accounts.signedIn(Role.AUDITOR);
    }

    @AfterAll
    static void closeBrowsers() {
        staff.close();
        auditor.close();
    }

    private static DevelopmentMailbox.ReceivedMail subscribedAndReceived(String address) throws Exception {
        try (WebClient browser = portal.browser()) {
            HtmlPage form = browser.getPage(portal.url("/en/notices/subscribe"));
            HtmlForm htmlForm = form.getForms().get(0);
            htmlForm.getInputByName("email").setValue(address);
            htmlForm.getSelectByName("language").setSelectedAttribute("en", true);
            ((HtmlElement) form.querySelector("main form button[type=submit]")).click();
        }
        DevelopmentMailbox mailbox = portal.server().mail().developmentMailbox().orElseThrow();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (true) {
            portal.server().mail().dispatcher().dispatchOnce();
            var mail = mailbox.recent().stream().filter(m -> m.to().contains(address)).findFirst();
            if (mail.isPresent()) {
                return mail.get();
            }
            assertThat(Instant.now()).as("mail to arrive").isBefore(deadline);
        }
    }

    private static List<AuditRecord> views() {
        return portal.server().cores().auditTrail().search(new AuditFilter(null, null, null, "personal-data.view", null, null),
                null, AuditTrail.PAGE_SIZE);
    }

    @Test
    void theMailboxListsAReceivedMailAndShowsItsTextPartAsAnAccessRecord() throws Exception {
        String address = "dev.mailbox.reader@example.com";
        DevelopmentMailbox.ReceivedMail received = subscribedAndReceived(address);
        int viewsBefore = views().size();

        HtmlPage list = staff.getPage(portal.url("/manager/dev/mail"));

        assertThat(list.getWebResponse().getStatusCode()).isEqualTo(200);
        assertThat(list.querySelector("table.dev-mail").asNormalizedText()).contains(received.subject(), address);
        HtmlAnchor link = list.querySelectorAll("table.dev-mail a").stream().map(HtmlAnchor.class::cast)
                .filter(a -> a.getTextContent().equals(received.subject())).findFirst().orElseThrow();
        HtmlPage detail = link.click();
        assertThat(detail.getWebResponse().getStatusCode()).isEqualTo(200);
        assertThat(detail.getElementById("mail-subject").getTextContent()).isEqualTo(received.subject());
        assertThat(detail.getElementById("mail-text").getTextContent()).contains("/notices/subscribe/confirm/");
        assertThat(detail.querySelectorAll("section a")).as("no link of the mail is live on the page")
                .noneSatisfy(a -> assertThat(a.getAttributes().getNamedItem("href").getNodeValue())
                        .contains("/notices/subscribe/confirm/"));

        List<AuditRecord> views = views();
        assertThat(views).hasSize(viewsBefore + 2);
        assertThat(views.subList(0, 2)).allSatisfy(view -> {
            assertThat(view.targetType()).isEqualTo("dev-mailbox");
            assertThat(view.actor()).startsWith("account:");
            assertThat(view.detail()).doesNotContain(address).doesNotContain(received.subject());
        });
    }

    @Test
    void anUnknownMessageIs404() throws Exception {
        assertThat(staff.getPage(portal.url("/manager/dev/mail?message=%3Cnone%40example.com%3E"))
                .getWebResponse().getStatusCode()).isEqualTo(404);
    }

    @Test
    void anAuditorCannotSeeTheMailbox() throws Exception {
        assertThat(auditor.getPage(portal.url("/manager/dev/mail")).getWebResponse().getStatusCode()).isEqualTo(403);
        assertThat(((HtmlPage) auditor.getPage(portal.url("/manager"))).querySelectorAll(".manager-nav a"))
                .extracting(a -> a.getAttributes().getNamedItem("href").getNodeValue())
                .contains("/manager/outbox").doesNotContain("/manager/dev/mail");
    }
}
