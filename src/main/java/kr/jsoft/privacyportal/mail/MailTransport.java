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
     * Holds a message's end of data (the final {@code .} after which the relay has accepted it)
     * until what must come first is done: the dispatcher lets mail N+1 be accepted only once
     * mail N is recorded as sent, so at most one accepted mail per connection is unrecorded.
     */
    interface AcceptGate {
        AcceptGate OPEN = () -> { };

        /** Returns when the message may be accepted; throws to abandon it (and the connection) unaccepted. */
        void awaitOpen() throws java.io.IOException;
    }

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
        default void send(MimeMessage message) throws MessagingException {
            send(message, AcceptGate.OPEN);
        }

        /** Sends {@code message}, waiting at {@code gate} before its end of data. */
        void send(MimeMessage message, AcceptGate gate) throws MessagingException;

        @Override
        void close();
    }
}
