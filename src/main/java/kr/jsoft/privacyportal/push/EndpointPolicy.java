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
 * <p>{@link #resolveChecked} resolves the host once and refuses if <em>any</em> address is not
 * public. The Web Push client connects through {@link CheckedAddresses}, which hands the
 * connection exactly those addresses: there is no second lookup a rebinding DNS server could
 * answer differently. An IPv6 address that carries an IPv4 address (NAT64, mapped, SIIT, 6to4,
 * Teredo, IPv4-compatible) is judged by that IPv4 address where the form is routable at all
 * (the well-known NAT64 prefix a DNS64 resolver synthesises), and refused otherwise.
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
        resolveChecked(bareHost(endpoint));
    }

    /** Resolves {@code host} once and answers its addresses if every one is allowed; the caller connects to these. */
    InetAddress[] resolveChecked(String host) throws RefusedEndpointException, UnknownHostException {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        InetAddress[] addresses = resolver.resolve(bare);
        if (addresses == null || addresses.length == 0) {
            throw new UnknownHostException("no address");
        }
        checkAddresses(addresses);
        return addresses.clone();
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
        if (a instanceof Inet6Address) {
            return isPublicV6(b);
        }
        return false;
    }

    /**
     * IPv6 special-purpose ranges (IANA registry), above all the forms that carry an IPv4 address:
     * reaching a private IPv4 network through a translator or tunnel is the same SSRF.
     */
    private static boolean isPublicV6(byte[] b) {
        int w0 = word(b, 0);
        int w1 = word(b, 2);
        if ((b[0] & 0xfe) == 0xfc) { // fc00::/7 unique local
            return false;
        }
        if (allZero(b, 0, 10) && word(b, 10) == 0xffff) { // ::ffff:0:0/96 IPv4-mapped
            return isPublicV4(Arrays.copyOfRange(b, 12, 16));
        }
        if (allZero(b, 0, 8) && word(b, 8) == 0xffff && word(b, 10) == 0) { // ::ffff:0:0:0/96 SIIT IPv4-translated
            return false;
        }
        if (allZero(b, 0, 12)) { // ::/96 IPv4-compatible (deprecated), also :: and ::1
            return false;
        }
        if (w0 == 0x0064 && w1 == 0xff9b && allZero(b, 4, 12)) { // 64:ff9b::/96 well-known NAT64 prefix (DNS64)
            return isPublicV4(Arrays.copyOfRange(b, 12, 16));
        }
        if (w0 == 0x0064 && w1 == 0xff9b) { // 64:ff9b:1::/48 local-use NAT64, any other use of 64:ff9b::/32
            return false;
        }
        if (w0 == 0x2002) { // 2002::/16 6to4 (deprecated, RFC 7526)
            return false;
        }
        if (w0 == 0x2001 && (w1 & 0xfe00) == 0) { // 2001::/23 IETF protocol assignments, Teredo 2001::/32 among them
            return false;
        }
        if (w0 == 0x2001 && w1 == 0x0db8) { // 2001:db8::/32 documentation
            return false;
        }
        if (w0 == 0x0100 && allZero(b, 2, 8)) { // 100::/64 discard-only
            return false;
        }
        return true;
    }

    private static int word(byte[] b, int at) {
        return ((b[at] & 0xff) << 8) | (b[at + 1] & 0xff);
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
