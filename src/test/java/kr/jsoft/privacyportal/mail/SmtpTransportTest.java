package kr.jsoft.privacyportal.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import kr.jsoft.privacyportal.Settings;
import org.junit.jupiter.api.Test;

class SmtpTransportTest {

    /**
     * A relay that takes the envelope, answers DATA and then stops reading: the connection's writes
     * block once the socket buffers are full, and only the write timeout ends them (the read timeout
     * never comes into play, nothing is being read). The worker must get its connection back.
     */
    @Test
    void aRelayThatStopsReadingMidMessageFailsTheSendWhenTheWriteTimeoutEnds() throws Exception {
        CountDownLatch dataAnswered = new CountDownLatch(1);
        CountDownLatch testOver = new CountDownLatch(1);
        try (ServerSocket relay = new ServerSocket()) {
            relay.setReceiveBufferSize(4096);
            relay.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            Thread stalling = new Thread(() -> stallAfterData(relay, dataAnswered, testOver), "stalling-relay");
            stalling.setDaemon(true);
            stalling.start();

            MailSettings settings = Settings.fromEnvironment(Map.of()).mail();
            SmtpTransport transport = new SmtpTransport(settings, "127.0.0.1", relay.getLocalPort(),
                    MailSettings.Security.NONE, Duration.ofMillis(500));
            MimeMessage message = new MimeMessage(transport.session());
            message.setFrom(new InternetAddress("privacy@example.com"));
            message.setRecipients(MimeMessage.RecipientType.TO, "someone@example.com");
            message.setSubject("Larger than any socket buffer");
            message.setText("x".repeat(72).concat("\r\n").repeat(160_000)); // about 12 MB

            assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
                try (MailTransport.Connection connection = transport.open()) {
                    assertThatThrownBy(() -> connection.send(message, MailTransport.AcceptGate.OPEN))
                            .isInstanceOf(MessagingException.class);
                }
            });
            assertThat(dataAnswered.getCount()).isZero();
            // The timeout ran on the transport's shared scheduler (it lingers a second after its last task),
            // not on one Angus would have started for this connection.
            assertThat(Thread.getAllStackTraces().keySet()).anyMatch(t -> t.getName().equals("smtp-write-timeouts"));
        } finally {
            testOver.countDown();
        }
    }

    private static void stallAfterData(ServerSocket relay, CountDownLatch dataAnswered, CountDownLatch testOver) {
        try (Socket client = relay.accept()) {
            BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
            OutputStream out = client.getOutputStream();
            out.write("220 stalling relay\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String line;
            while ((line = in.readLine()) != null) {
                String command = line.toUpperCase(java.util.Locale.ROOT);
                if (command.startsWith("EHLO") || command.startsWith("HELO")) {
                    out.write("250 stalling relay\r\n".getBytes(StandardCharsets.US_ASCII));
                } else if (command.startsWith("DATA")) {
                    out.write("354 go ahead\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    dataAnswered.countDown();
                    testOver.await(60, java.util.concurrent.TimeUnit.SECONDS); // reads nothing more: the client's writes block
                    return;
                } else {
                    out.write("250 ok\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                out.flush();
            }
        } catch (Exception closed) {
            // the client closed the connection when its write timed out
        }
    }
}
