package kr.jsoft.privacyportal.web;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import kr.jsoft.privacyportal.testing.PortalFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/**
 * Real sockets trickling form bodies at the real server: they are cut off (408 or closed),
 * everyone else still gets answers meanwhile, and none of it is an incident.
 */
class SlowClientsIT {
    private static final int SLOW_CLIENTS = 34;
    /** The server's limit: as many as one address may hold open at once. */
    private static final int CONNECTIONS_PER_ADDRESS = 32;

    @RegisterExtension
    static PortalFixture portal = PortalFixture.builder().build();

    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final List<Socket> slow = new ArrayList<>();

    @BeforeEach
    void captureLog() {
        log.start();
        root.addAppender(log);
    }

    @AfterEach
    void release() throws IOException {
        root.detachAppender(log);
        for (Socket socket : slow) {
            socket.close();
        }
    }

    @Test
    void clientsTricklingFormBodiesAreCutOffWhileOthersAreStillServed() throws Exception {
        for (int i = 0; i < SLOW_CLIENTS; i++) {
            Socket socket = new Socket(InetAddress.getLoopbackAddress(), portal.server().port());
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(("POST /en/complaints/new HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 100000\r\n\r\nd")
                    .getBytes(StandardCharsets.ISO_8859_1));
            slow.add(socket);
        }

        // Another client (its own address: 127.0.0.2 is loopback too) is served meanwhile.
        assertThat(statusFrom(InetAddress.getByName("127.0.0.2"), "/healthz")).isEqualTo(200);
        assertThat(statusFrom(InetAddress.getByName("127.0.0.2"), "/en/policy")).isEqualTo(200);

        // Each trickling client is answered 408 (request timeout) or closed, well before it could finish its body.
        for (Socket socket : slow) {
            assertThat(trickleUntilCutOff(socket)).isTrue();
        }
        assertThat(log.list).noneMatch(e -> e.getLevel() == Level.ERROR);
        assertThat(log.list).noneMatch(e -> e.getThrowableProxy() != null);
        assertThat(log.list).filteredOn(e -> e.getFormattedMessage().startsWith("More than"))
                .as("the address over its limit is logged once").hasSize(1);
    }

    @Test
    void idleKeepAliveConnectionsMakeRoomForTheSameAddressesNextOne() throws Exception {
        InetAddress office = InetAddress.getByName("127.0.0.3");
        // Browsers, apps and a NAT's other users leave keep-alive connections open between requests.
        for (int i = 0; i < CONNECTIONS_PER_ADDRESS; i++) {
            Socket socket = new Socket(InetAddress.getLoopbackAddress(), portal.server().port(), office, 0);
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write("GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n"
                    .getBytes(StandardCharsets.ISO_8859_1));
            slow.add(socket);
        }
        Thread.sleep(1_500);   // the connections' quiet time is the condition under test, not a wait for a result

        assertThat(statusFrom(office, "/healthz")).as("a new request from the same address").isEqualTo(200);
        assertThat(statusFrom(office, "/en/policy")).isEqualTo(200);
        assertThat(log.list).noneMatch(e -> e.getFormattedMessage().startsWith("More than"));
    }

    /**
     * Sends one byte at a time (30 at most, far from the 100,000 announced) and then reads:
     * true if the server answered 408 or closed the connection rather than wait for the rest.
     */
    private static boolean trickleUntilCutOff(Socket socket) throws InterruptedException {
        try {
            OutputStream out = socket.getOutputStream();
            for (int i = 0; i < 30 && socket.getInputStream().available() == 0; i++) {
                out.write('a');
                out.flush();
                Thread.sleep(100);   // the slowness under test, not a wait for a result
            }
        } catch (IOException closed) {
            return true;
        }
        try {
            int status = readStatus(socket.getInputStream());
            return status == 408 || status == -1;
        } catch (java.net.SocketTimeoutException stillWaiting) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }

    private static int statusFrom(InetAddress local, String path) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), portal.server().port(), local, 0)) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            return readStatus(socket.getInputStream());
        }
    }

    private static int readStatus(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c; (c = in.read()) != -1 && c != '\n'; ) {
            line.append((char) c);
        }
        String[] parts = line.toString().split(" ");
        return parts.length > 1 ? Integer.parseInt(parts[1]) : -1;
    }
}
