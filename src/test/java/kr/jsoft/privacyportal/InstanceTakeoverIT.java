package kr.jsoft.privacyportal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import kr.jsoft.privacyportal.audit.AuditLog;
import kr.jsoft.privacyportal.config.Mode;
import kr.jsoft.privacyportal.crypto.DataCipher;
import kr.jsoft.privacyportal.crypto.PortalKeys;
import kr.jsoft.privacyportal.erasure.ErasureJournal;
import kr.jsoft.privacyportal.mail.Outbox;
import kr.jsoft.privacyportal.persistence.Database;
import kr.jsoft.privacyportal.ratelimit.RateLimiter;
import kr.jsoft.privacyportal.subscription.NoticeMailer;
import kr.jsoft.privacyportal.subscription.NoticeSubscriptions;
import kr.jsoft.privacyportal.subscription.RevisionNotice;
import kr.jsoft.privacyportal.subscription.SubscriberSeeder;
import kr.jsoft.privacyportal.testing.MailTestbed;
import kr.jsoft.privacyportal.testing.PortalProcess;
import kr.jsoft.privacyportal.testing.StaffAccounts;
import kr.jsoft.privacyportal.testing.TestDatabase;
import kr.jsoft.privacyportal.web.Lang;
import org.htmlunit.BrowserVersion;
import org.htmlunit.WebClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two portals in separate processes on one PostgreSQL database, one of them killed with SIGKILL:
 * the other takes its claims over within the lease ({@code PORTAL_LEASE}, short here) and finishes
 * its work; a crash costs at most one duplicate per SMTP connection of the dead instance, under the
 * same Message-ID, and nobody is skipped. H2 has no second process on one file here: skipped there.
 */
class InstanceTakeoverIT {
    private static final Duration LEASE = Duration.ofSeconds(5);
    /** The dead instance's claims are taken over within a minute (the lease, a poll, the rest of the work). */
    private static final Duration TAKEOVER = Duration.ofMinutes(1);
    private static final int CONNECTIONS = 2;
    private static final Pattern SUBSCRIBER = Pattern.compile("subscriber\\d+@bench\\.example");

    @TempDir
    Path root;
    private TestDatabase testDatabase;
    private Database database;
    private GreenMail smtp;
    private Map<String, String> env;
    private final List<PortalProcess> processes = new ArrayList<>();

    @BeforeEach
    void prepare() {
        assumeTrue(TestDatabase.postgresql(), "two portal processes on one database are tested on PostgreSQL only "
                + "(-Ppostgresql); skipped on H2");
        testDatabase = TestDatabase.create(root.resolve("db"));
        int smtpPort = MailTestbed.freePort();
        smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        env = new HashMap<>(testDatabase.settings());
        env.put("PATH", System.getenv("PATH"));
        env.put("PORTAL_PORT", "0");
        // Shared by both instances, as operators run them: keys and the erasure journal.
        env.put("PORTAL_KEY_DIR", root.resolve("keys").toString());
        env.put("PORTAL_ERASURE_JOURNAL_DIR", root.resolve("erasure-journal").toString());
        env.put("PORTAL_SMTP_HOST", "127.0.0.1");
        env.put("PORTAL_SMTP_PORT", Integer.toString(smtpPort));
        env.put("PORTAL_SMTP_SECURITY", "none");
        env.put("PORTAL_MANAGER_ALERT_EMAIL", "privacy-manager@jsoft.test");
        env.put("PORTAL_MAIL_CONNECTIONS", Integer.toString(CONNECTIONS));
        env.put("PORTAL_LEASE", LEASE.toSeconds() + "s");
        env.put("PORTAL_SHUTDOWN_TIMEOUT", "5s");
        env.put("PORTAL_DATA_DIR", root.resolve("data-test").toString());
        Settings settings = Settings.fromEnvironment(env);
        PortalKeys.load(Mode.DEVELOPMENT, settings.keyDir(), Optional.empty());
        database = Database.open(settings.database(), PortalCores.entities());
    }

    @AfterEach
    void cleanUp() {
        processes.forEach(PortalProcess::close);
        if (database != null) {
            database.close();
        }
        if (smtp != null) {
            smtp.stop();
        }
        if (testDatabase != null) {
            testDatabase.close();
        }
    }

    @Test
    void aKilledInstanceCostsAtMostOneDuplicatePerConnectionAndTheOtherSendsTheRest() throws Exception {
        int subscribers = 1_500;
        seed(subscribers);
        List<PortalProcess> both = startTogether("a", "b");
        scheduleNotice();
        assertThat(smtp.waitForIncomingEmail(60_000, subscribers / 5)).as("mail flows from both").isTrue();

        both.get(0).kill();
        awaitOutboxSent(TAKEOVER);

        Map<String, List<String>> received = receivedBySubscriber();
        assertThat(received).as("nobody missing").hasSize(subscribers);
        received.forEach((recipient, ids) -> assertThat(new HashSet<>(ids))
                .as("a resend carries the same Message-ID: " + recipient).hasSize(1));
        int duplicates = received.values().stream().mapToInt(ids -> ids.size() - 1).sum();
        assertThat(duplicates).as("at most the one mail in flight on each of the dead instance's connections")
                .isLessThanOrEqualTo(CONNECTIONS);
    }

    @Test
    void aFanOutCutShortByAKillIsFinishedByTheOtherInstanceWithNobodySkippedOrWrittenTwice() throws Exception {
        int subscribers = 4_000;
        seed(subscribers);
        scheduleNotice();
        PortalProcess first = start("a");
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (fanOutProgress() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        first.kill();
        long enqueuedAtKill = fanOutProgress();
        assertThat(enqueuedAtKill).as("killed while its fan-out had pages still to write (or the test proves nothing)")
                .isBetween(1L, (long) subscribers - 1);

        start("b");
        awaitOutboxSent(TAKEOVER.plus(Duration.ofSeconds(30)));

        assertThat(queryLong("select count(*) from mail_outbox where template = 'mail/notice-revision-scheduled'"))
                .as("one outbox mail per subscriber").isEqualTo(subscribers);
        Map<String, List<String>> received = receivedBySubscriber();
        assertThat(received).as("nobody skipped").hasSize(subscribers);
        received.forEach((recipient, ids) -> assertThat(new HashSet<>(ids))
                .as("one outbox mail for " + recipient).hasSize(1));
        int duplicates = received.values().stream().mapToInt(ids -> ids.size() - 1).sum();
        assertThat(duplicates).isLessThanOrEqualTo(CONNECTIONS);
    }

    @Test
    void instancesStartedTogetherShareOneFirstRunLinkThatSetsUpThePrivacyManager() throws Exception {
        List<PortalProcess> both = startTogether("a", "b");
        Path fileA = root.resolve("data-a").resolve("manager-setup-link.txt");
        Path fileB = root.resolve("data-b").resolve("manager-setup-link.txt");
        List<String> links = new ArrayList<>();
        for (Path file : List.of(fileA, fileB)) {
            Files.readAllLines(file).stream().filter(l -> l.startsWith("http")).forEach(links::add);
        }
        assertThat(links).as("one valid link between the two files").hasSize(1);
        boolean onA = Files.readString(fileA).contains(links.get(0));
        Path holder = onA ? fileA : fileB;
        Path pointer = onA ? fileB : fileA;
        assertThat(Files.readString(pointer)).as("the other file says where the link is")
                .contains(holder.toAbsolutePath().normalize().toString(), onA ? "instance-a" : "instance-b");

        URI link = URI.create(links.get(0));
        try (WebClient browser = new WebClient(BrowserVersion.FIREFOX)) {
            browser.getOptions().setJavaScriptEnabled(false);
            browser.getOptions().setCssEnabled(false);
            StaffAccounts.Setup setup = StaffAccounts.onRealTime().completeSetup(browser, link,
                    "privacy@jsoft.test", "Privacy Manager");
            assertThat(setup.recoveryCodes()).hasSize(10);
        }
        assertThat(queryLong("select count(*) from staff_account where role = 'PRIVACY_MANAGER'")).isEqualTo(1);
        assertThat(holder).as("the used link's file is gone").doesNotExist();
        assertThat(both).hasSize(2);
    }

    // ---- the work ----

    private void seed(int count) {
        Clock clock = Clock.systemUTC();
        SecureRandom random = new SecureRandom();
        Settings settings = Settings.fromEnvironment(env);
        PortalKeys keys = PortalKeys.load(Mode.DEVELOPMENT, settings.keyDir(), Optional.empty());
        DataCipher cipher = new DataCipher(PortalKeys.DATA_ENCRYPTION,
                Map.of(PortalKeys.DATA_ENCRYPTION, keys.secretKey(PortalKeys.DATA_ENCRYPTION, "AES")), random);
        AuditLog auditLog = new AuditLog(clock);
        ErasureJournal journal = new ErasureJournal(settings.erasureJournalDir(), clock);
        Outbox outbox = new Outbox(database, settings.mail(), cipher, auditLog, clock, journal);
        NoticeSubscriptions subscriptions = new NoticeSubscriptions(database, outbox,
                new RateLimiter(database, clock, keys.secretKey(PortalKeys.PHONE_HASH, "HmacSHA256")), auditLog,
                cipher, keys.secretKey(PortalKeys.PHONE_HASH, "HmacSHA256"), random, clock, journal);
        SubscriberSeeder.seed(database, subscriptions, count, clock.instant());
    }

    private void scheduleNotice() {
        Clock clock = Clock.systemUTC();
        Settings settings = Settings.fromEnvironment(env);
        PortalKeys keys = PortalKeys.load(Mode.DEVELOPMENT, settings.keyDir(), Optional.empty());
        DataCipher cipher = new DataCipher(PortalKeys.DATA_ENCRYPTION,
                Map.of(PortalKeys.DATA_ENCRYPTION, keys.secretKey(PortalKeys.DATA_ENCRYPTION, "AES")),
                new SecureRandom());
        AuditLog auditLog = new AuditLog(clock);
        Outbox outbox = new Outbox(database, settings.mail(), cipher, auditLog, clock,
                new ErasureJournal(settings.erasureJournalDir(), clock));
        RevisionNotice notice = new RevisionNotice("takeover@" + LocalDate.now(clock).plusDays(30),
                LocalDate.now(clock).plusDays(30), Map.of(Lang.KO, "개정", Lang.EN, "Revision"),
                Map.of(Lang.KO, "요약", Lang.EN, "Summary"), Map.of(Lang.KO, "/ko/policy", Lang.EN, "/en/policy"),
                Map.of(Lang.KO, "/ko/policy", Lang.EN, "/en/policy"));
        database.inTransaction(session -> new NoticeMailer(outbox, auditLog, clock).revisionScheduled(session, notice));
    }

    private PortalProcess start(String name) throws Exception {
        Map<String, String> own = new HashMap<>(env);
        own.put("PORTAL_DATA_DIR", root.resolve("data-" + name).toString());
        own.put("PORTAL_INSTANCE_ID", "instance-" + name);
        PortalProcess process = PortalProcess.start(own, root.resolve(name + ".log"));
        synchronized (processes) {
            processes.add(process);
        }
        return process;
    }

    /** Starts the instances at the same moment; returns them in the order named. */
    private List<PortalProcess> startTogether(String... names) throws Exception {
        ExecutorService starters = Executors.newFixedThreadPool(names.length);
        try {
            List<Future<PortalProcess>> started = new ArrayList<>();
            for (String name : names) {
                started.add(starters.submit(() -> start(name)));
            }
            List<PortalProcess> result = new ArrayList<>();
            for (Future<PortalProcess> process : started) {
                result.add(process.get());
            }
            return result;
        } finally {
            starters.shutdownNow();
        }
    }

    /** Mails the revision's fan-out had committed, while it is still running (0 before and after). */
    private long fanOutProgress() {
        return database.fromTransaction(session -> session.createNativeQuery(
                        "select enqueued from notice_fanout where kind = 'SCHEDULED' and state = 'PENDING'", Integer.class)
                .getResultList().stream().mapToLong(Integer::longValue).sum());
    }

    /** Waits until every outbox mail is sent; the wait is the takeover bound. */
    private void awaitOutboxSent(Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            if (queryLong("select count(*) from notice_fanout where state = 'PENDING' and kind = 'SCHEDULED'") == 0
                    && queryLong("select count(*) from mail_outbox where state <> 'SENT'") == 0) {
                return;
            }
            Thread.sleep(200);
        }
        assertThat(queryLong("select count(*) from mail_outbox where state <> 'SENT'"))
                .as("every mail sent within " + within + " of the kill").isZero();
    }

    private long queryLong(String sql) {
        return database.fromTransaction(session -> ((Number) session.createNativeQuery(sql, Object.class)
                .getSingleResult()).longValue());
    }

    /** Each subscriber's received Message-IDs, one entry per delivery. */
    private Map<String, List<String>> receivedBySubscriber() {
        Map<String, List<String>> received = new HashMap<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            try {
                String recipient = message.getAllRecipients()[0].toString();
                if (SUBSCRIBER.matcher(recipient).matches()) {
                    received.computeIfAbsent(recipient, r -> new ArrayList<>()).add(message.getMessageID());
                }
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return received;
    }
}
