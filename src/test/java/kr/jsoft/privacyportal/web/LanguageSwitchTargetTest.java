package kr.jsoft.privacyportal.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LanguageSwitchTargetTest {
    @ParameterizedTest
    @ValueSource(strings = {"/en/%2f%2fevil.com", "/en/%2F%2Fevil.com", "//evil.com", "/en//evil.com",
            "/en/\\\\evil.com", "/en/%5cevil.com", "https://evil.com/en/", "/en/policy\\r\\nSet-Cookie:x=1",
            "/en/policy%0d%0aSet-Cookie:x=1", "/en/policy?x=%0d%0aSet-Cookie:x=1", "/en/../../etc", "/en/%2e%2e/x",
            "/en/./policy", "/en/policy;x=1", "/manager/../en", "/evil", "/enx", "en/policy", "/en/%zz", ""})
    void anythingButThisSitesOwnPageIsRefused(String to) {
        assertThat(LanguageServlet.sameSitePage(to.replace("\\r", "\r").replace("\\n", "\n"))).as(to).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/en", "/ko/", "/en/policy", "/en/policy/compare?from=2026-01-01&to=2026-11-30",
            "/ko/notices/00000000-0000-0000-0000-000000000000", "/manager", "/manager/complaints?status=open",
            "/ko/%ED%95%9C"})
    void thisSitesPagesAreAccepted(String to) {
        assertThat(LanguageServlet.sameSitePage(to)).as(to).isTrue();
    }
}
