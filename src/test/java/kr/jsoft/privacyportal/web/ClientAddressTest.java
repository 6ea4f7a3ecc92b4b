package kr.jsoft.privacyportal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Forwarded client addresses are believed only from trusted proxies, walking the chain from the right. */
class ClientAddressTest {
    private static final ClientAddress BEHIND_BALANCER = new ClientAddress(List.of("10.0.0.0/8", "192.168.1.10"),
            ClientAddress.Header.X_FORWARDED_FOR);

    @Test
    void withoutTrustedProxiesTheDirectPeerIsTheClientWhateverTheHeaderSays() {
        assertThat(ClientAddress.directPeer().resolve("10.0.0.5", List.of("203.0.113.7"))).isEqualTo("10.0.0.5");
    }

    @Test
    void aTrustedBalancersForwardedAddressIsTheClient() {
        assertThat(BEHIND_BALANCER.resolve("10.0.0.5", List.of("203.0.113.7"))).isEqualTo("203.0.113.7");
    }

    @Test
    void anUntrustedPeerCannotSpoofItsAddressWithTheHeader() {
        assertThat(BEHIND_BALANCER.resolve("198.51.100.9", List.of("203.0.113.7"))).isEqualTo("198.51.100.9");
        assertThat(BEHIND_BALANCER.resolve("198.51.100.9", List.of("10.0.0.1"))).isEqualTo("198.51.100.9");
    }

    @Test
    void whatTheClientWroteIntoTheHeaderItselfIsNeverReached() {
        // The client sent "X-Forwarded-For: 6.6.6.6"; the balancer appended the address it saw.
        assertThat(BEHIND_BALANCER.resolve("10.0.0.5", List.of("6.6.6.6, 203.0.113.7"))).isEqualTo("203.0.113.7");
    }

    @Test
    void trustedProxiesAreSkippedFromTheRight() {
        assertThat(BEHIND_BALANCER.resolve("10.0.0.5", List.of("6.6.6.6, 203.0.113.7, 192.168.1.10, 10.1.2.3")))
                .isEqualTo("203.0.113.7");
    }

    @Test
    void severalHeaderLinesFormOneChain() {
        assertThat(BEHIND_BALANCER.resolve("10.0.0.5", List.of("6.6.6.6", "203.0.113.7, 192.168.1.10")))
                .isEqualTo("203.0.113.7");
    }

    @Test
    void anEntryThatIsNoAddressStopsTheWalkAtTheProxyThatPassedItOn() {
        assertThat(BEHIND_BALANCER.resolve("10.0.0.5", List.of("203.0.113.7, unknown"))).isEqualTo("10.0.0.5");
        assertThat(BEHIND_BALANCER.resolve("10.0.0.5", List.of("203.0.113.7, unknown, 192.168.1.10")))
                .isEqualTo("192.168.1.10");
        assertThat(BEHIND_BALANCER.resolve("10.0.0.5", List.of("999.1.1.1"))).isEqualTo("10.0.0.5");
    }

    @Test
    void hostNamesInTheHeaderAreNeverLookedUp() {
        assertThat(BEHIND_BALANCER.resolve("10.0.0.5", List.of("localhost"))).isEqualTo("10.0.0.5");
        assertThat(BEHIND_BALANCER.resolve("10.0.0.5", List.of("cafe"))).isEqualTo("10.0.0.5");
    }

    @Test
    void portsAndIpv6AreUnderstoodAndTheAddressNormalised() {
        assertThat(BEHIND_BALANCER.resolve("10.0.0.5", List.of("203.0.113.7:4711"))).isEqualTo("203.0.113.7");
        assertThat(BEHIND_BALANCER.resolve("10.0.0.5", List.of("[2001:db8::17]:4711")))
                .isEqualTo("2001:db8:0:0:0:0:0:17");
        assertThat(BEHIND_BALANCER.resolve("10.0.0.5", List.of("2001:db8::17"))).isEqualTo("2001:db8:0:0:0:0:0:17");
    }

    @Test
    void rfc7239ForwardedIsReadWhenConfiguredAndXForwardedForThenIgnored() {
        ClientAddress forwarded = new ClientAddress(List.of("10.0.0.0/8"), ClientAddress.Header.FORWARDED);
        assertThat(forwarded.resolve("10.0.0.5",
                List.of("for=6.6.6.6, for=\"[2001:db8:cafe::17]:4711\";proto=https;by=10.0.0.5")))
                .isEqualTo("2001:db8:cafe:0:0:0:0:17");
        assertThat(forwarded.resolve("10.0.0.5", List.of("for=192.0.2.60;proto=http, for=10.9.9.9")))
                .isEqualTo("192.0.2.60");
        assertThat(forwarded.resolve("10.0.0.5", List.of("for=unknown"))).isEqualTo("10.0.0.5");
    }

    @Test
    void aTrustedIpv6BalancerIsMatchedByItsRange() {
        ClientAddress v6 = new ClientAddress(List.of("2001:db8::/32"), ClientAddress.Header.X_FORWARDED_FOR);
        assertThat(v6.resolve("2001:db8:0:0:0:0:0:1", List.of("198.51.100.20"))).isEqualTo("198.51.100.20");
        assertThat(v6.resolve("2001:db9:0:0:0:0:0:1", List.of("198.51.100.20"))).isEqualTo("2001:db9:0:0:0:0:0:1");
    }

    @Test
    void trustedProxyEntriesMustBeAddressesOrRanges() {
        assertThatThrownBy(() -> new ClientAddress(List.of("balancer.internal"), ClientAddress.Header.X_FORWARDED_FOR))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("balancer.internal");
        assertThatThrownBy(() -> new ClientAddress(List.of("10.0.0.0/33"), ClientAddress.Header.X_FORWARDED_FOR))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("10.0.0.0/33");
        assertThatThrownBy(() -> new ClientAddress(List.of("10.0.0.1/8"), ClientAddress.Header.X_FORWARDED_FOR))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
