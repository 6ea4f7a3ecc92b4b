package kr.jsoft.privacyportal.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import kr.jsoft.privacyportal.PortalServer;
import kr.jsoft.privacyportal.Settings;
import kr.jsoft.privacyportal.audit.AuditEvent;
import kr.jsoft.privacyportal.complaint.ComplaintViews;
import kr.jsoft.privacyportal.device.PublicJwk;
import kr.jsoft.privacyportal.persistence.Database;
import kr.jsoft.privacyportal.subscription.SubscriptionSteps;
import kr.jsoft.privacyportal.testing.Await;
import kr.jsoft.privacyportal.testing.PortalFixture;
import kr.jsoft.privacyportal.testing.TestDatabase;
import kr.jsoft.privacyportal.testing.TestDevice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/operations.md "Backup and restore", end to end: records are created, a backup is taken (H2's online
 * BACKUP TO through the backup task's code, or pg_dump -Fc on PostgreSQL), some records are
 * destroyed, the database is lost, the backup is restored into a fresh instance with the same key
 * directory and erasure journal: every record is back except the destroyed ones, which the
 * journal erases again at start.
 */
class RestoreIT {
    @TempDir
    Path backups;

    private final PortalFixture original = PortalFixture.builder()
            .setting("PORTAL_COMPLAINT_RETENTION", "1d")
            .setting("PORTAL_MAIL_RETENTION", "1d")
            .setting("PORTAL_COMPLAINT_LIMIT_PER_ADDRESS", "1000")
            .build();

    @Test
    void aRestoredBackupHasEveryRecordExceptThoseDestroyedSinceItWasTaken() throws Exception {
        original.start();
        PortalServer a = original.server();
        Function<String, String> sms = number -> a.devices().smsInbox().orElseThrow().latestTo(number).orElseThrow()
                .text();
        Function<String, String> mail = address -> awaitMailText(a, address);

        // Records before the backup: two of each kind; the first of each is destroyed after it.
        TestDevice keptDevice = newDevice().register("010-2222-0001", sms);
        TestDevice destroyedDevice = newDevice().register("010-2222-0002", sms);
        String keptComplaint = file(a, "kept");
        String erasedComplaint = file(a, "erased");
        SubscriptionSteps.subscribeAndConfirm(original, "kept-subscriber@example.com", mail);
        SubscriptionSteps.subscribeAndConfirm(original, "leaving-subscriber@example.com", mail);
        List<Long> subscribers = query(a.database(), "select s.id from NoticeSubscriber s order by s.id", Long.class);
        assertThat(subscribers).hasSize(2);
        awaitOutboxEmpty(a);
        long mailsAtBackup = count(a.database(), "select count(m) from OutboxMail m where m.erasedAt is null");
        assertThat(mailsAtBackup).isGreaterThanOrEqualTo(6);

        Path backup = backup(original);

        // After the backup: a device unregisters, a subscriber leaves, a closed complaint and every
        // finished mail pass their retention and are erased.
        assertThat(destroyedDevice.unregister().statusCode()).isEqualTo(204);
        assertThat(original.send(HttpRequest.newBuilder(original.uri(
                SubscriptionSteps.unsubscribePath(a, subscribers.get(1)))).POST(HttpRequest.BodyPublishers.ofString(
                "List-Unsubscribe=One-Click")).header("Content-Type", "application/x-www-form-urlencoded").build())
                .statusCode()).isEqualTo(200);
        UUID erasedId = complaintId(a, erasedComplaint);
        a.complaints().desk().resolve(erasedId, "Resolved before retention.", "Test Manager",
                AuditEvent.system("test"));
        awaitOutboxEmpty(a);
        original.clock().advance(Duration.ofDays(2));
        assertThat(a.complaints().upkeep().eraseExpired()).isEqualTo(1);
        assertThat(a.mail().outbox().eraseExpired()).isGreaterThanOrEqualTo((int) mailsAtBackup);
        assertThat(a.cores().erasureJournal().entries()).extracting(e -> e.kind()).contains("device", "subscriber",
                "complaint", "mail");

        // The database is lost; a fresh instance (new database, same keys and journal) starts on the backup.
        Map<String, String> environment = new HashMap<>(original.environment());
        original.stop();
        Path freshRoot = Files.createTempDirectory("portal-restored");
        environment.put("PORTAL_DATA_DIR", freshRoot.resolve("data").toString());
        restore(backup, environment, freshRoot);
        PortalServer b = PortalServer.create(Settings.fromEnvironment(environment), original.clock());
        try {
            b.start();
            Database db = b.database();
            assertThat(b.devices().registry().activeDevice(keptDevice.id())).isPresent();
            assertThat(b.devices().registry().activeDevice(destroyedDevice.id())).isEmpty();
            assertThat(count(db, "select count(d) from Device d where d.id = :id", destroyedDevice.id())).isZero();

            assertThat(query(db, "select s.id from NoticeSubscriber s order by s.id", Long.class))
                    .containsExactly(subscribers.get(0));

            UUID keptId = complaintId(b, keptComplaint);
            assertThat(count(db, "select count(c) from Complaint c where c.id = :id"
                    + " and c.erasedAt is null and c.nameSealed is not null", keptId)).isEqualTo(1);
            assertThat(count(db, "select count(c) from Complaint c where c.id = :id"
                    + " and c.erasedAt is not null and c.nameSealed is null and c.emailSealed is null", erasedId)).isEqualTo(1);
            assertThat(count(db, "select count(e) from ComplaintEntry e where e.complaintId = :id"
                    + " and e.bodySealed is not null", erasedId)).isZero();

            assertThat(count(db, "select count(m) from OutboxMail m")).as("every mail row is back")
                    .isEqualTo(mailsAtBackup);
            assertThat(count(db, "select count(m) from OutboxMail m where m.recipientSealed is not null"))
                    .as("but no mail content erased since").isZero();
        } finally {
            b.stop();
            dropRestoredSchema(environment);
        }
    }

    private TestDevice newDevice() {
        return new TestDevice(original::uri, original.clock(), PublicJwk.Type.EC_P256, "android");
    }

    private static String file(PortalServer portal, String what) {
        return portal.complaints().intake().submit(new ComplaintViews.Submission("OTHER", "Restore test: " + what,
                "Restore " + what, "restore-" + what + "@example.com", "", "ko"), "192.0.2.20").reference();
    }

    private static UUID complaintId(PortalServer portal, String reference) {
        return portal.database().fromTransaction(s -> s.createSelectionQuery(
                "select c.id from Complaint c where c.reference = :r", UUID.class).setParameter("r", reference)
                .getSingleResult());
    }

    private static String awaitMailText(PortalServer portal, String address) {
        return Await.until("a mail to " + address, () -> {
            portal.mail().dispatcher().dispatchUntilIdle();
            return portal.mail().developmentMailbox().orElseThrow().recent().stream()
                    .filter(m -> m.to().contains(address)).findFirst();
        }, Optional::isPresent).orElseThrow().text();
    }

    /** Until every mail is sent (the background dispatcher may hold a batch the test cannot dispatch itself). */
    private static void awaitOutboxEmpty(PortalServer portal) {
        Await.until("the outbox is drained", () -> {
            portal.mail().dispatcher().dispatchUntilIdle();
            return portal.database().fromTransaction(s -> s.createSelectionQuery(
                    "select count(m) from OutboxMail m where m.state = :pending", Long.class)
                    .setParameter("pending", kr.jsoft.privacyportal.mail.MailState.PENDING).getSingleResult());
        }, pending -> pending == 0);
    }

    private static <T> List<T> query(Database database, String hql, Class<T> type) {
        return database.fromTransaction(s -> new ArrayList<>(s.createSelectionQuery(hql, type).getResultList()));
    }

    private static long count(Database database, String hql) {
        return database.fromTransaction(s -> s.createSelectionQuery(hql, Long.class).getSingleResult());
    }

    private static long count(Database database, String hql, UUID id) {
        return database.fromTransaction(s -> s.createSelectionQuery(hql, Long.class).setParameter("id", id)
                .getSingleResult());
    }

    /** H2: the backup task's online BACKUP TO. PostgreSQL: pg_dump -Fc of the portal's schema. */
    private Path backup(PortalFixture portal) throws Exception {
        Path file = backups.resolve(TestDatabase.postgresql() ? "portal.dump" : "portal.zip");
        Map<String, String> env = portal.environment();
        if (!TestDatabase.postgresql()) {
            H2Backup.backup(Settings.fromEnvironment(env).openingDatabase(), file);
        } else {
            run(List.of("pg_dump", "-Fc", "-n", schema(env), "-f", file.toString(), database(env)), env);
        }
        assertThat(Files.size(file)).isPositive();
        return file;
    }

    /** H2: the restore task into the fresh data directory. PostgreSQL: pg_restore of the lost schema. */
    private static void restore(Path backup, Map<String, String> env, Path freshRoot) throws Exception {
        if (!TestDatabase.postgresql()) {
            H2Backup.restore(backup, freshRoot.resolve("data"), Settings.fromEnvironment(env).openingDatabase());
        } else {
            // The original portal's schema was dropped when it stopped (the "lost" database).
            run(List.of("pg_restore", "--no-owner", "-d", database(env), backup.toString()), env);
        }
    }

    private static void dropRestoredSchema(Map<String, String> env) throws Exception {
        if (TestDatabase.postgresql()) {
            try (Connection c = DriverManager.getConnection(env.get("PORTAL_DB_URL"), env.get("PORTAL_DB_USER"),
                    env.get("PORTAL_DB_PASSWORD")); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA IF EXISTS " + schema(env) + " CASCADE");
            }
        }
    }

    private static String schema(Map<String, String> env) {
        return env.get("PORTAL_DB_URL").replaceAll(".*currentSchema=([a-z0-9_]+).*", "$1");
    }

    /** A libpq connection string for the test database (without the JDBC schema parameter). */
    private static String database(Map<String, String> env) {
        URI uri = URI.create(env.get("PORTAL_DB_URL").substring("jdbc:".length()));
        return "host=" + uri.getHost() + " port=" + (uri.getPort() < 0 ? 5432 : uri.getPort())
                + " dbname=" + uri.getPath().substring(1) + " user=" + env.get("PORTAL_DB_USER");
    }

    private static void run(List<String> command, Map<String, String> env) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PGPASSWORD", env.get("PORTAL_DB_PASSWORD"));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command) + ": " + output).isZero();
    }
}
