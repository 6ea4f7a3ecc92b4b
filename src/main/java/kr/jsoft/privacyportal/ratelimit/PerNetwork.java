package kr.jsoft.privacyportal.ratelimit;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * The subject a per-address limit counts a client address under. An IPv6 subscriber is
 * routinely given a whole /64 (RFC 6177), and privacy extensions hand out a fresh address from
 * it at will, so counting per IPv6 address would give one client 2^64 buckets: IPv6 counts per
 * /64, IPv4 per address (an IPv4-mapped IPv6 address counts as the IPv4 address it carries).
 */
public final class PerNetwork {
    private static final Pattern IPV6 = Pattern.compile("\\[?[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*(%[0-9A-Za-z._-]+)?]?");

    private PerNetwork() {
    }

    /** {@code 2001:db8:1:2::/64} for any address in that /64; anything else unchanged. */
    public static String of(String address) {
        if (address == null || !IPV6.matcher(address).matches()) {
            return address == null ? "" : address;
        }
        String bare = address.replace("[", "").replace("]", "");
        int zone = bare.indexOf('%');
        if (zone >= 0) {
            bare = bare.substring(0, zone);
        }
        InetAddress parsed;
        try {
            // A literal with a colon never reaches DNS.
            parsed = InetAddress.getByName(bare);
        } catch (UnknownHostException e) {
            return address;
        }
        if (!(parsed instanceof Inet6Address)) {
            return parsed.getHostAddress();
        }
        byte[] bytes = parsed.getAddress();
        for (int i = 8; i < 16; i++) {
            bytes[i] = 0;
        }
        try {
            return compact(InetAddress.getByAddress(bytes).getHostAddress()) + "/64";
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The JDK writes {@code 2001:db8:1:2:0:0:0:0}; the last four groups are always zero here. */
    private static String compact(String full) {
        return full.endsWith(":0:0:0:0") ? full.substring(0, full.length() - 8) + "::" : full;
    }
}
