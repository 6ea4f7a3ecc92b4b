package kr.jsoft.privacyportal.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RoutesTest {
    @Test
    void secretLinksAreRedactedAfterTheirPrefix() {
        assertThat(Routes.loggable("/ko/complaints/status/AbCdEfGhIjKlMnOpQrStUv", "received"))
                .isEqualTo("/ko/complaints/status/[redacted]?received");
        assertThat(Routes.loggable("/unsubscribe/abc", null)).isEqualTo("/unsubscribe/[redacted]");
        assertThat(Routes.loggable("/en/notices/subscribe/confirm/x1", null))
                .isEqualTo("/en/notices/subscribe/confirm/[redacted]");
        assertThat(Routes.loggable("/manager/setup/short", null)).isEqualTo("/manager/setup/[redacted]");
    }

    @Test
    void tokensAddressesAndNumbersAreRedactedAnywhere() {
        assertThat(Routes.loggable("/ko/x/AbCdEfGhIjKlMnOpQrStUv", null)).isEqualTo("/ko/x/[redacted]");
        assertThat(Routes.loggable("/ko/someone%40example.com", null)).isEqualTo("/ko/[redacted]");
        assertThat(Routes.loggable("/ko/someone@example.com", null)).isEqualTo("/ko/[redacted]");
        assertThat(Routes.loggable("/ko/010-1234-5678", null)).isEqualTo("/ko/[redacted]");
        assertThat(Routes.loggable("/ko/01012345678", null)).isEqualTo("/ko/[redacted]");
    }

    @Test
    void ordinaryPathsOpaqueIdsAndDatesStay() {
        assertThat(Routes.loggable("/", null)).isEqualTo("/");
        assertThat(Routes.loggable("/ko/policy/2026-11-30", null)).isEqualTo("/ko/policy/2026-11-30");
        assertThat(Routes.loggable("/api/v1/devices/6f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f/check-ins", null))
                .isEqualTo("/api/v1/devices/6f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f/check-ins");
    }

    @Test
    void deepPathsAreStillRedactedSegmentBySegment() {
        assertThat(Routes.loggable("/ko/complaints/status/abc/def/ghi/jkl/mno/AbCdEfGhIjKlMnOpQrStUv/x", null))
                .isEqualTo("/ko/complaints/status/[redacted]");
        assertThat(Routes.loggable("/api/v1/devices/aaaaaaaaaa/bbbbbbbbbb/cccccccccc/x@y/01012345678/ok", null))
                .isEqualTo("/api/v1/devices/aaaaaaaaaa/bbbbbbbbbb/cccccccccc/[redacted]/[redacted]/ok");
        assertThat(Routes.loggable("/manager/setup//short", null)).isEqualTo("/manager/setup//short");
        assertThat(Routes.loggable("/ko/x/Ab%C3%A9", null)).isEqualTo("/ko/x/[redacted]");
    }

    @Test
    void queryStringsKeepOnlyTheirParameterNames() {
        assertThat(Routes.loggable("/manager/complaints", "reference=C-2026-000001&state=OPEN"))
                .isEqualTo("/manager/complaints?reference&state");
        assertThat(Routes.loggable("/x", "someone@example.com=1&token=AbCd")).isEqualTo("/x?[redacted]&token");
    }

    @Test
    void routePatternsFoldTheLanguage() {
        assertThat(Routes.foldLanguage("/ko/complaints/*")).isEqualTo("/{lang}/complaints/*");
        assertThat(Routes.foldLanguage("/en/notices.atom")).isEqualTo("/{lang}/notices.atom");
        assertThat(Routes.foldLanguage("/ko")).isEqualTo("/{lang}");
        assertThat(Routes.foldLanguage("/manager/outbox")).isEqualTo("/manager/outbox");
        assertThat(Routes.foldLanguage("/ko/")).isEqualTo("/{lang}");
        assertThat(Routes.foldLanguage("/kor/x")).isEqualTo("/kor/x");
        assertThat(Routes.foldLanguage("/")).isEqualTo("/");
    }
}
