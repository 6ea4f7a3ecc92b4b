package kr.jsoft.privacyportal;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import kr.jsoft.privacyportal.audit.AuditLog;
import kr.jsoft.privacyportal.config.Mode;
import kr.jsoft.privacyportal.crypto.PortalKeys;
import kr.jsoft.privacyportal.crypto.DataCipher;
import kr.jsoft.privacyportal.erasure.ErasureJournal;
import kr.jsoft.privacyportal.mail.Outbox;
import kr.jsoft.privacyportal.persistence.Database;
import kr.jsoft.privacyportal.persistence.DatabaseSettings;
import kr.jsoft.privacyportal.persistence.H2Durability;
import kr.jsoft.privacyportal.ratelimit.RateLimiter;
import kr.jsoft.privacyportal.subscription.NoticeMailer;
import kr.jsoft.privacyportal.subscription.NoticeSubscriptions;
import kr.jsoft.privacyportal.subscription.RevisionNotice;
import kr.jsoft.privacyportal.subscription.SubscriberSeeder;
import kr.jsoft.privacyportal.testing.MailTestbed;
import kr.jsoft.privacyportal.testing.PortalProcess;
import kr.jsoft.privacyportal.web.Lang;
import org.htmlunit.BrowserVersion;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The portal as operators run it, on its default H2 file, in a child process that the test
 * kills: what it acknowledged (a complaint's receipt page, a mail the relay took) must be there
 * after a restart on the same data. SIGKILL may resend a mail, never under a new Message-ID;
 * SIGTERM resends nothing and leaves nothing claimed.
 */
class CrashRecoveryIT {
    private static final int SUBSCRIBERS = 1_000;
    private static final int COMPLAINTS = 8;
    private static final String TITLE = "Crash-test revision";

    @TempDir
    Path root;
    private GreenMail smtp;
    private Map<String, String> env;
    private final List<PortalProcess> processes = new ArrayList<>();

    @BeforeEach
    void prepare() throws Exception {
        int smtpPort = MailTestbed.freePort();
        smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        env = new HashMap<>();
        env.put("PATH", System.getenv("PATH"));
        env.put("PORTAL_PORT", "0");
        env.put("PORTAL_DATA_DIR", root.resolve("data").toString());
        env.put("PORTAL_KEY_DIR", root.resolve("keys").toString());
        env.put("PORTAL_ERASURE_JOURNAL_DIR", root.resolve("erasure-journal").toString());
        env.put("PORTAL_INSTANCE_ID", "crash-test");
        // The default H2 file URL: it too must write every commit and stay open until the portal closes it.
        env.put("PORTAL_SMTP_HOST", "127.0.0.1");
        env.put("PORTAL_SMTP_PORT", Integer.toString(smtpPort));
        env.put("PORTAL_SMTP_SECURITY", "none");
        env.put("PORTAL_MANAGER_ALERT_EMAIL", "privacy-manager@jsoft.test");
        env.put("PORTAL_COMPLAINT_LIMIT_PER_ADDRESS", "1000");
        env.put("PORTAL_MAIL_CONNECTIONS", "2");
        env.put("PORTAL_SHUTDOWN_TIMEOUT", "20s");
        seedSubscribersAndScheduleANotice();
    }

    @AfterEach
    void cleanUp() {
        processes.forEach(PortalProcess::close);
        smtp.stop();
    }

    @Test
    void sigkillLosesNothingAcknowledgedAndNeverReissuesAReference() throws Exception {
        PortalProcess first = start("first.log");
        awaitMail(1);
        // All at once, and the kill the moment the last one is acknowledged (its status link given).
        List<String> statusLinks = postAtOnce(first, "kill-");
        first.kill();
        Set<String> deliveredBeforeKill = messageIds();

        PortalProcess second = start("second.log");
        List<String> acknowledged = new ArrayList<>();
        for (String link : statusLinks) {
            acknowledged.add(referenceOn(second, link));
        }
        List<String> afterRestart = List.of(complain(second, "after-1@example.com"),
                complain(second, "after-2@example.com"));
        second.terminate(Duration.ofSeconds(60));

        assertThat(acknowledged).as("every status link given still opens its own complaint").doesNotHaveDuplicates();
        assertThat(queryStrings("select reference from complaint")).containsAll(acknowledged);
        assertThat(afterRestart).as("references after the restart are new").doesNotContainAnyElementsOf(acknowledged)
                .doesNotHaveDuplicates();
        Set<String> outboxIds = queryStrings("select cast(id as varchar) from mail_outbox");
        assertThat(deliveredBeforeKill).as("every mail the relay took before the kill is still in the outbox, "
                + "so any resend carries its Message-ID").allSatisfy(id -> assertThat(outboxIds).contains(id));
        assertThat(duplicatesUnderNewMessageIds()).isEmpty();
    }

    @Test
    void sigtermFinishesOrHandsBackItsWorkAndNothingIsSentTwice() throws Exception {
        PortalProcess first = start("first.log");
        awaitMail(1);
        List<String> statusLinks = postAtOnce(first, "term-");
        first.terminate(Duration.ofSeconds(60));
        assertThat(first.log()).as("a clean stop logs no error").doesNotContain(" ERROR ");
        assertThat(queryStrings("select cast(id as varchar) from mail_outbox where claim_token is not null"))
                .as("no mail left claimed").isEmpty();
        assertThat(queryStrings("select cast(id as varchar) from notice_fanout where claim_token is not null"))
                .as("no fan-out left claimed").isEmpty();

        PortalProcess second = start("second.log");
        List<String> acknowledged = new ArrayList<>();
        for (String link : statusLinks) {
            acknowledged.add(referenceOn(second, link));
        }
        int expected = SUBSCRIBERS + COMPLAINTS;
        awaitDistinctRecipients(expected);
        second.terminate(Duration.ofSeconds(60));
        assertThat(second.log()).doesNotContain(" ERROR ");
        assertThat(queryStrings("select cast(id as varchar) from mail_outbox where claim_token is not null")).isEmpty();

        assertThat(acknowledged).doesNotHaveDuplicates();
        assertThat(queryStrings("select reference from complaint")).containsAll(acknowledged);
        List<String> received = receivedKeys();
        assertThat(received).as("no mail delivered twice").doesNotHaveDuplicates();
        assertThat(recipientsOf()).hasSize(expected);
    }

    // ---- the work ----

    private void seedSubscribersAndScheduleANotice() {
        Settings settings = Settings.fromEnvironment(env);
        Clock clock = Clock.systemUTC();
        SecureRandom random = new SecureRandom();
        PortalKeys keys = PortalKeys.load(Mode.DEVELOPMENT, settings.keyDir(), Optional.empty());
        try (Database database = Database.open(settings.openingDatabase(), PortalCores.entities())) {
            DataCipher cipher = new DataCipher(PortalKeys.DATA_ENCRYPTION,
                    Map.of(PortalKeys.DATA_ENCRYPTION, keys.secretKey(PortalKeys.DATA_ENCRYPTION, "AES")), random);
            AuditLog auditLog = new AuditLog(clock);
            ErasureJournal journal = new ErasureJournal(settings.erasureJournalDir(), clock);
            Outbox outbox = new Outbox(database, settings.mail(), cipher, auditLog, clock, journal);
            NoticeSubscriptions subscriptions = new NoticeSubscriptions(database, outbox,
                    new RateLimiter(database, clock, keys.secretKey(PortalKeys.PHONE_HASH, "HmacSHA256")), auditLog,
                    cipher, keys.secretKey(PortalKeys.PHONE_HASH, "HmacSHA256"), random, clock, journal);
            SubscriberSeeder.seed(database, subscriptions, SUBSCRIBERS, clock.instant());
            RevisionNotice notice = new RevisionNotice("crash-test", LocalDate.now(clock).plusDays(30),
                    Map.of(Lang.KO, TITLE, Lang.EN, TITLE), Map.of(Lang.KO, "요약", Lang.EN, "Summary"),
                    Map.of(Lang.KO, "/ko/policy", Lang.EN, "/en/policy"),
                    Map.of(Lang.KO, "/ko/policy", Lang.EN, "/en/policy"));
            database.inTransaction(session -> new NoticeMailer(outbox, auditLog, clock).revisionScheduled(session, notice));
        }
    }

    private PortalProcess start(String log) throws Exception {
        PortalProcess process = PortalProcess.start(env, root.resolve(log));
        processes.add(process);
        return process;
    }

    private static final java.util.regex.Pattern CSRF =
            java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final java.util.regex.Pattern REFERENCE =
            java.util.regex.Pattern.compile("id=\"receipt-reference\">([^<]+)<");

    /** Posts the complaint form from {@code COMPLAINTS} clients at once; returns the status links they were sent to. */
    private static List<String> postAtOnce(PortalProcess portal, String prefix) throws Exception {
        var pool = java.util.concurrent.Executors.newFixedThreadPool(COMPLAINTS);
        try {
            List<java.util.concurrent.Future<String>> links = new ArrayList<>();
            for (int i = 0; i < COMPLAINTS; i++) {
                String email = prefix + i + "@example.com";
                links.add(pool.submit(() -> post(portal, email)));
            }
            List<String> result = new ArrayList<>();
            for (var link : links) {
                result.add(link.get());
            }
            return result;
        } finally {
            pool.shutdownNow();
        }
    }

    private static String post(PortalProcess portal, String email) throws Exception {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
        String form = http.send(HttpRequest.newBuilder(URI.create(portal.url("/en/complaints/new"))).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        var token = CSRF.matcher(form);
        assertThat(token.find()).isTrue();
        String body = "_csrf=" + enc(token.group(1)) + "&category=OTHER&description=" + enc("Shared without consent.")
                + "&name=" + enc("Hong Gildong") + "&email=" + enc(email) + "&phone=&language=en&website=";
        HttpResponse<String> posted = http.send(HttpRequest.newBuilder(URI.create(portal.url("/en/complaints/new")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(302);
        return posted.headers().firstValue("Location").orElseThrow();
    }

    private static String referenceOn(PortalProcess portal, String statusLink) throws Exception {
        URI link = URI.create(statusLink);
        URI uri = URI.create(portal.url(link.getRawPath() + (link.getRawQuery() == null ? "" : "?" + link.getRawQuery())));
        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).as("status page of an acknowledged complaint " + statusLink).isEqualTo(200);
        var reference = REFERENCE.matcher(page.body());
        assertThat(reference.find()).as(page.body()).isTrue();
        return reference.group(1).strip();
    }

    private static String enc(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Files a complaint through the public form; returns the reference its receipt page shows. */
    private static String complain(PortalProcess portal, String email) throws Exception {
        try (WebClient browser = new WebClient(BrowserVersion.FIREFOX)) {
            browser.getOptions().setJavaScriptEnabled(false);
            browser.getOptions().setCssEnabled(false);
            HtmlPage page = browser.getPage(portal.url("/en/complaints/new"));
            HtmlForm form = page.querySelector("form.complaint-form");
            form.getSelectByName("category").setSelectedAttribute("OTHER", true);
            form.getTextAreaByName("description").setText("My data was shared without consent.");
            form.getInputByName("name").setValue("Hong Gildong");
            form.getInputByName("email").setValue(email);
            HtmlPage receipt = ((HtmlElement) page.querySelector("form.complaint-form button[type=submit]")).click();
            return receipt.getElementById("receipt-reference").getTextContent().strip();
        }
    }

    private void awaitMail(int count) {
        assertThat(smtp.waitForIncomingEmail(60_000, count)).as("mail starts to flow").isTrue();
    }

    private void awaitDistinctRecipients(int count) {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (recipientsOf().size() < count && System.nanoTime() < deadline) {
            smtp.waitForIncomingEmail(1_000, smtp.getReceivedMessages().length + 1);
        }
        assertThat(recipientsOf()).hasSizeGreaterThanOrEqualTo(count);
    }

    private Set<String> recipientsOf() {
        return java.util.Arrays.stream(smtp.getReceivedMessages()).map(CrashRecoveryIT::recipient)
                .filter(r -> !r.equals("privacy-manager@jsoft.test")).collect(Collectors.toSet());
    }

    private Set<String> messageIds() {
        return java.util.Arrays.stream(smtp.getReceivedMessages()).map(CrashRecoveryIT::outboxId)
                .collect(Collectors.toSet());
    }

    private List<String> receivedKeys() {
        return java.util.Arrays.stream(smtp.getReceivedMessages()).map(m -> outboxId(m) + " " + recipient(m)).toList();
    }

    /** Recipients that got the same mail (subject) under two different Message-IDs. */
    private List<String> duplicatesUnderNewMessageIds() {
        Map<String, Set<String>> ids = new HashMap<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            String recipient = recipient(message);
            if (recipient.equals("privacy-manager@jsoft.test")) {
                continue;   // one alert per complaint, all alike: told apart by their outbox ids above
            }
            ids.computeIfAbsent(recipient + " " + subject(message), k -> new HashSet<>()).add(outboxId(message));
        }
        return ids.entrySet().stream().filter(e -> e.getValue().size() > 1).map(Map.Entry::getKey).toList();
    }

    private static String outboxId(MimeMessage message) {
        try {
            String id = message.getMessageID();
            return id.substring(1, id.indexOf('@'));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String recipient(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads the portal's database file directly (the portal is stopped). */
    private Set<String> queryStrings(String sql) throws SQLException {
        DatabaseSettings database = Settings.fromEnvironment(env).openingDatabase();
        assertThat(Files.exists(root.resolve("data"))).isTrue();
        try (Connection connection = DriverManager.getConnection(H2Durability.apply(database.url()), database.user(),
                database.password()); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            Set<String> values = new HashSet<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }
}
