package kr.jsoft.privacyportal.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Random;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class H2HousekeepingTest {
    @TempDir
    Path dir;

    /**
     * Durable commits (one chunk each) that each change one page of a large table leave most chunks
     * holding a page or two that is still alive: without housekeeping every one of them stays in the
     * file. H2's retention time is set to 0 so that chunks count as old at once (45 s otherwise).
     */
    @Test
    void oldChunksThatAreMostlyEmptyAreRewrittenAndDropped() throws SQLException {
        try (Connection connection = DriverManager.getConnection(
                H2Durability.apply("jdbc:h2:file:" + dir.resolve("portal")), "sa", "test-password")) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET RETENTION_TIME 0");
                statement.execute("CREATE TABLE kept (id INT PRIMARY KEY, body VARCHAR(200))");
            }
            Random random = new Random(1);
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO kept VALUES (?, ?)")) {
                for (int i = 0; i < 3_000; i++) {
                    insert.setInt(1, random.nextInt());
                    insert.setString(2, "x".repeat(150));
                    insert.executeUpdate(); // auto-commit: one chunk each
                }
            }
            MVStore store = ((SessionLocal) connection.unwrap(JdbcConnection.class).getSession())
                    .getDatabase().getStore().getMvStore();
            H2Housekeeping housekeeping = new H2Housekeeping(() -> store);
            int chunksBefore = info(connection, "info.CHUNK_COUNT");
            int fillRateBefore = info(connection, "info.CHUNKS_FILL_RATE");
            assertThat(fillRateBefore).isLessThan(H2Housekeeping.TARGET_FILL_RATE);

            for (int round = 0; round < 50 && housekeeping.runOnce(); round++) {
                // until the chunks are full enough
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("INSERT INTO kept VALUES (0, 'a commit after the rounds drops the emptied chunks')");
            }

            assertThat(info(connection, "info.CHUNKS_FILL_RATE")).isGreaterThanOrEqualTo(H2Housekeeping.TARGET_FILL_RATE);
            assertThat(info(connection, "info.CHUNK_COUNT")).isLessThan(chunksBefore / 10);
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM kept")) {
                rows.next();
                assertThat(rows.getInt(1)).isEqualTo(3_001);
            }
        }
    }

    @Test
    void aDatabaseClosedAndOpenedAgainIsFoundAgainByTheNextRound() {
        MVStore closed = new MVStore.Builder().open();
        MVStore reopened = new MVStore.Builder().open();
        java.util.Deque<MVStore> stores = new java.util.ArrayDeque<>(java.util.List.of(closed, reopened));
        java.util.List<MVStore> handedOut = new java.util.ArrayList<>();
        H2Housekeeping housekeeping = new H2Housekeeping(() -> {
            MVStore next = stores.pop();
            handedOut.add(next);
            return next;
        });
        closed.close();

        housekeeping.runQuietly();
        housekeeping.runQuietly();

        assertThat(handedOut).containsExactly(closed, reopened);
        reopened.close();
    }

    private static int info(Connection connection, String name) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = ?")) {
            query.setString(1, name);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return Integer.parseInt(row.getString(1));
            }
        }
    }
}
