package kr.jsoft.privacyportal.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PathRuleTest {
    @ParameterizedTest
    @ValueSource(strings = {"/manager/setup/../accounts", "/manager/./accounts", "/manager/..", "/manager/.",
            "/manager/setup/%2e%2e/accounts", "/manager/setup/%2E./accounts", "/manager/%2e/accounts",
            "/manager%2faccounts", "/manager%2Faccounts", "/manager%5caccounts", "/manager\\\\accounts",
            "/manager//accounts", "//manager", "/manager/accounts;jsessionid=1", "/manager;x/accounts",
            "/manager/accounts%00", "/MANAGER%2Faccounts", "/manager/accounts%5C", "manager", "/..", "/.", "/unsubscribe/../manager/accounts"})
    void ambiguousPathsAreRefused(String raw) {
        assertThat(PathRule.acceptable(raw)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/ko", "/en/notices.atom", "/manager/accounts/00000000-0000-0000-0000-000000000000",
            "/static/css/site.css", "/ko/policy/2026-11-30", "/ko/%ED%95%9C", "/api/v1/devices", "*",
            "/unsubscribe/abc_DEF-123", "/.well-known/security.txt", "/ko/policy/v1..2", "/ko/policy/..v2"})
    void theSitesOwnAddressesPass(String raw) {
        assertThat(PathRule.acceptable(raw)).isTrue();
    }
}
