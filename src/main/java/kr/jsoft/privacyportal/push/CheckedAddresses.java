package kr.jsoft.privacyportal.push;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.eclipse.jetty.util.Promise;
import org.eclipse.jetty.util.SocketAddressResolver;

/**
 * The Web Push client's name resolution: the host is resolved once, by {@link EndpointPolicy},
 * and the connection goes to exactly the addresses it checked. With a separate check and a
 * separate lookup for the connection, a DNS server that answers a public address first and a
 * private one a moment later (DNS rebinding) would steer the request inside. The TLS handshake
 * (SNI, certificate host name) and the {@code Host} header still use the endpoint's name.
 */
final class CheckedAddresses implements SocketAddressResolver {
    private final EndpointPolicy policy;

    CheckedAddresses(EndpointPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    @Override
    public void resolve(String host, int port, Map<String, Object> context, Promise<List<InetSocketAddress>> promise) {
        InetAddress[] addresses;
        try {
            addresses = policy.resolveChecked(host);
        } catch (RefusedEndpointException | UnknownHostException e) {
            promise.failed(e);
            return;
        }
        promise.succeeded(Arrays.stream(addresses).map(a -> new InetSocketAddress(a, port)).toList());
    }
}
