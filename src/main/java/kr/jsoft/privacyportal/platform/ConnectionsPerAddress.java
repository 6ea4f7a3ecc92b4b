package kr.jsoft.privacyportal.platform;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.IdleTimeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At most {@code limit} open connections from one client address: one address sending bodies
 * a byte at a time cannot hold more than that many request threads, so {@code /healthz} and
 * everyone else's pages keep theirs. A connection beyond the limit makes room by closing the
 * address's connection that has been quiet longest (an idle keep-alive connection a browser, an
 * app or a NAT's other users left open: it costs a reconnect, never a request); only when every
 * connection of the address was active within {@link #QUIET} is the new one closed instead.
 * Trusted proxies (every visitor behind them shares their address) are exempt; the load balancer
 * limits there. Logged once per address while it stays over the limit, as a warning, never as an
 * incident.
 */
final class ConnectionsPerAddress implements Connection.Listener {
    private static final Logger log = LoggerFactory.getLogger(ConnectionsPerAddress.class);
    /** A connection without traffic for this long may be closed to make room. */
    static final long QUIET = 1_000;
    private final int limit;
    private final Predicate<InetAddress> exempt;
    private final Map<InetAddress, Set<Connection>> open = new ConcurrentHashMap<>();
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
        Set<Connection> ofAddress = open.computeIfAbsent(address, a -> ConcurrentHashMap.newKeySet());
        ofAddress.add(connection);
        counted.put(connection, address);
        if (ofAddress.size() > limit) {
            Optional<Connection> quietest = ofAddress.stream().filter(c -> c != connection)
                    .filter(c -> idleFor(c) >= QUIET)
                    .max(Comparator.comparingLong(ConnectionsPerAddress::idleFor));
            if (quietest.isPresent()) {
                quietest.get().getEndPoint().close();
                return;
            }
            if (reported.putIfAbsent(address, Boolean.TRUE) == null) {
                log.warn("More than {} busy connections at once from one client address; further ones are closed "
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
        Set<Connection> ofAddress = open.get(address);
        if (ofAddress != null) {
            ofAddress.remove(connection);
            if (ofAddress.isEmpty()) {
                open.remove(address, ofAddress);
                reported.remove(address);
            }
        }
    }

    /** How long the connection has had no traffic, in milliseconds. */
    private static long idleFor(Connection connection) {
        return connection.getEndPoint() instanceof IdleTimeout idle ? idle.getIdleFor() : 0;
    }

    private static InetAddress addressOf(SocketAddress socket) {
        return socket instanceof InetSocketAddress inet ? inet.getAddress() : null;
    }
}
