package kr.jsoft.privacyportal.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import kr.jsoft.privacyportal.testing.PortalFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Several dispatchers (threads or instances) claiming wake-ups at once take different rows. */
class WakeUpClaimIT {

    @RegisterExtension
    static PortalFixture portal = PortalFixture.builder().build();

    @Test
    void aDispatcherTakesOtherDueCommandsWhileAnotherIsInTheMiddleOfItsClaim() throws Exception {
        String reference = "claim-" + UUID.randomUUID();
        Instant now = portal.clock().instant();
        // Due five days from now, so that this portal's own dispatcher (on the same clock) leaves them alone.
        Instant later = now.plus(Duration.ofDays(6));
        portal.server().database().inTransaction(session -> {
            for (int i = 0; i < 2 * WakeUpDispatcher.BATCH; i++) {
                portal.server().commands().commands().notify(session, UUID.randomUUID(),
                        new Notice("test", "claim test"), reference, Duration.ofDays(30));
            }
            session.flush();
            session.createMutationQuery("update DeviceCommand c set c.nextWakeAt = :at where c.reference = :reference")
                    .setParameter("at", now.plus(Duration.ofDays(5)))
                    .setParameter("reference", reference)
                    .executeUpdate();
        });
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            Future<List<UUID>> held = other.submit(() -> portal.server().database().fromTransaction(session -> {
                List<UUID> ids = CommandQueries.dueLocked(session, later, WakeUpDispatcher.BATCH).stream()
                        .map(DeviceCommand::id).toList();
                locked.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                return ids;
            }));
            locked.await();

            List<UUID> mine = portal.server().database().fromTransaction(session ->
                    CommandQueries.dueLocked(session, later, WakeUpDispatcher.BATCH).stream()
                            .map(DeviceCommand::id).toList());

            release.countDown();
            List<UUID> theirs = held.get();
            assertThat(theirs).hasSize(WakeUpDispatcher.BATCH);
            assertThat(mine).as("a full batch of other commands, not the same ones and not nothing")
                    .hasSize(WakeUpDispatcher.BATCH).doesNotContainAnyElementsOf(theirs);
        } finally {
            release.countDown();
            other.shutdown();
        }
    }
}
