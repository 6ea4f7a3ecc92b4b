package kr.jsoft.privacyportal.platform;

import java.net.InetAddress;
import java.time.Duration;
import java.util.function.Predicate;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.ServerConnector;

/**
 * Bounds on how long a client may take to send a request, so that slow or stalled clients
 * (a form body sent one byte every few seconds) cannot keep request threads from everyone else:
 * a connection that sends nothing for {@link #IDLE} is closed; a body arriving slower than
 * {@link #MIN_BYTES_PER_SECOND} is refused with 408 (logged as one line by the failure filter);
 * and one address holds at most {@link #CONNECTIONS_PER_ADDRESS} connections at once, which
 * also bounds how many threads a client trickling its headers can hold.
 */
final class SlowClients {
    static final Duration IDLE = Duration.ofSeconds(20);
    /** A phone on a poor mobile link still sends a complaint form many times faster than this. */
    static final long MIN_BYTES_PER_SECOND = 256;
    static final int CONNECTIONS_PER_ADDRESS = 32;

    private SlowClients() {
    }

    static void configure(HttpConfiguration http) {
        http.setIdleTimeout(IDLE.toMillis());
        http.setMinRequestDataRate(MIN_BYTES_PER_SECOND);
    }

    static void configure(ServerConnector connector, Predicate<InetAddress> trustedProxy) {
        connector.setIdleTimeout(IDLE.toMillis());
        connector.addBean(new ConnectionsPerAddress(CONNECTIONS_PER_ADDRESS, trustedProxy));
    }
}
