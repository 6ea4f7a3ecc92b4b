package kr.jsoft.privacyportal.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The database itself refuses a version in force without its notice period (V6_1), whatever
 * code or person writes the row: plain JDBC here, on H2 and (with -Ppostgresql) PostgreSQL.
 */
class NoticePeriodConstraintIT {
    static final Instant POSTED = LifecycleHarness.MIDNIGHT_KST;
    private LifecycleHarness harness;
    private Connection connection;

    @BeforeEach
    void openDatabase() throws Exception {
        harness = new LifecycleHarness().importFolder();
        connection = DriverManager.getConnection(harness.databaseSettings.url(), harness.databaseSettings.user(),
                harness.databaseSettings.password());
    }

    @AfterEach
    void closeDatabase() throws SQLException {
        connection.close();
        harness.close();
    }

    @Test
    void anInsertWithSixDaysTwentyThreeHoursOfNoticeIsRejected() {
        assertRejected(() -> insert("too-soon", POSTED, POSTED.plus(Duration.ofDays(7).minusHours(1)), false, false));
    }

    @Test
    void anInsertWithExactlySevenDaysOfNoticeIsAccepted() throws SQLException {
        insert("seven-days", POSTED, POSTED.plus(Duration.ofDays(7)), false, false);

        assertThat(effectiveAt("seven-days")).contains(POSTED.plus(Duration.ofDays(7)));
    }

    @Test
    void anUnfavourableInsertNeedsThirtyDays() throws SQLException {
        assertRejected(() -> insert("unfavourable-soon", POSTED, POSTED.plus(Duration.ofDays(29)), true, false));
        insert("unfavourable-30", POSTED, POSTED.plus(Duration.ofDays(30)), true, false);

        assertThat(effectiveAt("unfavourable-soon")).isEmpty();
        assertThat(effectiveAt("unfavourable-30")).contains(POSTED.plus(Duration.ofDays(30)));
    }

    @Test
    void anInsertInForceWithoutAnyNoticeIsRejected() {
        assertRejected(() -> insert("no-notice", null, POSTED, false, false));
    }

    @Test
    void aSecondBaselineCannotBeSlippedInForTheFuture() {
        assertRejected(() -> insert("fake-baseline", null, POSTED.plus(Duration.ofDays(1)), false, true));
    }

    @Test
    void anUpdateBringingADraftIntoForceAtOnceIsRejected() throws SQLException {
        UUID notice = postNotice(connection, "2027-01-portal", POSTED);
        assertRejected(() -> update("UPDATE policy_version SET notice_posted_at = ?, effective_at = ?, notice_id = '"
                + notice + "' WHERE label = '2027-01-portal'", POSTED, POSTED.plus(Duration.ofDays(7))));
    }

    @Test
    void anUpdateMovingAScheduledVersionEarlierIsRejected() throws SQLException {
        insert("scheduled", POSTED, POSTED.plus(Duration.ofDays(10)), false, false);

        assertRejected(() -> update("UPDATE policy_version SET effective_at = ? WHERE label = 'scheduled'",
                POSTED.plus(Duration.ofDays(3)), null));
    }

    @Test
    void anUpdateMarkingATenDayRevisionUnfavourableIsRejected() throws SQLException {
        insert("unfavourable", POSTED, POSTED.plus(Duration.ofDays(10)), false, false);

        assertRejected(() -> update("UPDATE policy_version SET unfavourable = TRUE WHERE label = 'unfavourable'",
                null, null));
    }

    private void insert(String label, Instant posted, Instant effective, boolean unfavourable, boolean baseline)
            throws SQLException {
        // The notice date is the notice row's own (V18_20): a dated version comes with its notice.
        UUID notice = posted == null ? null : postNotice(connection, label, posted);
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO policy_version (id, label,"
                + " effective_at, notice_posted_at, notice_id, baseline, baseline_slot, withdrawn_at,"
                + " authoritative_language, reference_translations, unfavourable, summary_ko, summary_en,"
                + " metadata_json, metadata_sha256, imported_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, NULL, 'en', 'ko', ?, 'ko', 'en', '{}', 'x', ?)")) {
            insert.setObject(1, UUID.randomUUID());
            insert.setString(2, label);
            instant(insert, 3, effective);
            instant(insert, 4, posted);
            insert.setObject(5, notice);
            insert.setBoolean(6, baseline);
            if (baseline) {
                insert.setBoolean(7, true);
            } else {
                insert.setNull(7, java.sql.Types.BOOLEAN);
            }
            insert.setBoolean(8, unfavourable);
            insert.setObject(9, utc(POSTED));
            insert.executeUpdate();
        }
    }

    /** A revision notice for {@code label} posted at {@code posted}, as a direct INSERT would make it. */
    static UUID postNotice(Connection connection, String label, Instant posted) throws SQLException {
        UUID id = UUID.randomUUID();
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO notice (id, kind, version_label,"
                + " posted_at, title_ko, title_en, body_ko, body_en) VALUES (?, 'REVISION', ?, ?, 't', 't', 'b', 'b')")) {
            insert.setObject(1, id);
            insert.setString(2, label);
            insert.setObject(3, utc(posted));
            insert.executeUpdate();
        }
        return id;
    }

    /** The stored row's effective time, read back through the same connection. */
    private Optional<Instant> effectiveAt(String label) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT effective_at FROM policy_version WHERE label = ?")) {
            select.setString(1, label);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(rows.getObject(1, java.time.OffsetDateTime.class).toInstant())
                        : Optional.empty();
            }
        }
    }

    private void update(String sql, Instant first, Instant second) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(sql)) {
            if (first != null) {
                update.setObject(1, utc(first));
            }
            if (second != null) {
                update.setObject(2, utc(second));
            }
            update.executeUpdate();
        }
    }

    private static void instant(PreparedStatement statement, int index, Instant instant) throws SQLException {
        if (instant == null) {
            statement.setNull(index, java.sql.Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            statement.setObject(index, utc(instant));
        }
    }

    static java.time.OffsetDateTime utc(Instant instant) {
        return instant.atOffset(java.time.ZoneOffset.UTC);
    }

    interface Statement {
        void run() throws SQLException;
    }

    /** SQLSTATE class 23: integrity constraint violation (H2 23513, PostgreSQL 23514). */
    private static void assertRejected(Statement statement) {
        assertThatThrownBy(statement::run).isInstanceOfSatisfying(SQLException.class, e -> {
            assertThat(e.getSQLState()).startsWith("23");
            assertThat(e.getMessage().toLowerCase(java.util.Locale.ROOT)).contains("policy_version_");
        });
    }
}
