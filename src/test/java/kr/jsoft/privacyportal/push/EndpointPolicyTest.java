package kr.jsoft.privacyportal.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class EndpointPolicyTest {

    private final EndpointPolicy production = new EndpointPolicy(false);

    @ParameterizedTest
    @ValueSource(strings = {
        "http://push.example.org/x",
        "ftp://push.example.org/x",
        "https://user:pw@push.example.org/x",
        "https:///x",
        "/relative/x",
        "https://push.example.org/x#frag",
        "https://127.0.0.1/x",
        "https://[::1]/x",
        "https://10.1.2.3/x",
        "https://[fd00::1]/x",
        "https://100.64.0.1/x",
        "https://169.254.169.254/latest/meta-data",
        "https://0.0.0.0/x",
        "https://[::ffff:192.168.1.1]/x"
    })
    void badEndpointsAreRefusedAtRegistration(String endpoint) {
        assertThat(production.isAcceptable(URI.create(endpoint))).isFalse();
    }

    @Test
    void overlongEndpointIsRefused() {
        URI endpoint = URI.create("https://push.example.org/" + "a".repeat(2048));
        assertThat(production.isAcceptable(endpoint)).isFalse();
    }

    @Test
    void ordinaryHttpsEndpointIsAccepted() {
        assertThat(production.isAcceptable(URI.create("https://ntfy.sh/upAbCdEf?up=1"))).isTrue();
        assertThat(production.isAcceptable(URI.create("https://8.8.8.8/x"))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "127.0.0.1", "10.0.0.1", "172.16.5.4", "172.31.255.255", "192.168.0.1", "100.100.0.1",
        "169.254.1.1", "224.0.0.1", "255.255.255.255", "0.0.0.0", "::", "::1", "fe80::1", "fc00::1",
        "fdff::1", "ff02::1", "64:ff9b::a00:1", "2002:a00:1::1"
    })
    void nonPublicAddressesAreNotPublic(String address) throws Exception {
        assertThat(EndpointPolicy.isPublic(InetAddress.getByName(address))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "64:ff9b::10.0.0.1", "64:ff9b::127.0.0.1", "64:ff9b::192.168.1.1", // well-known NAT64 prefix
        "64:ff9b:1::a00:1", "64:ff9b:1:a00:1::", "64:ff9b:1::8.8.8.8",     // local-use NAT64: the position varies
        "::ffff:0:10.0.0.1", "::ffff:0:127.0.0.1", "::ffff:0:8.8.8.8",     // SIIT IPv4-translated
        "2002:7f00:1::1", "2002:c0a8:101::1", "2002:808:808::1",         // 6to4
        "2001:0:4136:e378:8000:63bf:f5ff:fffe", "2001::1",                 // Teredo
        "::10.0.0.1", "::127.0.0.1", "::8.8.8.8",                          // IPv4-compatible
        "2001:db8::1", "100::1"                                            // documentation, discard-only
    })
    void ipv6FormsThatCarryAPrivateOrUnroutableIpv4AreRefused(String address) throws Exception {
        assertThat(EndpointPolicy.isPublic(InetAddress.getByName(address))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.1", "127.0.0.1", "192.168.1.1", "169.254.169.254"})
    void ipv4MappedAddressesKeptInTheirIpv6FormAreJudgedByTheirIpv4Address(String ipv4) throws Exception {
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        System.arraycopy(InetAddress.getByName(ipv4).getAddress(), 0, mapped, 12, 4);
        // A resolver may answer an Inet6Address of the mapped form; the JDK folds only parsed text into IPv4.
        assertThat(EndpointPolicy.isPublic(java.net.Inet6Address.getByAddress(null, mapped, -1))).isFalse();
        System.arraycopy(new byte[] {8, 8, 8, 8}, 0, mapped, 12, 4);
        assertThat(EndpointPolicy.isPublic(java.net.Inet6Address.getByAddress(null, mapped, -1))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "172.32.0.1", "100.128.0.1", "2a00:1450:4001::1", "64:ff9b::808:808"})
    void publicAddressesArePublic(String address) throws Exception {
        assertThat(EndpointPolicy.isPublic(InetAddress.getByName(address))).isTrue();
    }

    @Test
    void hostWithAnyPrivateAddressIsRefusedAtConnect() {
        EndpointPolicy policy = new EndpointPolicy(false, host -> new InetAddress[] {
            InetAddress.getByName("93.184.216.34"), InetAddress.getByName("10.0.0.7")});

        assertThatThrownBy(() -> policy.checkBeforeConnect(URI.create("https://push.example.org/x")))
                .isInstanceOf(RefusedEndpointException.class);
    }

    @Test
    void hostWithOnlyPublicAddressesPassesAtConnect() {
        EndpointPolicy policy = new EndpointPolicy(false, host -> new InetAddress[] {
            InetAddress.getByName("93.184.216.34"), InetAddress.getByName("2606:2800:220:1::1")});

        assertThatCode(() -> policy.checkBeforeConnect(URI.create("https://push.example.org/x"))).doesNotThrowAnyException();
    }

    @Test
    void unresolvableHostIsReportedAsSuch() {
        EndpointPolicy policy = new EndpointPolicy(false, host -> {
            throw new UnknownHostException("nx");
        });

        assertThatThrownBy(() -> policy.checkBeforeConnect(URI.create("https://push.example.org/x")))
                .isInstanceOf(UnknownHostException.class);
    }

    @Test
    void testModeAllowsHttpAndLoopbackOnly() {
        EndpointPolicy tests = new EndpointPolicy(true);

        assertThat(tests.isAcceptable(URI.create("http://127.0.0.1:8080/x"))).isTrue();
        assertThat(tests.isAcceptable(URI.create("http://10.0.0.1:8080/x"))).isFalse();
    }
}
