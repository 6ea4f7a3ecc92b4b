package kr.jsoft.privacyportal.erasure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ErasureJournalTest {
    private static final Instant NOW = Instant.parse("2026-11-30T00:00:00Z");

    @TempDir
    Path dir;

    @Test
    void recordedEntriesSurviveAReopenAndKeepTheirOrder() {
        ErasureJournal journal = journal(NOW);
        String first = UUID.randomUUID().toString();
        journal.record(null, "device", first);
        journal.record(null, "device", "D-2026-000123");

        assertThat(journal(NOW).entries()).extracting(ErasureJournal.Entry::id)
                .containsExactly(first, "D-2026-000123");
    }

    @Test
    void anythingButAnOpaqueIdIsRefused() {
        ErasureJournal journal = journal(NOW);

        assertThatThrownBy(() -> journal.record(null, "device", "01012345678"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> journal.record(null, "device", "someone@example.com"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(journal.entries()).isEmpty();
    }

    @Test
    void anUnregisteredKindIsRefusedSoNoEntryCanBeReappliedByNobody() {
        ErasureJournal journal = new ErasureJournal(dir, Clock.fixed(NOW, ZoneOffset.UTC));

        assertThatThrownBy(() -> journal.record(null, "device", UUID.randomUUID().toString()))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void pruningDropsOnlyEntriesOlderThanTheOldestKeptBackup() {
        journal(NOW.minus(Duration.ofDays(40))).record(null, "device", UUID.randomUUID().toString());
        String recent = UUID.randomUUID().toString();
        journal(NOW.minus(Duration.ofDays(2))).record(null, "device", recent);

        ErasureJournal journal = journal(NOW);
        assertThat(journal.pruneBefore(NOW.minus(Duration.ofDays(35)))).isEqualTo(1);
        assertThat(journal.entries()).extracting(ErasureJournal.Entry::id).containsExactly(recent);
    }

    @Test
    void aTornLastLineFromACrashIsSkipped() throws IOException {
        String id = UUID.randomUUID().toString();
        journal(NOW).record(null, "device", id);
        Files.writeString(dir.resolve(ErasureJournal.FILE_NAME), "{\"at\":\"2026-11", StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);

        ErasureJournal reopened = journal(NOW);
        String next = UUID.randomUUID().toString();
        reopened.record(null, "device", next);

        assertThat(reopened.entries()).extracting(ErasureJournal.Entry::id).containsExactly(id, next);
    }

    @Test
    void reapplyingErasesEveryEntryAgainAndCountsWhatWasFound() {
        String destroyed = UUID.randomUUID().toString();
        String restored = UUID.randomUUID().toString();
        java.util.List<String> asked = new java.util.ArrayList<>();
        ErasureJournal journal = new ErasureJournal(dir, Clock.fixed(NOW, ZoneOffset.UTC));
        journal.register("device", (session, id) -> asked.add(id) && id.equals(restored));
        journal.record(null, "device", destroyed);
        journal.record(null, "device", restored);

        try (kr.jsoft.privacyportal.persistence.Database database = kr.jsoft.privacyportal.persistence.Database.open(
                new kr.jsoft.privacyportal.persistence.DatabaseSettings("jdbc:h2:mem:" + UUID.randomUUID(), "sa", "", 2,
                        Duration.ofSeconds(5)), java.util.List.of())) {
            ErasureJournal.Reapplied result = journal.reapply(database);

            assertThat(asked).containsExactly(destroyed, restored);
            assertThat(result.entries()).containsEntry("device", 2);
            assertThat(result.erasedAgainTotal()).isEqualTo(1);
        }
    }

    @Test
    void entriesOfAKindNoFeatureErasesStopTheStartRatherThanBringDataBack() {
        journal(NOW).record(null, "device", UUID.randomUUID().toString());
        ErasureJournal withoutEraser = new ErasureJournal(dir, Clock.fixed(NOW, ZoneOffset.UTC));

        assertThatThrownBy(() -> withoutEraser.reapply(null)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("device");
    }

    @Test
    void twoInstancesSharingTheDirectoryLoseNoEntryWhileOnePrunes() throws Exception {
        ErasureJournal first = journal(NOW);
        ErasureJournal second = journal(NOW);
        first.record(null, "device", UUID.randomUUID().toString());
        java.util.List<String> written = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        Thread writer = new Thread(() -> {
            for (int i = 0; i < 200; i++) {
                String id = UUID.randomUUID().toString();
                second.record(null, "device", id);
                written.add(id);
            }
        });
        writer.start();
        ErasureJournal old = journal(NOW.minus(Duration.ofDays(40)));
        int pruned = 0;
        for (int i = 0; i < 50; i++) {
            old.record(null, "device", UUID.randomUUID().toString());
            pruned += first.pruneBefore(NOW.minus(Duration.ofDays(1)));
        }
        writer.join();

        assertThat(pruned).isEqualTo(50);
        assertThat(journal(NOW).entries()).extracting(ErasureJournal.Entry::id).containsAll(written).hasSize(201);
    }

    @Test
    void theJournalFileIsReadableByItsOwnerOnly() throws IOException {
        journal(NOW);

        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(dir.resolve(ErasureJournal.FILE_NAME)))).isEqualTo("rw-------");
    }

    @Test
    void manyErasuresOfOneTransactionAreOneAppendAndAreReappliedInBatches() {
        ErasureJournal journal = new ErasureJournal(dir, Clock.fixed(NOW, ZoneOffset.UTC));
        java.util.List<java.util.List<String>> batches = new java.util.ArrayList<>();
        journal.register("mail", ErasureJournal.Eraser.inBatches((session, ids) -> {
            batches.add(ids);
            return ids.size() / 2;
        }));
        java.util.List<String> ids = java.util.stream.IntStream.range(0, 1200)
                .mapToObj(i -> UUID.randomUUID().toString()).toList();
        journal.recordAll(null, "mail", ids);
        journal.recordAll(null, "mail", ids.subList(0, 10)); // journalled twice: erased once

        try (kr.jsoft.privacyportal.persistence.Database database = kr.jsoft.privacyportal.persistence.Database.open(
                new kr.jsoft.privacyportal.persistence.DatabaseSettings("jdbc:h2:mem:" + UUID.randomUUID(), "sa", "", 2,
                        Duration.ofSeconds(5)), java.util.List.of())) {
            ErasureJournal.Reapplied result = journal.reapply(database);

            assertThat(batches).extracting(java.util.List::size).containsExactly(500, 500, 200);
            assertThat(result.entries()).containsEntry("mail", 1210);
            assertThat(result.erasedAgainTotal()).isEqualTo(600);
        }
    }

    @Test
    void subscriberIdsWithTheirCreationTimeAreOpaqueEnough() {
        ErasureJournal journal = journal(NOW);
        journal.register("subscriber", (session, id) -> false);
        journal.record(null, "subscriber", "S-42.1764471600000000");
        assertThatThrownBy(() -> journal.record(null, "subscriber", "42"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private ErasureJournal journal(Instant now) {
        ErasureJournal journal = new ErasureJournal(dir, Clock.fixed(now, ZoneOffset.UTC));
        journal.register("device", (session, id) -> false);
        return journal;
    }
}
