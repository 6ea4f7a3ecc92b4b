package kr.jsoft.privacyportal.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import kr.jsoft.privacyportal.simulator.ApprovalRule;
import kr.jsoft.privacyportal.simulator.DeviceStore;
import kr.jsoft.privacyportal.simulator.ReferenceDevice;
import kr.jsoft.privacyportal.testing.Await;
import kr.jsoft.privacyportal.testing.PortalFixture;
import kr.jsoft.privacyportal.testing.TestDevice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Work lives in the database: a portal that stops in the middle of a delivery loses nothing. */
class RestartIT {

    @RegisterExtension
    static PortalFixture portal = PortalFixture.builder()
            .setting("PORTAL_PUSH_ALLOW_PRIVATE_ENDPOINTS", "true")
            .build();

    @TempDir
    Path dir;

    @Test
    void aCommandClaimedByAWorkerThatDiedIsDeliveredAfterTheRestartOnceTheLeaseRunsOut() throws Exception {
        try (ReferenceDevice phone = new ReferenceDevice(() -> portal.uri("/"), new DeviceStore(dir).seed(4, 1),
                ApprovalRule.approve(), portal.clock(), System.out).start()) {
            phone.register("010-4000-0001", n -> TestDevice.codeIn(portal.server().devices().smsInbox().orElseThrow()
                    .latestTo(n).orElseThrow().text()));
            UUID deviceId = UUID.fromString(phone.deviceId());
            // A worker of another instance claims the new command and dies before sending: its lease stays.
            UUID command = portal.server().database().fromTransaction(session -> {
                UUID id = portal.server().commands().commands().wipeAppData(session, deviceId, "restart-test",
                        Commands.DEFAULT_EXPIRY);
                session.flush();
                CommandQueries.claim(session, java.util.List.of(id), "dead-worker", portal.clock().instant(),
                        portal.clock().instant().plus(kr.jsoft.privacyportal.jobs.JobLeases.DEFAULT_LEASE));
                return id;
            });

            portal.restart();
            assertThat(portal.server().commands().wakeUps().dispatchDue()).as("leased by the dead worker").isZero();
            assertThat(portal.server().commands().commands().view(command).orElseThrow().state())
                    .isEqualTo(CommandState.QUEUED);

            portal.clock().advance(kr.jsoft.privacyportal.jobs.JobLeases.DEFAULT_LEASE.plus(Duration.ofSeconds(1)));
            portal.server().commands().wakeUps().dispatchDue();

            Await.until("the wipe completed after the restart", () -> portal.server().commands().commands()
                    .view(command).orElseThrow().state() == CommandState.COMPLETED);
            assertThat(phone.store().counts()).containsEntry("contacts", 0L);
        }
    }
}
