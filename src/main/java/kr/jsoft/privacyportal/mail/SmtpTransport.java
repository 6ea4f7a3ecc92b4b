package kr.jsoft.privacyportal.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.URLName;
import java.io.IOException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.eclipse.angus.mail.smtp.SMTPTransport;

/**
 * Jakarta Mail (Angus) over SMTP: STARTTLS (required, not opportunistic), SMTPS or plain,
 * with authentication when a user is set. Server certificates and host names are checked.
 */
public final class SmtpTransport implements MailTransport {
    /** How long one write to the relay may block (a relay that stops reading mid-message) before the connection is closed. */
    static final Duration WRITE_TIMEOUT = Duration.ofSeconds(30);
    private final Session session;
    private final String host;
    private final int port;
    private final String user;
    private final String password;

    public SmtpTransport(MailSettings settings, String host, int port) {
        this(settings, host, port, settings.security());
    }

    /**
     * The embedded development mailbox (GreenMail on loopback, in this process): plain SMTP,
     * since it offers no TLS and nothing leaves the machine.
     */
    public static SmtpTransport developmentMailbox(MailSettings settings, int port) {
        return new SmtpTransport(settings, "127.0.0.1", port, MailSettings.Security.NONE);
    }

    private SmtpTransport(MailSettings settings, String host, int port, MailSettings.Security security) {
        this(settings, host, port, security, WRITE_TIMEOUT);
    }

    /** With another write timeout (tests: a relay that stops reading). */
    SmtpTransport(MailSettings settings, String host, int port, MailSettings.Security security, Duration writeTimeout) {
        useAngusStreamProviderDirectly();
        this.host = host;
        this.port = port;
        this.user = settings.smtpUser().orElse(null);
        this.password = settings.smtpPassword().orElse(null);
        Properties props = new Properties();
        props.put("mail.smtp.host", host);
        props.put("mail.smtp.port", Integer.toString(port));
        props.put("mail.smtp.from", settings.from().getAddress());
        props.put("mail.smtp.auth", Boolean.toString(user != null));
        props.put("mail.smtp.connectiontimeout", "10000");
        props.put("mail.smtp.timeout", "30000");
        props.put("mail.smtp.writetimeout", Long.toString(writeTimeout.toMillis()));
        props.put("mail.smtp.executor.writetimeout", writeTimeouts());
        switch (security) {
            case STARTTLS -> {
                props.put("mail.smtp.starttls.enable", "true");
                props.put("mail.smtp.starttls.required", "true");
                props.put("mail.smtp.ssl.checkserveridentity", "true");
            }
            case SMTPS -> {
                props.put("mail.smtp.ssl.enable", "true");
                props.put("mail.smtp.ssl.checkserveridentity", "true");
            }
            case NONE -> { }
        }
        this.session = Session.getInstance(props);
    }

    /**
     * Where Angus schedules the write timeout of every write to the relay: one thread for all of this
     * transport's connections. Without it Angus starts a scheduler thread for each connection, and the
     * dispatcher opens one per batch of mail (dozens of thread starts a second while a fan-out runs). The
     * thread ends when no connection has written for a second.
     */
    private static ScheduledThreadPoolExecutor writeTimeouts() {
        ScheduledThreadPoolExecutor timeouts = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "smtp-write-timeouts");
            thread.setDaemon(true);
            return thread;
        });
        timeouts.setRemoveOnCancelPolicy(true);
        timeouts.setKeepAliveTime(1, TimeUnit.SECONDS);
        timeouts.allowCoreThreadTimeOut(true);
        return timeouts;
    }

    /**
     * Jakarta Mail 2.1 looks its {@code StreamProvider} up with a fresh {@code ServiceLoader} (a scan
     * of every jar on the class path) for each body part, multipart and encoded header: the mail
     * benchmark's profile showed 30% of the dispatcher's CPU there (jakartaee/mail-api#699, #861,
     * open for 2.1). Its {@code FactoryFinder} reads the implementation's class name from this
     * system property first, which makes the look-up a loaded-class lookup. The value names the
     * one provider on the class path (Angus), so nothing else changes; an operator's own
     * setting is kept.
     */
    static void useAngusStreamProviderDirectly() {
        System.getProperties().putIfAbsent(jakarta.mail.util.StreamProvider.class.getName(),
                org.eclipse.angus.mail.util.MailStreamProvider.class.getName());
    }

    /** The relay named in the settings. */
    public static SmtpTransport configured(MailSettings settings) {
        return new SmtpTransport(settings, settings.smtpHost().orElseThrow(), settings.smtpPort());
    }

    @Override
    public Session session() {
        return session;
    }

    @Override
    public void probe() throws MessagingException {
        Transport transport = session.getTransport("smtp");
        transport.connect(host, port, user, password);
        try {
            // isConnected sends NOOP: a relay that greets but no longer answers fails here.
            if (!transport.isConnected()) {
                throw new MessagingException("the relay did not answer NOOP");
            }
        } finally {
            transport.close();
        }
    }

    @Override
    public Connection open() throws MessagingException {
        GatedSmtpTransport transport = new GatedSmtpTransport(session);
        transport.connect(host, port, user, password);
        return new Connection() {
            @Override
            public void send(MimeMessage message, AcceptGate gate) throws MessagingException {
                transport.gate = gate;
                try {
                    transport.sendMessage(message, message.getAllRecipients());
                } finally {
                    transport.gate = AcceptGate.OPEN;
                }
            }

            @Override
            public void close() {
                try {
                    transport.close();
                } catch (MessagingException ignored) {
                    // The batch is over; a failed QUIT changes nothing.
                }
            }
        };
    }

    /**
     * Angus's SMTP transport (what {@code session.getTransport("smtp")} builds), holding the end of
     * data until the gate opens: envelope, headers and body go out while the previous mail's mark
     * commits, and only the final {@code .} waits. A gate that throws an {@code IOException} makes
     * Angus close the socket, so the relay never accepts that message.
     */
    private static final class GatedSmtpTransport extends SMTPTransport {
        private volatile AcceptGate gate = AcceptGate.OPEN;

        GatedSmtpTransport(Session session) {
            super(session, new URLName("smtp", null, -1, null, null, null));
        }

        @Override
        protected void finishData() throws IOException, MessagingException {
            gate.awaitOpen();
            super.finishData();
        }
    }
}
