package kr.jsoft.privacyportal.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.concurrent.TimeUnit;
import kr.jsoft.privacyportal.mail.DevelopmentMailbox;
import kr.jsoft.privacyportal.testing.PortalFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The daily signed chain head is also mailed to the privacy manager, a copy outside the database. */
class AuditHeadMailIT {
    @RegisterExtension
    static PortalFixture portal = PortalFixture.builder().build();

    @Test
    void signedHeadIsMailedToTheManagerAlertAddress() {
        AuditHeads.SignedHead head = portal.server().cores().auditHeads().sign();
        DevelopmentMailbox mailbox = portal.server().mail().developmentMailbox().orElseThrow();

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        Optional<DevelopmentMailbox.ReceivedMail> mailed = Optional.empty();
        while (mailed.isEmpty() && System.nanoTime() < deadline) {
            mailed = mailbox.recent().stream().filter(m -> m.text().contains(head.jws())).findFirst();
            Thread.onSpinWait();
        }

        assertThat(mailed).as("the head's JWS arrives by mail").isPresent();
        assertThat(mailed.get().text()).contains(Long.toString(head.seq()), head.hash());
    }
}
