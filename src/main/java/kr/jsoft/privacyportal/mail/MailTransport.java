package kr.jsoft.privacyportal.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/** Where mail leaves the portal: an SMTP relay, one connection per batch of mails. */
interface MailTransport {

    /** The Jakarta Mail session messages are built in. */
    Session session();

    /** Opens one connection (for one batch). */
    Connection open() throws MessagingException;

    /** One open SMTP connection. */
    interface Connection extends AutoCloseable {
        void send(MimeMessage message) throws MessagingException;

        @Override
        void close();
    }
}
