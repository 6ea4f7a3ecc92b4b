package kr.jsoft.privacyportal.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import kr.jsoft.privacyportal.testing.PortalFixture;
import kr.jsoft.privacyportal.web.Dates;
import org.htmlunit.WebClient;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.DomNode;
import org.htmlunit.html.HtmlAnchor;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The public policy site end to end, on a copy of the repository's policies plus a revision
 * 2026-10-01 that is published (as the lifecycle would) before the tests: so the baseline
 * 2023-09-01 is superseded, 2026-10-01 is in force and 2027-01-portal is still a draft.
 */
class PolicySiteIT {
    static final Path POLICIES = revisedPolicies();

    @RegisterExtension
    static PortalFixture portal = PortalFixture.builder()
            .setting("PORTAL_POLICIES_DIR", POLICIES.toString())
            .build();

    static Path revisedPolicies() {
        Path policies = TestPolicies.copy();
        TestPolicies.addRevision(policies, "2026-10-01", text -> text
                        .replace("Retained and used for the duration of the app use period.",
                                "Retained for 30 days after the app is deleted.")
                        .replace("앱 이용기간 동안 보유 및 이용합니다.", "앱 삭제 후 30일 동안 보유합니다."),
                "privacy@jsoft.example");
        return policies;
    }

    @BeforeAll
    static void publishTheRevision() throws Exception {
        publishTheRevision(portal);
    }

    /** Publishes 2026-10-01 (in force since 1 October 2026) as the lifecycle would, and restarts. */
    static void publishTheRevision(PortalFixture portal) throws Exception {
        portal.server().database().inTransaction(session -> session
                .createMutationQuery("update PolicyVersion set effectiveAt = :effective, noticePostedAt = :posted"
                        + " where label = '2026-10-01'")
                .setParameter("effective", Dates.startOfDay(LocalDate.of(2026, 10, 1)))
                .setParameter("posted", Dates.startOfDay(LocalDate.of(2026, 9, 1)))
                .executeUpdate());
        portal.restart();
    }

    @Test
    void thePolicyInForceShowsItsTextContentsVersionAndEffectiveDate() throws Exception {
        try (WebClient browser = portal.browser()) {
            HtmlPage page = browser.getPage(portal.url("/en/policy"));

            assertThat(page.getWebResponse().getStatusCode()).isEqualTo(200);
            assertThat(text(page, "h1")).isEqualTo("Privacy policy");
            assertThat(text(page, ".version-line"))
                    .contains("Version 2026-10-01", "In force since 1 October 2026");
            assertThat(page.asNormalizedText()).contains("Retained for 30 days after the app is deleted.");
            List<DomNode> toc = page.querySelectorAll(".toc a");
            assertThat(toc).hasSize(8);
            for (DomNode link : toc) {
                String target = ((HtmlAnchor) link).getHrefAttribute().substring(1);
                assertThat(page.getElementById(target)).as(target).isNotNull();
            }
            assertThat(page.getElementById("section-7").asNormalizedText()).startsWith("7.");
            assertThat(page.querySelectorAll("link[rel=stylesheet][media=print]")).hasSize(1);
            assertThat(hrefs(page)).contains("/en/policy/versions", "/en/policy/compare?from=2023-09-01&to=2026-10-01");
        }
    }

    @Test
    void theKoreanBaselineSaysInOneLineThatItIsAReferenceTranslation() throws Exception {
        try (WebClient browser = portal.browser()) {
            HtmlPage korean = browser.getPage(portal.url("/ko/policy/2023-09-01"));
            HtmlPage english = browser.getPage(portal.url("/en/policy/2023-09-01"));

            assertThat(korean.getDocumentElement().getAttribute("lang")).isEqualTo("ko");
            assertThat(text(korean, "h1")).isEqualTo("개인정보처리방침");
            assertThat(korean.querySelectorAll(".reference-translation")).singleElement()
                    .satisfies(note -> assertThat(note.asNormalizedText()).contains("참고용 번역", "원문은 영문"));
            assertThat(korean.asNormalizedText()).contains("앱 이용기간 동안 보유 및 이용합니다.");
            assertThat(english.querySelectorAll(".reference-translation")).isEmpty();
        }
    }

    @Test
    void everyPageIsAccessibleInBothLanguages() throws Exception {
        try (WebClient browser = portal.browser()) {
            for (String lang : List.of("ko", "en")) {
                for (String path : List.of("/policy", "/policy/versions", "/policy/2023-09-01",
                        "/policy/compare?from=2023-09-01&to=2026-10-01", "/notices", "/contact")) {
                    HtmlPage page = browser.getPage(portal.url("/" + lang + path));
                    String other = lang.equals("ko") ? "en" : "ko";
                    String where = lang + path;

                    assertThat(page.getWebResponse().getStatusCode()).as(where).isEqualTo(200);
                    assertThat(page.getDocumentElement().getAttribute("lang")).as(where).isEqualTo(lang);
                    assertThat(page.querySelectorAll("h1")).as(where).hasSize(1);
                    assertHeadingsInOrder(page, where);
                    for (String landmark : List.of("header", "main#main", "footer")) {
                        assertThat(page.querySelectorAll(landmark)).as(where + " " + landmark).hasSize(1);
                    }
                    assertThat(page.querySelectorAll("nav")).as(where).isNotEmpty()
                            .allSatisfy(nav -> assertThat(((DomElement) nav).getAttribute("aria-label")).isNotBlank());
                    DomElement twin = page.querySelector("head link[rel=alternate][hreflang=" + other + "]");
                    assertThat(twin.getAttribute("href")).as(where).isEqualTo("/" + other + path);
                    DomElement switchLink = page.querySelector("a.lang-switch");
                    assertThat(switchLink.getAttribute("lang")).isEqualTo(other);
                    assertThat(switchLink.getAttribute("hreflang")).isEqualTo(other);
                    assertThat(page.querySelectorAll("[style], script")).as(where).isEmpty();
                }
            }
        }
    }

    private static void assertHeadingsInOrder(HtmlPage page, String where) {
        int previous = 0;
        for (DomNode heading : page.querySelectorAll("h1, h2, h3, h4, h5, h6")) {
            int level = heading.getNodeName().charAt(1) - '0';
            assertThat(level).as(where + ": " + heading.asNormalizedText()).isLessThanOrEqualTo(previous + 1);
            previous = level;
        }
    }

    @Test
    void bareAddressesRedirectToTheRememberedOrAcceptedLanguageElseKorean() {
        assertThat(location(portal.get("/policy"))).isEqualTo("/ko/policy");
        assertThat(location(portal.get("/policy", "Accept-Language", "en-GB,en;q=0.9"))).isEqualTo("/en/policy");
        assertThat(location(portal.get("/notices", "Accept-Language", "ko", "Cookie", "lang=en"))).isEqualTo("/en/notices");
        assertThat(location(portal.get("/policy/compare?from=a&to=b", "Accept-Language", "en")))
                .isEqualTo("/en/policy/compare?from=a&to=b");
        assertThat(location(portal.get("/contact", "Accept-Language", "fr, en;q=0.5"))).isEqualTo("/en/contact");
    }

    @Test
    void theLanguageSwitchRemembersTheChoiceInACookie() throws Exception {
        try (WebClient browser = portal.browser()) {
            HtmlPage english = browser.getPage(portal.url("/en/policy/versions"));
            HtmlPage korean = ((HtmlAnchor) english.querySelector("a.lang-switch")).click();

            assertThat(korean.getUrl().getPath()).isEqualTo("/ko/policy/versions");
            assertThat(browser.getCookieManager().getCookie("lang").getValue()).isEqualTo("ko");
            // HtmlUnit's Firefox asks for English; the remembered choice wins.
            HtmlPage bare = browser.getPage(portal.url("/policy"));
            assertThat(bare.getUrl().getPath()).isEqualTo("/ko/policy");
        }
        HttpResponse<String> chosen = portal.get("/lang?to=/en/contact");
        assertThat(chosen.statusCode()).isEqualTo(303);
        assertThat(location(chosen)).isEqualTo("/en/contact");
        assertThat(chosen.headers().firstValue("Set-Cookie")).hasValueSatisfying(cookie -> assertThat(cookie)
                .contains("lang=en", "Path=/", "HttpOnly", "SameSite=Lax").containsIgnoringCase("Max-Age="));
    }

    @Test
    void theLanguageSwitchGoesOnlyToPagesOfThisSite() {
        for (String to : List.of("https://evil.example/", "//evil.example/en/", "/en//evil.example", "/fr/policy", "")) {
            assertThat(portal.get("/lang?to=" + java.net.URLEncoder.encode(to, java.nio.charset.StandardCharsets.UTF_8))
                    .statusCode()).as(to).isEqualTo(400);
        }
    }

    @Test
    void theArchiveListsEveryPublishedVersionWithItsPeriod() throws Exception {
        try (WebClient browser = portal.browser()) {
            HtmlPage page = browser.getPage(portal.url("/en/policy/versions"));

            List<DomNode> rows = page.querySelectorAll("table.versions tbody tr");
            assertThat(rows).hasSize(2);
            assertThat(rows.get(0).asNormalizedText()).contains("2026-10-01", "in force", "1 October 2026");
            assertThat(rows.get(1).asNormalizedText()).contains("2023-09-01", "1 September 2023", "1 October 2026");
            assertThat(page.asNormalizedText()).doesNotContain("2027-01-portal");
            assertThat(hrefs(page)).contains("/en/policy/2023-09-01", "/en/policy/2026-10-01",
                    "/en/policy/compare?from=2023-09-01&to=2026-10-01");
        }
    }

    @Test
    void everyPublishedVersionStaysAtItsOwnAddressAndDraftsAreNotShown() throws Exception {
        try (WebClient browser = portal.browser()) {
            HtmlPage baseline = browser.getPage(portal.url("/en/policy/2023-09-01"));

            assertThat(text(baseline, ".version-line"))
                    .contains("Version 2023-09-01", "In force from 1 September 2023 until 1 October 2026");
            assertThat(baseline.asNormalizedText()).contains("Retained and used for the duration of the app use period.");
            assertThat(hrefs(baseline)).contains("/en/policy");
        }
        assertThat(portal.get("/en/policy/2027-01-portal").statusCode()).isEqualTo(404);
        assertThat(portal.get("/en/policy/no-such-version").statusCode()).isEqualTo(404);
        assertThat(portal.get("/en/policy/%3Cscript%3E").statusCode()).isEqualTo(404);
    }

    @Test
    void theCompareViewMarksAdditionsAndRemovalsSectionBySection() throws Exception {
        try (WebClient browser = portal.browser()) {
            HtmlPage page = browser.getPage(portal.url("/en/policy/compare?from=2023-09-01&to=2026-10-01"));
            HtmlPage korean = browser.getPage(portal.url("/ko/policy/compare?from=2023-09-01&to=2026-10-01"));

            assertThat(page.querySelectorAll(".redline-section")).hasSize(9);
            DomNode changed = page.querySelector(".redline-section.changed");
            assertThat(text(changed, "h2")).contains("3. Retention", "changed");
            // Each mark starts with a word for screen readers, hidden on screen: not colour alone.
            assertThat(changed.querySelectorAll("del")).extracting(DomNode::asNormalizedText)
                    .containsExactly("removed: and used", "removed: the duration of", "removed: use period.");
            assertThat(changed.querySelectorAll("ins")).extracting(DomNode::asNormalizedText)
                    .containsExactly("added: 30 days after", "added: is deleted.");
            assertThat(changed.asNormalizedText()).doesNotContain("## ", "**");
            assertThat(text(page, "#compare-summary")).contains("One section changed", "3. Retention");
            assertThat(page.querySelectorAll("details#unchanged-sections .redline-section")).hasSize(8);
            assertThat(page.querySelectorAll(".redline-section.changed")).hasSize(1);
            assertThat(text(korean, ".redline-section.changed ins")).contains("삭제 후 30일");
        }
    }

    @Test
    void aBadOrUnknownLabelGetsThe400PageNamingTheParameter() throws Exception {
        try (WebClient browser = portal.browser()) {
            HtmlPage unknown = browser.getPage(portal.url("/en/policy/compare?from=nope&to=2026-10-01"));
            HtmlPage missing = browser.getPage(portal.url("/en/policy/compare?from=2023-09-01"));
            HtmlPage draft = browser.getPage(portal.url("/ko/policy/compare?from=2023-09-01&to=2027-01-portal"));
            HtmlPage markup = browser.getPage(portal.url("/en/policy/compare?from=2023-09-01&to=%3Cb%3Ex%3C/b%3E"));

            assertThat(unknown.getWebResponse().getStatusCode()).isEqualTo(400);
            assertThat(unknown.asNormalizedText()).contains("Parameter 'from': no published version is labelled 'nope'.");
            assertThat(missing.getWebResponse().getStatusCode()).isEqualTo(400);
            assertThat(missing.asNormalizedText()).contains("Parameter 'to' is missing");
            assertThat(draft.getWebResponse().getStatusCode()).isEqualTo(400);
            assertThat(draft.asNormalizedText()).contains("매개변수 'to'", "2027-01-portal");
            assertThat(markup.getWebResponse().getStatusCode()).isEqualTo(400);
            assertThat(markup.querySelectorAll("main b")).isEmpty();
        }
    }

    @Test
    void theNoticesSectionSaysSoWhileThereAreNone() throws Exception {
        try (WebClient browser = portal.browser()) {
            HtmlPage english = browser.getPage(portal.url("/en/notices"));
            HtmlPage korean = browser.getPage(portal.url("/ko/notices"));
            HtmlPage policy = browser.getPage(portal.url("/en/policy"));

            assertThat(text(english, ".empty")).isEqualTo("No notices have been posted yet.");
            assertThat(text(korean, ".empty")).isEqualTo("아직 게시된 공지사항이 없습니다.");
            assertThat(hrefs(english)).contains("/en/notices.atom");
            assertThat(hrefs(policy)).contains("/en/notices");
        }
    }

    @Test
    void theContactPageComesFromTheMetadataOfTheVersionInForce() throws Exception {
        try (WebClient browser = portal.browser()) {
            HtmlPage english = browser.getPage(portal.url("/en/contact"));
            HtmlPage korean = browser.getPage(portal.url("/ko/contact"));

            // The revision's metadata names another email than the baseline: the page follows it.
            assertThat(text(english, "dl.contact"))
                    .contains("CEO Jae-sang Cho", "0507-1402-6178", "privacy@jsoft.example", "https://jsoft.kr")
                    .doesNotContain("support@jsoft.kr");
            // Where to turn is the portal's current list; the version's own list stays as part of its text.
            assertThat(text(english, "#current-organisations")).contains("kopico.go.kr", "1833-6972",
                    "privacy.kisa.or.kr", "spo.go.kr", "ecrm.police.go.kr").doesNotContain("1336");
            assertThat(english.querySelectorAll("#policy-organisations tbody tr")).hasSize(4);
            assertThat(text(english, "#policy-organisations")).contains("Personal Dispute Mediation Committee", "1336");
            assertThat(english.asNormalizedText()).contains("version 2026-10-01", "have since moved or closed");
            assertThat(text(korean, "dl.contact")).contains("대표이사 조재상");
            assertThat(korean.asNormalizedText()).contains("개인정보분쟁조정위원회");
        }
    }

    @Test
    void aRepeatedRequestWithTheEtagGets304() {
        for (String path : List.of("/en/policy", "/ko/policy/versions", "/en/policy/2023-09-01", "/en/notices",
                "/en/notices.atom", "/ko/contact")) {
            HttpResponse<String> first = portal.get(path);
            String etag = first.headers().firstValue("ETag").orElseThrow();
            HttpResponse<String> again = portal.get(path, "If-None-Match", etag);

            assertThat(first.statusCode()).as(path).isEqualTo(200);
            assertThat(first.headers().firstValue("Cache-Control")).as(path).hasValue("no-cache");
            assertThat(again.statusCode()).as(path).isEqualTo(304);
            assertThat(again.body()).as(path).isEmpty();
            assertThat(portal.get(path, "If-None-Match", "\"other\"").statusCode()).as(path).isEqualTo(200);
        }
        assertThat(portal.get("/en/policy").headers().firstValue("ETag"))
                .isNotEqualTo(portal.get("/ko/policy").headers().firstValue("ETag"));
    }

    @Test
    void theEtagChangesWithTheSeoulDate() {
        String today = portal.get("/en/policy").headers().firstValue("ETag").orElseThrow();
        portal.clock().advance(Duration.ofDays(1));

        HttpResponse<String> tomorrow = portal.get("/en/policy", "If-None-Match", today);

        assertThat(tomorrow.statusCode()).isEqualTo(200);
        assertThat(tomorrow.headers().firstValue("ETag")).isNotEqualTo(java.util.Optional.of(today));
    }

    private static String location(HttpResponse<String> response) {
        String location = response.headers().firstValue("Location").orElseThrow();
        return java.net.URI.create(location).getRawPath() + (java.net.URI.create(location).getRawQuery() == null
                ? "" : "?" + java.net.URI.create(location).getRawQuery());
    }

    private static String text(DomNode node, String selector) {
        DomNode found = node.querySelector(selector);
        assertThat(found).as(selector).isNotNull();
        return found.asNormalizedText();
    }

    private static List<String> hrefs(HtmlPage page) {
        return page.getAnchors().stream().map(HtmlAnchor::getHrefAttribute).toList();
    }
}
