package kr.jsoft.privacyportal.push;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * Keeps Web Push requests away from the portal's own network (SSRF): endpoints must be https
 * URLs with a host and no user-info, and every address their host resolves to must be public.
 *
 * <p>{@link #checkBeforeConnect} resolves the host and refuses if <em>any</em> address is not
 * public; the JDK's HttpClient then resolves the same name through the JVM's positive DNS cache
 * (30 s by default), so it connects to a checked address.
 */
public final class EndpointPolicy {

    static final int MAX_LENGTH = 2048;

    /** Name resolution, injectable for tests. */
    @FunctionalInterface
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final boolean allowPrivateForTests;
    private final Resolver resolver;

    /**
     * @param allowPrivateForTests also allow {@code http} and loopback addresses; for tests only
     */
    public EndpointPolicy(boolean allowPrivateForTests) {
        this(allowPrivateForTests, InetAddress::getAllByName);
    }

    EndpointPolicy(boolean allowPrivateForTests, Resolver resolver) {
        this.allowPrivateForTests = allowPrivateForTests;
        this.resolver = Objects.requireNonNull(resolver, "resolver");
    }

    /** Syntactic checks when a device registers an endpoint (no DNS lookup except for IP literals). */
    public void checkRegistration(URI endpoint) throws RefusedEndpointException {
        if (endpoint == null) {
            throw new RefusedEndpointException("endpoint missing");
        }
        if (endpoint.toString().length() > MAX_LENGTH) {
            throw new RefusedEndpointException("endpoint longer than " + MAX_LENGTH);
        }
        if (!endpoint.isAbsolute() || endpoint.isOpaque()) {
            throw new RefusedEndpointException("endpoint is not an absolute URL");
        }
        String scheme = endpoint.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(allowPrivateForTests && scheme.equals("http"))) {
            throw new RefusedEndpointException("endpoint must use https");
        }
        if (endpoint.getRawUserInfo() != null) {
            throw new RefusedEndpointException("endpoint must not carry user-info");
        }
        if (endpoint.getHost() == null || endpoint.getHost().isEmpty()) {
            throw new RefusedEndpointException("endpoint has no host");
        }
        if (endpoint.getRawFragment() != null) {
            throw new RefusedEndpointException("endpoint must not carry a fragment");
        }
        String host = bareHost(endpoint);
        if (isIpLiteral(host)) {
            try {
                checkAddresses(new InetAddress[] {InetAddress.getByName(host)});
            } catch (UnknownHostException e) {
                throw new RefusedEndpointException("endpoint host is not a valid IP address");
            }
        }
    }

    /** Full check right before each connection: syntax plus every resolved address. */
    public void checkBeforeConnect(URI endpoint) throws RefusedEndpointException, UnknownHostException {
        checkRegistration(endpoint);
        InetAddress[] addresses = resolver.resolve(bareHost(endpoint));
        if (addresses == null || addresses.length == 0) {
            throw new UnknownHostException("no address");
        }
        checkAddresses(addresses);
    }

    /** Convenience for registration forms. */
    public boolean isAcceptable(URI endpoint) {
        try {
            checkRegistration(endpoint);
            return true;
        } catch (RefusedEndpointException e) {
            return false;
        }
    }

    private void checkAddresses(InetAddress[] addresses) throws RefusedEndpointException {
        for (InetAddress a : addresses) {
            if (!isPublic(a) && !(allowPrivateForTests && a.isLoopbackAddress())) {
                throw new RefusedEndpointException("endpoint resolves to a non-public address");
            }
        }
    }

    static boolean isPublic(InetAddress a) {
        if (a.isAnyLocalAddress() || a.isLoopbackAddress() || a.isLinkLocalAddress()
                || a.isSiteLocalAddress() || a.isMulticastAddress()) {
            return false;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            return isPublicV4(b);
        }
        if (a instanceof Inet6Address v6) {
            if ((b[0] & 0xfe) == 0xfc) { // fc00::/7 unique local
                return false;
            }
            if (v6.isIPv4CompatibleAddress() || isNat64(b)) { // ::a.b.c.d, 64:ff9b::a.b.c.d
                return isPublicV4(Arrays.copyOfRange(b, 12, 16));
            }
            if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02) { // 2002::/16 6to4
                return isPublicV4(Arrays.copyOfRange(b, 2, 6));
            }
            if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x01 && b[2] == 0 && b[3] == 0) { // 2001::/32 Teredo
                return false;
            }
            return true;
        }
        return false;
    }

    private static boolean isPublicV4(byte[] b) {
        int o0 = b[0] & 0xff;
        int o1 = b[1] & 0xff;
        int o2 = b[2] & 0xff;
        if (o0 == 0 || o0 == 10 || o0 == 127 || o0 >= 224) { // this-network, private, loopback, multicast+reserved+broadcast
            return false;
        }
        if (o0 == 100 && (o1 & 0xc0) == 64) { // 100.64/10 CGNAT
            return false;
        }
        if (o0 == 169 && o1 == 254) { // link-local
            return false;
        }
        if (o0 == 172 && (o1 & 0xf0) == 16) { // 172.16/12
            return false;
        }
        if (o0 == 192 && o1 == 168) { // 192.168/16
            return false;
        }
        if (o0 == 192 && o1 == 0 && o2 == 0) { // 192.0.0/24 IETF protocol assignments
            return false;
        }
        return !(o0 == 198 && (o1 & 0xfe) == 18); // 198.18/15 benchmarking
    }

    private static boolean isNat64(byte[] b) {
        return (b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b
                && allZero(b, 4, 12);
    }

    private static boolean allZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static String bareHost(URI endpoint) {
        String host = endpoint.getHost();
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    private static boolean isIpLiteral(String host) {
        return host.contains(":") || host.matches("[0-9.]+");
    }
}
