package kr.jsoft.privacyportal.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import kr.jsoft.privacyportal.testing.Await;
import kr.jsoft.privacyportal.testing.PortalFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A finished command's delivery details are purged once their retention ends; the record stays. */
class CommandHistoryIT {
    private static final Duration RETENTION = Duration.ofDays(90);

    @RegisterExtension
    static PortalFixture portal = PortalFixture.builder()
            .setting("PORTAL_COMMAND_HISTORY_RETENTION", "90d")
            .build();

    private Commands commands() {
        return portal.server().commands().commands();
    }

    private long wakeUpsOf(UUID command) {
        return portal.server().database().fromTransaction(session -> (long) CommandQueries.wakeUpsOf(session, command)
                .size());
    }

    private String payloadOf(UUID command) {
        return portal.server().database().fromTransaction(session -> session.find(DeviceCommand.class, command)
                .signedCommand());
    }

    @Test
    void wakeUpAttemptsAndThePayloadOfACommandFinishedLongerAgoThanTheRetentionArePurged() throws Exception {
        // A device without a push address: every wake-up attempt is recorded as NO_ADDRESS.
        UUID finished = portal.server().database().fromTransaction(session -> commands().notify(session,
                UUID.randomUUID(), new Notice("test", "history test"), "history-" + UUID.randomUUID(),
                Duration.ofMinutes(5)));
        Await.until("the first wake-up attempt is recorded", () -> wakeUpsOf(finished) > 0);
        portal.clock().advance(Duration.ofMinutes(6));
        commands().expireOverdue();
        assertThat(commands().view(finished).orElseThrow().state()).isEqualTo(CommandState.EXPIRED);

        assertThat(commands().purgeHistory(RETENTION)).as("finished only now").isZero();
        assertThat(wakeUpsOf(finished)).isPositive();

        portal.clock().advance(RETENTION.minusDays(1));
        UUID open = portal.server().database().fromTransaction(session -> commands().notify(session,
                UUID.randomUUID(), new Notice("test", "still open"), "history-" + UUID.randomUUID(),
                Duration.ofDays(30)));
        Await.until("the open command's wake-up is recorded", () -> wakeUpsOf(open) > 0);
        assertThat(commands().purgeHistory(RETENTION)).as("a day before the retention ends").isZero();

        portal.clock().advance(Duration.ofDays(1).plusMinutes(1));
        assertThat(commands().purgeHistory(RETENTION)).isPositive();

        assertThat(wakeUpsOf(finished)).isZero();
        assertThat(payloadOf(finished)).isEqualTo(DeviceCommand.ERASED);
        assertThat(commands().view(finished).orElseThrow().state()).as("the record stays")
                .isEqualTo(CommandState.EXPIRED);
        assertThat(wakeUpsOf(open)).as("an open command keeps its history").isPositive();
        assertThat(payloadOf(open)).isNotEqualTo(DeviceCommand.ERASED);
        assertThat(commands().purgeHistory(RETENTION)).as("nothing left to purge").isZero();
    }

    @Test
    void aBacklogLargerThanOneBatchIsPurgedCompletelyInOneRun() {
        String reference = "history-backlog-" + UUID.randomUUID();
        int count = 2 * Commands.PURGE_BATCH + 1;
        java.util.List<UUID> ids = portal.server().database().fromTransaction(session -> {
            java.util.List<UUID> created = new java.util.ArrayList<>();
            for (int i = 0; i < count; i++) {
                created.add(commands().notify(session, UUID.randomUUID(), new Notice("test", "backlog"), reference,
                        Duration.ofMinutes(5)));
            }
            return created;
        });
        portal.clock().advance(Duration.ofMinutes(6));
        commands().expireOverdue();
        portal.clock().advance(RETENTION.plusDays(1));

        commands().purgeHistory(RETENTION);

        long left = portal.server().database().fromTransaction(session -> session.createSelectionQuery(
                        "select count(c) from DeviceCommand c where c.reference = :reference and c.signedCommand <> :erased",
                        Long.class)
                .setParameter("reference", reference)
                .setParameter("erased", DeviceCommand.ERASED)
                .getSingleResult());
        assertThat(left).isZero();
        assertThat(ids.stream().mapToLong(this::wakeUpsOf).sum()).isZero();
        java.util.List<CommandView> views = portal.server().database().fromTransaction(
                session -> commands().byReference(session, reference));
        assertThat(views).hasSize(count)
                .allMatch(view -> view.state() == CommandState.EXPIRED);
    }
}
