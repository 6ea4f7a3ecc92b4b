package kr.jsoft.privacyportal.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PerNetworkTest {
    @Test
    void everyAddressOfOneIpv6Slash64CountsAsThatNetwork() {
        assertThat(PerNetwork.of("2001:db8:1:2::1")).isEqualTo("2001:db8:1:2::/64");
        assertThat(PerNetwork.of("2001:db8:1:2:a5b3:91ff:fe00:7")).isEqualTo("2001:db8:1:2::/64");
        assertThat(PerNetwork.of("2001:DB8:1:2:0:0:0:ffff")).isEqualTo("2001:db8:1:2::/64");
        assertThat(PerNetwork.of("[2001:db8:1:2::9]")).isEqualTo("2001:db8:1:2::/64");
        assertThat(PerNetwork.of("fe80::1%eth0")).isEqualTo("fe80:0:0:0::/64");
    }

    @Test
    void neighbouringIpv6NetworksAreCountedApart() {
        assertThat(PerNetwork.of("2001:db8:1:3::1")).isNotEqualTo(PerNetwork.of("2001:db8:1:2::1"));
    }

    @Test
    void ipv4CountsPerAddressAlsoWhenWrittenAsMappedIpv6() {
        assertThat(PerNetwork.of("192.0.2.10")).isEqualTo("192.0.2.10");
        assertThat(PerNetwork.of("192.0.2.11")).isNotEqualTo(PerNetwork.of("192.0.2.10"));
        assertThat(PerNetwork.of("::ffff:192.0.2.10")).isEqualTo("192.0.2.10");
    }

    @Test
    void somethingThatIsNoAddressIsKeptAsItIs() {
        assertThat(PerNetwork.of("unknown")).isEqualTo("unknown");
        assertThat(PerNetwork.of("portal.example")).isEqualTo("portal.example");
        assertThat(PerNetwork.of(null)).isEmpty();
    }
}
