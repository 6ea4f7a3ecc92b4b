package kr.jsoft.privacyportal.policy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kr.jsoft.privacyportal.Settings;
import kr.jsoft.privacyportal.audit.AuditEvent;
import kr.jsoft.privacyportal.audit.AuditLog;
import kr.jsoft.privacyportal.notice.NoticeService;
import kr.jsoft.privacyportal.persistence.Database;
import kr.jsoft.privacyportal.persistence.DatabaseSettings;
import kr.jsoft.privacyportal.testing.MutableClock;
import kr.jsoft.privacyportal.testing.TestDatabase;
import kr.jsoft.privacyportal.web.Markdown;
import org.hibernate.Session;

/**
 * The lifecycle on a real, fresh database (H2 file, or PostgreSQL with -Ppostgresql) without a
 * web server: a copy of the repository's policies plus the revisions a test adds.
 */
final class LifecycleHarness implements AutoCloseable {
    /** 00:00 KST on 1 December 2026. */
    static final Instant MIDNIGHT_KST = Instant.parse("2026-11-30T15:00:00Z");
    static final AuditEvent MANAGER = AuditEvent.staff("00000000-0000-0000-0000-00000000000a", "127.0.0.1", "test");

    final MutableClock clock = new MutableClock(MIDNIGHT_KST);
    final TestDatabase testDatabase;
    final Database database;
    final DatabaseSettings databaseSettings;
    final PolicyService policies;
    final NoticeService notices;
    final PolicyLifecycle lifecycle;
    final Path folder;
    final List<String> announced = new ArrayList<>();
    final List<ScheduledRevision> announcements = new ArrayList<>();

    LifecycleHarness() throws Exception {
        Path root = Files.createTempDirectory("policy-lifecycle");
        testDatabase = TestDatabase.create(root);
        Map<String, String> env = testDatabase.environment(root);
        List<Class<?>> entities = new ArrayList<>(AuditLog.ENTITIES);
        entities.addAll(PolicyService.ENTITIES);
        entities.addAll(NoticeService.ENTITIES);
        databaseSettings = Settings.fromEnvironment(env).database();
        database = Database.open(databaseSettings, entities);
        AuditLog auditLog = new AuditLog(clock);
        policies = new PolicyService(database, auditLog, clock, new Markdown());
        notices = new NoticeService(database, auditLog, clock);
        folder = TestPolicies.copy();
        lifecycle = new PolicyLifecycle(database, auditLog, clock, policies, notices, new RevisionAnnouncements() {
            @Override
            public void scheduled(Session session, ScheduledRevision revision) {
                announced.add("scheduled " + revision.label());
                announcements.add(revision);
            }

            @Override
            public void withdrawn(Session session, ScheduledRevision revision) {
                announced.add("withdrawn " + revision.label());
                announcements.add(revision);
            }
        }, folder);
    }

    /**
     * Adds a revision with the baseline's facts (neither more nor longer: not unfavourable) and
     * all eleven sections mapped, so it passes the completeness check.
     */
    LifecycleHarness neutralRevision(String label) {
        TestPolicies.addRevision(folder, label, text -> text + "\n\nRevised " + label + ".\n", "support@jsoft.kr");
        Path metadata = folder.resolve(label).resolve("metadata.json");
        TestPolicies.write(metadata, TestPolicies.read(metadata)
                .replace("\"safetyMeasures\": null", "\"safetyMeasures\": \"7\"")
                .replace("\"automaticCollection\": null", "\"automaticCollection\": \"7\""));
        return this;
    }

    /** Edits a revision's metadata.json. */
    LifecycleHarness editMetadata(String label, java.util.function.UnaryOperator<String> edit) {
        Path metadata = folder.resolve(label).resolve("metadata.json");
        TestPolicies.write(metadata, edit.apply(TestPolicies.read(metadata)));
        return this;
    }

    LifecycleHarness importFolder() {
        policies.importFrom(folder);
        return this;
    }

    PolicyVersionInfo version(String label) {
        return policies.find(label).orElseThrow();
    }

    List<String> auditActions() {
        return database.fromTransaction(session -> session
                .createSelectionQuery("select action from AuditEntry order by seq", String.class).getResultList());
    }

    @Override
    public void close() {
        database.close();
        testDatabase.close();
    }
}
