package kr.jsoft.privacyportal.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import kr.jsoft.privacyportal.testing.MailTestbed;
import kr.jsoft.privacyportal.testing.PortalFixture;

/** A GreenMail server for one test class, and the portal settings that send to it. */
final class ComplaintMails {
    final int port = MailTestbed.freePort();
    final GreenMail smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    ComplaintMails() {
        smtp.start();
    }

    PortalFixture.Builder portal() {
        return PortalFixture.builder()
                .setting("PORTAL_SMTP_HOST", "127.0.0.1")
                .setting("PORTAL_SMTP_PORT", Integer.toString(port))
                .setting("PORTAL_SMTP_SECURITY", "none")
                .setting("PORTAL_MANAGER_ALERT_EMAIL", "privacy-manager@jsoft.test");
    }

    List<MimeMessage> to(String address) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> MailTestbed.recipient(m).equalsIgnoreCase(address)).toList();
    }

    /** Waits until {@code address} has at least {@code count} mails; returns the {@code count}-th. */
    MimeMessage await(String address, int count) {
        for (int expected = smtp.getReceivedMessages().length + 1; to(address).size() < count; expected++) {
            assertThat(smtp.waitForIncomingEmail(15_000, expected)).as("mail to arrive").isTrue();
        }
        return to(address).get(count - 1);
    }

    /** Waits until {@code address} has {@code count} mails whose text contains {@code needle}; returns the last. */
    MimeMessage awaitContaining(String address, String needle, int count) {
        for (int expected = smtp.getReceivedMessages().length + 1; matching(address, needle).size() < count; expected++) {
            assertThat(smtp.waitForIncomingEmail(15_000, expected)).as("mail to arrive").isTrue();
        }
        return matching(address, needle).get(count - 1);
    }

    List<MimeMessage> matching(String address, String needle) {
        return to(address).stream().filter(m -> text(m).contains(needle) || subject(m).contains(needle)).toList();
    }

    static String text(MimeMessage message) {
        return MailTestbed.parts(message).get("text");
    }

    static String subject(MimeMessage message) {
        return MailTestbed.subject(message);
    }


    void stop() {
        smtp.stop();
    }
}
