package kr.jsoft.privacyportal.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.util.UUID;
import kr.jsoft.privacyportal.testing.Await;
import kr.jsoft.privacyportal.testing.MailTestbed;
import kr.jsoft.privacyportal.testing.PortalFixture;
import kr.jsoft.privacyportal.web.Lang;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A running portal's own mail workers against a real SMTP server (GreenMail) that goes down and
 * comes back on the same port: waiting mail costs no attempts and goes out within one probe
 * interval (on the portal's clock) of the relay answering again.
 */
class RelayRecoveryIT {
    static final int SMTP_PORT = MailTestbed.freePort();
    static GreenMail smtp = relay();

    @RegisterExtension
    static PortalFixture portal = PortalFixture.builder()
            .setting("PORTAL_SMTP_HOST", "127.0.0.1")
            .setting("PORTAL_SMTP_PORT", Integer.toString(SMTP_PORT))
            .setting("PORTAL_SMTP_SECURITY", "none")
            .setting("PORTAL_MAIL_MAX_ATTEMPTS", "1")
            .build();

    private static GreenMail relay() {
        GreenMail server = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        return server;
    }

    @AfterAll
    static void stopSmtp() {
        smtp.stop();
    }

    private static OutboxMail row(UUID id) {
        return portal.server().database().fromTransaction(s -> s.find(OutboxMail.class, id));
    }

    @Test
    void mailEnqueuedDuringAnOutageGoesOutOnceTheRelayAnswersWithoutSpendingAnAttempt() {
        smtp.stop();
        Outbox outbox = portal.server().mail().outbox();
        UUID id = portal.server().database().fromTransaction(session -> outbox.enqueue(session,
                OutgoingMail.to("comeback@example.com", Lang.EN, "mail/subscription-confirm")
                        .with("confirmUrl", "/x").with("validHours", "48")));

        OutboxMail waiting = Await.until("the workers find the relay down", () -> row(id),
                mail -> mail.lastError() != null);
        assertThat(waiting.state()).as("one allowed attempt, not spent on an outage").isEqualTo(MailState.PENDING);
        assertThat(waiting.attempts()).isZero();

        smtp = relay();
        portal.clock().advance(MailDispatcher.PROBE_EVERY);

        Await.until("the mail is sent", () -> row(id).state() == MailState.SENT);
        assertThat(smtp.getReceivedMessages()).hasSize(1);
    }
}
