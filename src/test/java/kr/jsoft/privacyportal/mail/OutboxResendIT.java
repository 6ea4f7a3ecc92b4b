package kr.jsoft.privacyportal.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.net.URL;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kr.jsoft.privacyportal.audit.AuditFilter;
import kr.jsoft.privacyportal.audit.AuditRecord;
import kr.jsoft.privacyportal.audit.AuditTrail;
import kr.jsoft.privacyportal.staff.Role;
import kr.jsoft.privacyportal.testing.MailTestbed;
import kr.jsoft.privacyportal.testing.PortalFixture;
import kr.jsoft.privacyportal.testing.StaffAccounts;
import org.htmlunit.HttpMethod;
import org.htmlunit.WebClient;
import org.htmlunit.WebRequest;
import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.util.NameValuePair;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * No role sees a working secret link of someone else's mail on the dashboard; the privacy manager
 * resends a copy instead, which reaches the recipient (GreenMail) with the link still working.
 */
class OutboxResendIT {
    private static final Pattern CONFIRM_LINK =
            Pattern.compile("https?://[^/\\s]+(/en/notices/subscribe/confirm/([A-Za-z0-9_-]+))");
    static final int PORT = MailTestbed.freePort();
    static final GreenMail SMTP = started();

    @RegisterExtension
    static PortalFixture portal = PortalFixture.builder()
            .setting("PORTAL_SMTP_HOST", "127.0.0.1")
            .setting("PORTAL_SMTP_PORT", Integer.toString(PORT))
            .setting("PORTAL_SMTP_SECURITY", "none")
            .build();
    final StaffAccounts staff = new StaffAccounts(portal);

    private static GreenMail started() {
        GreenMail smtp = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        return smtp;
    }

    @AfterAll
    static void stopSmtp() {
        SMTP.stop();
    }

    @Test
    void everyRoleSeesSecretLinksRedactedInTheListAndThePreview() throws Exception {
        String address = "redacted-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        UUID id = subscribe(address);
        String token = confirmLink(awaitMails(address, 1).get(0)).group(2);

        for (Role role : Role.values()) {
            try (WebClient browser = staff.signedIn(role)) {
                HtmlPage list = browser.getPage(portal.url("/manager/outbox"));
                HtmlPage preview = browser.getPage(portal.url("/manager/outbox/" + id));
                assertThat(preview.getWebResponse().getStatusCode()).as(role.name()).isEqualTo(200);
                assertThat(preview.getElementById("mail-text").getTextContent()).as(role.name())
                        .contains(OutboxDashboard.REDACTED).doesNotContain("/notices/subscribe/confirm/");
                assertThat(preview.getWebResponse().getContentAsString()).as(role.name()).doesNotContain(token);
                assertThat(list.getWebResponse().getContentAsString()).as(role.name()).doesNotContain(token);
                assertThat((Object) preview.querySelector("form.mail-resend")).as(role.name())
                        .matches(form -> (form != null) == (role == Role.PRIVACY_MANAGER));
            }
        }
    }

    @Test
    void thePrivacyManagerResendsACopyWhoseLinkStillWorks() throws Exception {
        String address = "resend-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        UUID id = subscribe(address);
        String firstLink = confirmLink(awaitMails(address, 1).get(0)).group(1);

        try (WebClient manager = staff.signedIn(Role.PRIVACY_MANAGER)) {
            HtmlPage preview = manager.getPage(portal.url("/manager/outbox/" + id));
            HtmlPage resent = ((HtmlElement) preview.querySelector("form.mail-resend button[type=submit]")).click();

            assertThat(resent.getUrl().getPath()).isEqualTo("/manager/outbox/" + id);
            assertThat(resent.getElementById("resend-result").getAttribute("role")).isEqualTo("status");
            assertThat(resent.getElementById("resend-result").asNormalizedText())
                    .isEqualTo("A copy of the mail is queued for its recipient.");
        }
        MimeMessage copy = awaitMails(address, 2).get(1);
        String copiedLink = confirmLink(copy).group(1);
        assertThat(copiedLink).isEqualTo(firstLink);
        try (WebClient recipient = portal.browser()) {
            HtmlPage confirm = recipient.getPage(portal.url(copiedLink));
            HtmlPage confirmed = ((HtmlElement) confirm.querySelector("main form button")).click();
            assertThat(confirmed.getUrl().getPath()).isEqualTo("/en/notices/subscribe/confirmed");
        }
        List<AuditRecord> audit = portal.server().cores().auditTrail()
                .search(new AuditFilter(null, null, null, "mail.resent", null, null), null, AuditTrail.PAGE_SIZE);
        assertThat(audit).anySatisfy(e -> {
            assertThat(e.targetId()).isEqualTo(id.toString());
            assertThat(e.actor()).startsWith("account:");
        });
    }

    @Test
    void staffCannotResendAndAResendWithoutCsrfTokenIsRefused() throws Exception {
        String address = "no-resend-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        UUID id = subscribe(address);
        awaitMails(address, 1);

        try (WebClient colleague = staff.signedIn(Role.STAFF); WebClient manager = staff.signedIn(Role.PRIVACY_MANAGER)) {
            HtmlPage page = colleague.getPage(portal.url("/manager/outbox/" + id));
            assertThat(post(colleague, id, Map.of("action", "resend", "_csrf", StaffAccounts.csrf(page))))
                    .isEqualTo(403);
            assertThat(post(manager, id, Map.of("action", "resend"))).isEqualTo(403);
        }
        assertThat(portal.server().cores().auditTrail()
                .search(new AuditFilter(null, null, null, "mail.resent", null, null), null, AuditTrail.PAGE_SIZE))
                .noneMatch(e -> e.targetId().equals(id.toString()));
    }

    private static int post(WebClient browser, UUID id, Map<String, String> form) throws Exception {
        WebRequest request = new WebRequest(new URL(portal.url("/manager/outbox/" + id)), HttpMethod.POST);
        request.setRequestParameters(form.entrySet().stream().map(e -> new NameValuePair(e.getKey(), e.getValue()))
                .toList());
        return browser.getPage(request).getWebResponse().getStatusCode();
    }

    /** Subscribes {@code address} through the public form; returns the id of the confirmation mail it queued. */
    private static UUID subscribe(String address) throws Exception {
        try (WebClient browser = portal.browser()) {
            HtmlPage form = browser.getPage(portal.url("/en/notices/subscribe"));
            HtmlForm htmlForm = form.getForms().get(0);
            htmlForm.getInputByName("email").setValue(address);
            htmlForm.getSelectByName("language").setSelectedAttribute("en", true);
            ((HtmlElement) form.querySelector("main form button[type=submit]")).click();
        }
        return portal.server().database().fromTransaction(s -> s.createSelectionQuery(
                        "from OutboxMail m where m.template = 'mail/subscription-confirm' order by m.createdAt desc",
                        OutboxMail.class).getResultList()).stream()
                .filter(m -> portal.server().mail().outbox().openRecipient(m).equals(address))
                .map(OutboxMail::id).findFirst().orElseThrow();
    }

    private static List<MimeMessage> awaitMails(String address, int count) throws Exception {
        for (int expected = SMTP.getReceivedMessages().length + 1; to(address).size() < count; expected++) {
            assertThat(SMTP.waitForIncomingEmail(15_000, expected)).as("mail to arrive").isTrue();
        }
        return to(address);
    }

    private static List<MimeMessage> to(String address) {
        return Arrays.stream(SMTP.getReceivedMessages()).filter(m -> {
            try {
                return m.getRecipients(Message.RecipientType.TO)[0].toString().equalsIgnoreCase(address);
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static Matcher confirmLink(MimeMessage message) {
        Matcher link = CONFIRM_LINK.matcher(MailTestbed.parts(message).get("text"));
        assertThat(link.find()).as("confirmation link in the mail").isTrue();
        return link;
    }
}
