package kr.jsoft.privacyportal.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
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

/** Every schedule and every withdrawal of a revision is a notice of its own, mailed once, whatever came before. */
class RevisionRescheduleIT {
    static final int SMTP_PORT = MailTestbed.freePort();
    static final GreenMail smtp = started();
    private static final String LABEL = "2027-01-portal";
    private static final AuditEvent BY = AuditEvent.staff("00000000-0000-0000-0000-00000000000a", "127.0.0.1", "test");

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

    @Test
    void withdrawingAndSchedulingAgainForTheSameDateMailsEveryNoticeAndRearmsTheReminder() throws Exception {
        String reader = "reschedule.reader@example.com";
        subscribe(reader);
        LocalDate effective = LocalDate.ofInstant(portal.clock().instant(), ZoneId.of("Asia/Seoul")).plusDays(31);
        var lifecycle = portal.server().policyLifecycle();

        lifecycle.schedule(LABEL, effective, null, BY);
        awaitMailTo(reader, 2);
        lifecycle.withdraw(LABEL, BY);
        awaitMailTo(reader, 3);
        lifecycle.schedule(LABEL, effective, null, BY);
        awaitMailTo(reader, 4);
        lifecycle.withdraw(LABEL, BY);
        awaitMailTo(reader, 5);
        lifecycle.schedule(LABEL, effective, null, BY);
        awaitMailTo(reader, 6);
        // The effective date's morning in Seoul: only the last schedule's reminder is still armed.
        portal.clock().set(effective.atTime(9, 1).atZone(ZoneId.of("Asia/Seoul")).toInstant());
        awaitMailTo(reader, 7);

        assertThat(subjectsTo(reader).subList(1, 7)).satisfiesExactly(
                s -> assertThat(s).startsWith("The privacy policy will change"),
                s -> assertThat(s).startsWith("Withdrawn"),
                s -> assertThat(s).startsWith("The privacy policy will change"),
                s -> assertThat(s).startsWith("Withdrawn"),
                s -> assertThat(s).startsWith("The privacy policy will change"),
                s -> assertThat(s).startsWith("The privacy policy changes today"));
        assertThat(portal.server().subscriptions().fanOut().runDue()).as("nothing else is due").isZero();
        assertThat(mailsTo(reader)).hasSize(7);
    }

    private void subscribe(String reader) throws Exception {
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
    }

    private static MimeMessage[] mailsTo(String address) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> NoticeFanOutIT.recipient(m).equals(address))
                .toArray(MimeMessage[]::new);
    }

    private static List<String> subjectsTo(String address) {
        return Arrays.stream(mailsTo(address)).map(m -> {
            try {
                return m.getSubject();
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static MimeMessage awaitMailTo(String address, int count) {
        for (int expected = smtp.getReceivedMessages().length + 1; mailsTo(address).length < count; expected++) {
            assertThat(smtp.waitForIncomingEmail(30_000, expected)).as("mail " + count + " to arrive").isTrue();
        }
        return mailsTo(address)[count - 1];
    }
}
