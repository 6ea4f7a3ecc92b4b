package kr.jsoft.privacyportal.testing;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.crypto.spec.SecretKeySpec;
import kr.jsoft.privacyportal.config.Env;
import kr.jsoft.privacyportal.config.Mode;
import kr.jsoft.privacyportal.Settings;
import kr.jsoft.privacyportal.audit.AuditLog;
import kr.jsoft.privacyportal.crypto.DataCipher;
import kr.jsoft.privacyportal.erasure.ErasureJournal;
import kr.jsoft.privacyportal.mail.MailDispatcher;
import kr.jsoft.privacyportal.mail.MailSettings;
import kr.jsoft.privacyportal.mail.Outbox;
import kr.jsoft.privacyportal.mail.SmtpTransport;
import kr.jsoft.privacyportal.persistence.Database;
import kr.jsoft.privacyportal.ratelimit.RateLimiter;
import kr.jsoft.privacyportal.subscription.NoticeSubscriptions;
import kr.jsoft.privacyportal.web.View;

/**
 * The mail feature without the web server: a fresh database (H2 file or PostgreSQL schema),
 * a real GreenMail SMTP server on a free local port, the outbox and what it needs, and a
 * clock the test moves. Dispatchers are driven by calling {@code dispatchOnce} directly.
 */
public final class MailTestbed implements AutoCloseable {
    public static final URI BASE_URL = URI.create("https://privacy.example.kr");
    public final MutableClock clock = new MutableClock(PortalFixture.START);
    public final SecureRandom random = new SecureRandom();
    public final TestDatabase testDatabase;
    public final Database database;
    public final int smtpPort;
    public final MailSettings settings;
    public final View view = new View(true);
    public final AuditLog auditLog = new AuditLog(clock);
    public final DataCipher cipher = new DataCipher("test",
            java.util.Map.of("test", new SecretKeySpec(new byte[32], "AES")), random);
    public final RateLimiter rateLimiter;
    public final Outbox outbox;
    /** The erasure journal, with the mail kind registered (tests register the others they use). */
    public final ErasureJournal erasureJournal;
    public final SmtpTransport transport;
    public final Supplier<URI> baseUrl = () -> BASE_URL;
    private GreenMail smtp;

    public MailTestbed(Path dir) {
        this(dir, Map.of());
    }

    public MailTestbed(Path dir, Map<String, String> extraSettings) {
        testDatabase = TestDatabase.create(dir);
        Map<String, String> env = testDatabase.environment(dir);
        List<Class<?>> entities = new ArrayList<>(AuditLog.ENTITIES);
        entities.addAll(RateLimiter.ENTITIES);
        entities.addAll(Outbox.ENTITIES);
        entities.addAll(NoticeSubscriptions.ENTITIES);
        database = Database.open(Settings.fromEnvironment(env).database(), entities);
        smtpPort = freePort();
        Map<String, String> mailEnv = new HashMap<>(Map.of("PORTAL_SMTP_HOST", "127.0.0.1",
                "PORTAL_SMTP_PORT", Integer.toString(smtpPort), "PORTAL_SMTP_SECURITY", "none",
                "PORTAL_MAIL_FROM", "privacy@privacy.example.kr",
                "PORTAL_MANAGER_ALERT_EMAIL", "manager@privacy.example.kr"));
        mailEnv.putAll(extraSettings);
        settings = MailSettings.fromEnvironment(new Env(mailEnv), Mode.DEVELOPMENT);
        rateLimiter = new RateLimiter(database, clock, new SecretKeySpec(new byte[32], "HmacSHA256"));
        erasureJournal = new ErasureJournal(dir.resolve("erasure-journal"), clock);
        outbox = new Outbox(database, settings, cipher, auditLog, clock, erasureJournal);
        erasureJournal.register(Outbox.ERASURE_KIND, ErasureJournal.Eraser.inBatches(outbox::eraseAgain));
        transport = SmtpTransport.configured(settings);
        startSmtp();
    }

    public MailDispatcher dispatcher() {
        return new MailDispatcher(database, outbox, view, transport, settings, baseUrl, auditLog, clock, random);
    }

    /** Starts the SMTP server (again) on the same port. */
    public void startSmtp() {
        smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    /** The SMTP server goes away: connections are refused. */
    public void stopSmtp() {
        smtp.stop();
    }

    /**
     * Replaces the SMTP server on the same port by one that is up but refuses every recipient with
     * {@code reply}; close it, then {@link #startSmtp()} brings GreenMail back.
     */
    public RefusingRelay refuseMail(String reply) {
        smtp.stop();
        try {
            return new RefusingRelay(smtpPort, reply);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public GreenMail smtp() {
        return smtp;
    }

    public List<MimeMessage> received() {
        return List.of(smtp.getReceivedMessages());
    }

    /** The text/plain and text/html parts of a received multipart/alternative mail. */
    public static Map<String, String> parts(MimeMessage message) {
        try {
            Map<String, String> parts = new HashMap<>();
            Multipart multipart = (Multipart) message.getContent();
            parts.put("type", multipart.getContentType());
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart part = multipart.getBodyPart(i);
                parts.put(part.isMimeType("text/plain") ? "text" : part.isMimeType("text/html") ? "html" : "other",
                        (String) part.getContent());
            }
            return parts;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first recipient of a received message, as a string. */
    public static String recipient(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        smtp.stop();
        database.close();
        testDatabase.close();
    }
}
