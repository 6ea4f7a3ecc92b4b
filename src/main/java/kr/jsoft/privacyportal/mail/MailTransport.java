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

    /**
     * Asks whether the relay answers (connect, greeting, EHLO, NOOP, QUIT) without sending anything.
     * Throws when it does not.
     */
    default void probe() throws MessagingException {
        try (Connection ignored = open()) {
            // Opening proves the greeting and EHLO; closing says QUIT.
        }
    }

    /** One open SMTP connection. */
    interface Connection extends AutoCloseable {
        void send(MimeMessage message) throws MessagingException;

        @Override
        void close();
    }
}
