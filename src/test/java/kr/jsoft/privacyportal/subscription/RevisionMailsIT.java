package kr.jsoft.privacyportal.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kr.jsoft.privacyportal.audit.AuditEvent;
import kr.jsoft.privacyportal.testing.MailTestbed;
import kr.jsoft.privacyportal.testing.PortalFixture;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Scheduling a revision mails its notice to every confirmed subscriber (the policy's individual notice). */
class RevisionMailsIT {
    static final int SMTP_PORT = MailTestbed.freePort();
    static final GreenMail smtp = started();

    @RegisterExtension
    static PortalFixture portal = PortalFixture.builder()
            .setting("PORTAL_SMTP_HOST", "127.0.0.1")
            .setting("PORTAL_SMTP_PORT", Integer.toString(SMTP_PORT))
            .setting("PORTAL_SMTP_SECURITY", "none")
            .setting("PORTAL_POLICIES_DIR", Path.of("policies").toAbsolutePath().toString())
            .build();

    private static GreenMail started() {
        GreenMail greenMail = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        return greenMail;
    }

    @AfterAll
    static void stopSmtp() {
        smtp.stop();
    }

    private static MimeMessage[] mailsTo(String address) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> NoticeFanOutIT.recipient(m).equals(address))
                .toArray(MimeMessage[]::new);
    }

    private static MimeMessage awaitMailTo(String address, int count) {
        for (int expected = smtp.getReceivedMessages().length + 1; mailsTo(address).length < count; expected++) {
            assertThat(smtp.waitForIncomingEmail(30_000, expected)).as("mail to arrive").isTrue();
        }
        return mailsTo(address)[count - 1];
    }

    @Test
    void schedulingTheRevisionMailsItsNoticeToConfirmedSubscribers() throws Exception {
        String reader = "revision.reader@example.com";
        try (WebClient browser = portal.browser()) {
            HtmlPage form = browser.getPage(portal.url("/en/notices/subscribe"));
            HtmlForm htmlForm = form.getForms().get(0);
            htmlForm.getInputByName("email").setValue(reader);
            htmlForm.getSelectByName("language").setSelectedAttribute("en", true);
            ((HtmlElement) form.querySelector("main form button[type=submit]")).click();
            Matcher link = Pattern.compile("http://localhost:\\d+(/en/notices/subscribe/confirm/[A-Za-z0-9_-]+)")
                    .matcher(MailTestbed.parts(awaitMailTo(reader, 1)).get("text"));
            assertThat(link.find()).isTrue();
            HtmlPage confirm = browser.getPage(portal.url(link.group(1)));
            ((HtmlElement) confirm.querySelector("main form button")).click();
        }
        LocalDate effective = LocalDate.ofInstant(portal.clock().instant(), ZoneId.of("Asia/Seoul")).plusDays(31);

        portal.server().policyLifecycle().schedule("2027-01-portal", effective, null,
                AuditEvent.staff("00000000-0000-0000-0000-00000000000a", "127.0.0.1", "test"));

        MimeMessage notice = awaitMailTo(reader, 2);
        assertThat(notice.getSubject()).contains("2027-01-portal");
        assertThat(MailTestbed.parts(notice).get("text")).contains("/en/policy/2027-01-portal",
                "/en/policy/compare?from=2023-09-01");
        assertThat(MailTestbed.parts(notice).get("html")).contains("<h1>", "/en/policy/2027-01-portal", "/unsubscribe/");
        assertThat(notice.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
    }
}
