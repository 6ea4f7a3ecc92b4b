package kr.jsoft.privacyportal.platform;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.eclipse.jetty.io.Connection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At most {@code limit} open connections from one client address: one address sending bodies
 * a byte at a time cannot hold more than that many request threads, so {@code /healthz} and
 * everyone else's pages keep theirs. Connections beyond it are closed at once. Trusted proxies
 * (every visitor behind them shares their address) are exempt; the load balancer limits there.
 * Logged once per address while it stays over the limit, as a warning, never as an incident.
 */
final class ConnectionsPerAddress implements Connection.Listener {
    private static final Logger log = LoggerFactory.getLogger(ConnectionsPerAddress.class);
    private final int limit;
    private final Predicate<InetAddress> exempt;
    private final Map<InetAddress, AtomicInteger> open = new ConcurrentHashMap<>();
    private final Map<InetAddress, Boolean> reported = new ConcurrentHashMap<>();
    private final Map<Connection, InetAddress> counted = new ConcurrentHashMap<>();

    ConnectionsPerAddress(int limit, Predicate<InetAddress> exempt) {
        this.limit = limit;
        this.exempt = exempt;
    }

    @Override
    public void onOpened(Connection connection) {
        InetAddress address = addressOf(connection.getEndPoint().getRemoteSocketAddress());
        if (address == null || exempt.test(address)) {
            return;
        }
        int now = open.computeIfAbsent(address, a -> new AtomicInteger()).incrementAndGet();
        counted.put(connection, address);
        if (now > limit) {
            if (reported.putIfAbsent(address, Boolean.TRUE) == null) {
                log.warn("More than {} connections at once from one client address; further ones are closed "
                        + "until it has fewer (a slow or abusive client)", limit);
            }
            connection.getEndPoint().close();
        }
    }

    @Override
    public void onClosed(Connection connection) {
        InetAddress address = counted.remove(connection);
        if (address == null) {
            return;
        }
        AtomicInteger count = open.get(address);
        if (count != null && count.decrementAndGet() <= 0) {
            open.remove(address, count);
            reported.remove(address);
        }
    }

    private static InetAddress addressOf(SocketAddress socket) {
        return socket instanceof InetSocketAddress inet ? inet.getAddress() : null;
    }
}
