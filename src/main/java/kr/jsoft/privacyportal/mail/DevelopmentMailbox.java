package kr.jsoft.privacyportal.mail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Development mode without {@code PORTAL_SMTP_HOST}: an embedded GreenMail SMTP server on a
 * free local port receives every mail the portal sends, so nothing reaches real people and
 * the manager dashboard can show what would have been sent ({@link #recent}).
 */
public final class DevelopmentMailbox extends AbstractLifeCycle {
    private static final Logger log = LoggerFactory.getLogger(DevelopmentMailbox.class);
    private final GreenMail greenMail;
    private final int port;

    /** Starts the server at once, so the transport knows its port while the portal is built. */
    public DevelopmentMailbox() {
        this.port = freePort();
        this.greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        log.warn("************************************************************************");
        log.warn("* DEVELOPMENT MAILBOX: no PORTAL_SMTP_HOST, so every mail goes to the    *");
        log.warn("* embedded SMTP server on 127.0.0.1:{} and nowhere else.              *", port);
        log.warn("************************************************************************");
    }

    /** One received mail, decoded for display. */
    public record ReceivedMail(String messageId, Instant receivedAt, List<String> to, String subject, String text,
                               String html, List<String> headers) {
    }

    public int port() {
        return port;
    }

    /** The received mails, newest first. */
    public List<ReceivedMail> recent() {
        List<ReceivedMail> mails = new ArrayList<>();
        for (MimeMessage message : greenMail.getReceivedMessages()) {
            mails.add(decode(message));
        }
        java.util.Collections.reverse(mails);
        return mails;
    }

    static ReceivedMail decode(MimeMessage message) {
        try {
            String text = null;
            String html = null;
            Object content = message.getContent();
            if (content instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart part = multipart.getBodyPart(i);
                    if (part.isMimeType("text/plain")) {
                        text = (String) part.getContent();
                    } else if (part.isMimeType("text/html")) {
                        html = (String) part.getContent();
                    }
                }
            } else {
                text = String.valueOf(content);
            }
            Address[] recipients = message.getAllRecipients();
            List<String> headers = new ArrayList<>();
            message.getAllHeaderLines().asIterator().forEachRemaining(headers::add);
            return new ReceivedMail(message.getMessageID(),
                    message.getReceivedDate() == null ? null : message.getReceivedDate().toInstant(),
                    recipients == null ? List.of() : Arrays.stream(recipients).map(Address::toString).toList(),
                    message.getSubject(), text, html, headers);
        } catch (MessagingException e) {
            throw new IllegalStateException("unreadable mail in the development mailbox", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free local port for the development mailbox", e);
        }
    }

    @Override
    protected void doStop() {
        greenMail.stop();
    }
}
