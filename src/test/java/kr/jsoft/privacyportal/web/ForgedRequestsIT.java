package kr.jsoft.privacyportal.web;

import static org.assertj.core.api.Assertions.assertThat;

import kr.jsoft.privacyportal.testing.PortalFixture;
import kr.jsoft.privacyportal.testing.RawHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What a visitor controls (the language switch's target, the Host header) never bends the portal's links. */
class ForgedRequestsIT {
    @RegisterExtension
    static PortalFixture portal = PortalFixture.builder().build();

    @ParameterizedTest
    @ValueSource(strings = {"/en/%2f%2fevil.com", "/en/%252f%252fevil.com", "/en/%5c%5cevil.com",
            "/en/policy%0d%0aSet-Cookie:%20x=1", "/en/%250d%250aSet-Cookie:x=1", "/en/../../etc/passwd",
            "/en/%2e%2e/%2e%2e/x", "/en/%252e%252e/x", "https://evil.com/en", "/en/policy;x=1"})
    void theLanguageSwitchRefusesAnythingButThisSitesPagesWith400(String to) {
        RawHttp.Answer answer = send("GET", "/lang?to=" + to, "localhost");

        assertThat(answer.status()).as(to).isEqualTo(400);
        assertThat(answer.header("Location")).isNull();
        assertThat(answer.headers().keySet()).doesNotContain("set-cookie");
        assertThat(answer.body()).doesNotContain("at kr.", "at org.");
        HostileRequestsIT.assertSecurityHeaders(answer);
    }

    @Test
    void theLanguageSwitchStillGoesToThisSitesPages() {
        RawHttp.Answer answer = send("GET", "/lang?to=/en/policy", "localhost");

        assertThat(answer.status()).isEqualTo(303);
        assertThat(answer.header("Location")).endsWith("/en/policy");
    }

    @Test
    void theFeedsLinksComeFromThePortalsOwnAddressNeverFromAForgedHost() {
        RawHttp.Answer forged = send("GET", "/en/notices.atom", "evil.example");
        RawHttp.Answer honest = send("GET", "/en/notices.atom", "localhost:" + portal.server().port());

        assertThat(forged.status()).isEqualTo(200);
        for (RawHttp.Answer answer : new RawHttp.Answer[] {forged, honest}) {
            assertThat(answer.body()).doesNotContain("evil.example")
                    .contains("href=\"http://localhost:" + portal.server().port() + "/en/notices");
        }
    }

    static RawHttp.Answer send(String method, String target, String host) {
        return RawHttp.exchange(portal.server().port(), method + " " + target + " HTTP/1.1\r\nHost: " + host
                + "\r\nConnection: close\r\n\r\n");
    }
}
