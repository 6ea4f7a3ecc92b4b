package kr.jsoft.privacyportal.mail;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/**
 * Counts what the SMTP relay did with each mail: {@code portal_mail_sends_total{outcome=…}} with
 * {@code sent}, {@code refused} (the server refused the mail or recipient), {@code error} (the
 * connection broke) and {@code connect-failed} (no connection for a batch).
 */
final class MeteredMailTransport implements MailTransport {
    private final MailTransport transport;
    private final Counter sent;
    private final Counter refused;
    private final Counter error;
    private final Counter connectFailed;

    public MeteredMailTransport(MailTransport transport, MeterRegistry registry) {
        this.transport = transport;
        this.sent = counter(registry, "sent");
        this.refused = counter(registry, "refused");
        this.error = counter(registry, "error");
        this.connectFailed = counter(registry, "connect-failed");
    }

    private static Counter counter(MeterRegistry registry, String outcome) {
        return Counter.builder("portal.mail.sends").description("Mail send attempts by outcome")
                .tag("outcome", outcome).register(registry);
    }

    @Override
    public Session session() {
        return transport.session();
    }

    @Override
    public void probe() throws MessagingException {
        transport.probe();
    }

    @Override
    public Connection open() throws MessagingException {
        Connection connection;
        try {
            connection = transport.open();
        } catch (MessagingException | RuntimeException e) {
            connectFailed.increment();
            throw e;
        }
        return new Connection() {
            @Override
            public void send(MimeMessage message, AcceptGate gate) throws MessagingException {
                try {
                    connection.send(message, gate);
                    sent.increment();
                } catch (SendFailedException e) {
                    refused.increment();
                    throw e;
                } catch (MessagingException | RuntimeException e) {
                    error.increment();
                    throw e;
                }
            }

            @Override
            public void close() {
                connection.close();
            }
        };
    }
}
