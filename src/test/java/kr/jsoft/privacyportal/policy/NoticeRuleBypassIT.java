package kr.jsoft.privacyportal.policy;

import static kr.jsoft.privacyportal.policy.NoticePeriodConstraintIT.postNotice;
import static kr.jsoft.privacyportal.policy.NoticePeriodConstraintIT.utc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.persistence.OptimisticLockException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import kr.jsoft.privacyportal.audit.AuditLog;
import kr.jsoft.privacyportal.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every way around the notice rule by direct SQL is refused by the database or detected by the
 * portal's integrity check and shown as tampering: on H2 and (with -Ppostgresql) PostgreSQL,
 * where triggers (V18_21) refuse what H2 can only detect.
 */
class NoticeRuleBypassIT {
    static final String DRAFT = "2027-01-portal";
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
    void aSecondBaselineInForceAtOnceIsRefused() {
        Instant past = LifecycleHarness.MIDNIGHT_KST.minus(Duration.ofDays(1));

        assertRefused(() -> insertVersion("second-baseline", past, true, true, false));
        assertRefused(() -> insertVersion("second-baseline-unslotted", past, true, false, false));
        assertThat(integrity()).isEmpty();
    }

    @Test
    void aNoticeDateNotTiedToItsNoticeIsRefused() throws SQLException {
        UUID otherVersionsNotice = postNotice(connection, "2023-09-01", LifecycleHarness.MIDNIGHT_KST);

        assertRefused(() -> execute("UPDATE policy_version SET notice_posted_at = ?, effective_at = ?, notice_id = '"
                + UUID.randomUUID() + "' WHERE label = '" + DRAFT + "'", LifecycleHarness.MIDNIGHT_KST,
                LifecycleHarness.MIDNIGHT_KST.plus(Duration.ofDays(40))));
        assertRefused(() -> execute("UPDATE policy_version SET notice_posted_at = ?, effective_at = ?, notice_id = '"
                + otherVersionsNotice + "' WHERE label = '" + DRAFT + "'", LifecycleHarness.MIDNIGHT_KST,
                LifecycleHarness.MIDNIGHT_KST.plus(Duration.ofDays(40))));
    }

    @Test
    void backdatingAScheduledVersionsNoticeIsRefused() throws SQLException {
        schedule(DRAFT, 32);

        assertRefused(() -> execute("UPDATE policy_version SET notice_posted_at = ? WHERE label = '" + DRAFT + "'",
                LifecycleHarness.MIDNIGHT_KST.minus(Duration.ofDays(30)), null));
        assertRefused(() -> execute("UPDATE notice SET posted_at = ? WHERE version_label = '" + DRAFT
                + "' AND kind = 'REVISION'", LifecycleHarness.MIDNIGHT_KST.minus(Duration.ofDays(30)), null));
        assertThat(integrity()).isEmpty();
    }

    @Test
    void clearingUnfavourableIsRefusedOrDetected() throws SQLException {
        schedule(DRAFT, 32);

        refusedOnPostgresqlDetectedOnH2("UPDATE policy_version SET unfavourable = FALSE WHERE label = '" + DRAFT + "'",
                DRAFT, PolicyIntegrity.Reason.CHANGED_OUTSIDE_PORTAL);
    }

    @Test
    void editingAPublishedTextIsRefusedOrDetected() {
        refusedOnPostgresqlDetectedOnH2("UPDATE policy_text SET markdown = 'We sell your data.' WHERE version_id ="
                + " (SELECT id FROM policy_version WHERE label = '2023-09-01') AND lang = 'en'",
                "2023-09-01", PolicyIntegrity.Reason.TEXT_ALTERED);
    }

    @Test
    void editingAPublishedTextWithAMatchingHashIsRefusedOrDetected() {
        String text = "We sell your data.";
        refusedOnPostgresqlDetectedOnH2("UPDATE policy_text SET markdown = '" + text + "', sha256 = '"
                        + kr.jsoft.privacyportal.crypto.Digests.sha256Hex(text) + "' WHERE version_id ="
                        + " (SELECT id FROM policy_version WHERE label = '2023-09-01') AND lang = 'en'",
                "2023-09-01", PolicyIntegrity.Reason.CHANGED_OUTSIDE_PORTAL);
    }

    @Test
    void movingTheBaselinesDateIsRefusedOrDetected() {
        refusedOnPostgresqlDetectedOnH2("UPDATE policy_version SET effective_at = imported_at WHERE baseline",
                "2023-09-01", PolicyIntegrity.Reason.CHANGED_OUTSIDE_PORTAL);
    }

    @Test
    void aDraftPublishedByDirectSqlWithABackdatedNoticeIsDetected() throws SQLException {
        harness.neutralRevision("2027-02-neutral").importFolder();
        Instant backdated = LifecycleHarness.MIDNIGHT_KST.minus(Duration.ofDays(10));
        UUID notice = postNotice(connection, "2027-02-neutral", backdated);

        execute("UPDATE policy_version SET notice_posted_at = ?, effective_at = ?, notice_id = '" + notice
                + "' WHERE label = '2027-02-neutral'", backdated, backdated.plus(Duration.ofDays(7)));

        assertThat(integrity()).containsExactly(
                new PolicyIntegrity.Tampering("2027-02-neutral", PolicyIntegrity.Reason.CHANGED_OUTSIDE_PORTAL));
    }

    @Test
    void aRevisionUnfavourableByContentWithSevenDaysNoticeIsDetectedThoughNotMarked() throws SQLException {
        // Same facts as the baseline but one consignee in the USA, marked favourable: the database's
        // CHECK accepts seven days; the integrity check compares content and finds the rule broken.
        harness.neutralRevision("2027-03-abroad").editMetadata("2027-03-abroad", json -> json
                .replace("\"consignees\": []", "\"consignees\": [{\"id\": \"mail\", \"name\": \"Mail Inc.\","
                        + " \"country\": \"US\", \"en\": \"mail\", \"ko\": \"메일\"}]")).importFolder();
        Instant posted = LifecycleHarness.MIDNIGHT_KST.minus(Duration.ofDays(10));
        UUID notice = postNotice(connection, "2027-03-abroad", posted);
        execute("UPDATE policy_version SET unfavourable = FALSE, notice_posted_at = ?, effective_at = ?, notice_id = '"
                + notice + "' WHERE label = '2027-03-abroad'", posted, posted.plus(Duration.ofDays(7)));

        assertThat(integrity()).contains(
                new PolicyIntegrity.Tampering("2027-03-abroad", PolicyIntegrity.Reason.NOTICE_RULE_BROKEN));
    }

    @Test
    void versionsPublishedThroughThePortalAreNotTampering() {
        schedule(DRAFT, 32);
        harness.lifecycle.withdraw(DRAFT, LifecycleHarness.MANAGER);
        harness.lifecycle.schedule(DRAFT, LocalDate.of(2027, 1, 5), null, LifecycleHarness.MANAGER);
        harness.clock.advance(Duration.ofDays(40));

        assertThat(integrity()).isEmpty();
    }

    @Test
    void theImportersStaleUpdateOfADraftCannotOverwriteAScheduleCommittedMeanwhile() {
        // The importer's transaction read the draft; meanwhile the lifecycle scheduled it and committed.
        assertThatThrownBy(() -> harness.database.inTransaction(session -> {
            PolicyVersion draft = PolicyQueries.versionByLabel(session, DRAFT).orElseThrow();
            Thread lifecycle = new Thread(() -> schedule(DRAFT, 32));
            lifecycle.start();
            try {
                lifecycle.join();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            draft.describe(PolicyMetadata.parse(draft.metadataJson()), draft.metadataJson(), "changed",
                    harness.clock.instant());
        })).satisfies(e -> assertThat(causes(e)).anyMatch(c -> c instanceof OptimisticLockException
                || c instanceof org.hibernate.StaleStateException));

        assertThat(harness.version(DRAFT).isPublished()).isTrue();
        assertThat(integrity()).isEmpty();
    }

    private static List<Throwable> causes(Throwable e) {
        List<Throwable> chain = new java.util.ArrayList<>();
        for (Throwable t = e; t != null && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }

    private void refusedOnPostgresqlDetectedOnH2(String sql, String label, PolicyIntegrity.Reason reason) {
        if (TestDatabase.postgresql()) {
            assertRefused(() -> execute(sql, null, null));
            assertThat(integrity()).isEmpty();
        } else {
            try {
                execute(sql, null, null);
            } catch (SQLException e) {
                throw new AssertionError(e);
            }
            assertThat(integrity()).contains(new PolicyIntegrity.Tampering(label, reason));
        }
    }

    private void schedule(String label, int daysAhead) {
        harness.lifecycle.schedule(label, LocalDate.of(2026, 12, 1).plusDays(daysAhead), null,
                LifecycleHarness.MANAGER);
    }

    private List<PolicyIntegrity.Tampering> integrity() {
        PolicyIntegrity integrity = new PolicyIntegrity(new AuditLog(harness.clock));
        return harness.database.fromTransaction(integrity::check);
    }

    private void insertVersion(String label, Instant effective, boolean baseline, boolean slot, boolean unfavourable)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO policy_version (id, label,"
                + " effective_at, baseline, baseline_slot, authoritative_language, reference_translations,"
                + " unfavourable, summary_ko, summary_en, metadata_json, metadata_sha256, imported_at)"
                + " VALUES (?, ?, ?, ?, ?, 'en', 'ko', ?, 'ko', 'en', '{}', 'x', ?)")) {
            insert.setObject(1, UUID.randomUUID());
            insert.setString(2, label);
            insert.setObject(3, utc(effective));
            insert.setBoolean(4, baseline);
            if (slot) {
                insert.setBoolean(5, true);
            } else {
                insert.setNull(5, java.sql.Types.BOOLEAN);
            }
            insert.setBoolean(6, unfavourable);
            insert.setObject(7, utc(LifecycleHarness.MIDNIGHT_KST));
            insert.executeUpdate();
        }
    }

    private void execute(String sql, Instant first, Instant second) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            if (first != null) {
                statement.setObject(1, utc(first));
            }
            if (second != null) {
                statement.setObject(2, utc(second));
            }
            statement.executeUpdate();
        }
    }

    interface Statement {
        void run() throws SQLException;
    }

    /** SQLSTATE class 23: an integrity constraint (a CHECK, UNIQUE, foreign key or, on PostgreSQL, a guard trigger). */
    private static void assertRefused(Statement statement) {
        assertThatThrownBy(statement::run).isInstanceOfSatisfying(SQLException.class,
                e -> assertThat(e.getSQLState()).startsWith("23"));
    }
}
