package kr.jsoft.privacyportal.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.QuotedCSV;
import org.eclipse.jetty.util.HostPort;
import org.eclipse.jetty.util.InetAddressSet;

/**
 * The client's address, used for rate limits (as a keyed hash) and, for staff only, in the
 * audit log. Behind a load balancer the direct peer is the balancer, so the address it forwards
 * counts instead, but only then: {@code X-Forwarded-For} (or RFC 7239 {@code Forwarded}, as
 * configured) is read only when the direct peer is one of the trusted proxies
 * ({@code PORTAL_TRUSTED_PROXIES}), and the chain is walked from the right, skipping trusted
 * proxies, to the first address no trusted proxy stands for. Whatever a client writes into the
 * header itself sits further left and is never reached. Built once, with the other cores.
 */
public final class ClientAddress {
    /** Which header the trusted proxies append the address they saw to. */
    public enum Header {
        X_FORWARDED_FOR("X-Forwarded-For"), FORWARDED("Forwarded");

        private final String name;

        Header(String name) {
            this.name = name;
        }

        public String headerName() {
            return name;
        }
    }

    private static final Pattern IPV4 = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private final InetAddressSet trusted = new InetAddressSet();
    private final Header header;

    /**
     * @param trustedProxies addresses or CIDR ranges ({@code 10.0.0.0/8}, {@code 2001:db8::/32}); literal
     *                       addresses only, never host names
     * @throws IllegalArgumentException naming the first entry that is not an address or range
     */
    public ClientAddress(List<String> trustedProxies, Header header) {
        for (String proxy : trustedProxies) {
            trusted.add(checkedPattern(proxy));
        }
        this.header = header;
    }

    /** No trusted proxy: the direct peer is the client. */
    public static ClientAddress directPeer() {
        return new ClientAddress(List.of(), Header.X_FORWARDED_FOR);
    }

    /** Whether {@code address} is one of PORTAL_TRUSTED_PROXIES (many visitors share its connections). */
    public boolean isTrustedProxy(InetAddress address) {
        return trusted.test(address);
    }

    /** The client's address for this request (normalised when it comes from a forwarded header). */
    public String of(HttpServletRequest request) {
        if (trusted.isEmpty()) {
            return request.getRemoteAddr();
        }
        return resolve(request.getRemoteAddr(), Collections.list(request.getHeaders(header.headerName())));
    }

    /** The walk itself: {@code peer} is the direct peer, {@code headerLines} the configured header's lines in order. */
    String resolve(String peer, List<String> headerLines) {
        Optional<InetAddress> peerAddress = literal(peer);
        if (peerAddress.isEmpty() || !trusted.test(peerAddress.get())) {
            return peer;
        }
        List<String> chain = header == Header.FORWARDED ? forwardedFor(headerLines) : forwardedList(headerLines);
        InetAddress client = peerAddress.get();
        for (int i = chain.size() - 1; i >= 0; i--) {
            Optional<InetAddress> hop = hostOf(chain.get(i)).flatMap(ClientAddress::literal);
            if (hop.isEmpty()) {
                // "unknown", an obfuscated name or garbage: the trusted proxy that passed it on is all we know.
                break;
            }
            client = hop.get();
            if (!trusted.test(client)) {
                break;
            }
        }
        return client == peerAddress.get() ? peer : client.getHostAddress();
    }

    /** X-Forwarded-For: comma-separated addresses, possibly over several header lines. */
    private static List<String> forwardedList(List<String> lines) {
        return new QuotedCSV(false, lines.toArray(String[]::new)).getValues();
    }

    /** RFC 7239: comma-separated elements of {@code ;}-separated pairs; the {@code for} pair of each. */
    private static List<String> forwardedFor(List<String> lines) {
        List<String> addresses = new ArrayList<>();
        for (String element : new QuotedCSV(false, lines.toArray(String[]::new)).getValues()) {
            String value = "";
            for (String pair : element.split(";")) {
                int equals = pair.indexOf('=');
                if (equals > 0 && pair.substring(0, equals).trim().toLowerCase(Locale.ROOT).equals("for")) {
                    value = pair.substring(equals + 1).trim().replace("\"", "");
                }
            }
            addresses.add(value);
        }
        return addresses;
    }

    /** The host of {@code 192.0.2.1}, {@code 192.0.2.1:4711}, {@code [2001:db8::1]:4711} or {@code 2001:db8::1}. */
    private static Optional<String> hostOf(String entry) {
        try {
            return Optional.of(new HostPort(entry.trim()).getHost());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * An IP address literal, never a name: the text is checked to be one before the JDK parses it,
     * so no header can make the portal ask DNS anything.
     */
    static Optional<InetAddress> literal(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String bare = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        boolean ipv4 = IPV4.matcher(bare).matches() && octetsInRange(bare);
        if (!ipv4 && !IPV6.matcher(bare).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(bare));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    private static boolean octetsInRange(String ipv4) {
        for (String octet : ipv4.split("\\.")) {
            if (Integer.parseInt(octet) > 255) {
                return false;
            }
        }
        return true;
    }

    private static String checkedPattern(String proxy) {
        String entry = proxy.trim();
        int slash = entry.indexOf('/');
        String address = slash < 0 ? entry : entry.substring(0, slash);
        if (literal(address).isEmpty()) {
            throw new IllegalArgumentException("'" + entry + "' is not an IP address or CIDR range");
        }
        if (slash >= 0) {
            String bits = entry.substring(slash + 1);
            int max = address.contains(":") ? 128 : 32;
            if (!bits.matches("[0-9]{1,3}") || Integer.parseInt(bits) > max) {
                throw new IllegalArgumentException("'" + entry + "' has no prefix length from 0 to " + max);
            }
        }
        return entry;
    }
}
