package kr.jsoft.privacyportal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import kr.jsoft.privacyportal.staff.Role;
import kr.jsoft.privacyportal.testing.PortalFixture;
import kr.jsoft.privacyportal.testing.StaffAccounts;
import org.htmlunit.WebClient;
import org.htmlunit.html.DomNode;
import org.htmlunit.html.HtmlAnchor;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The container's error pages (JSP) wear the site's own frame: the same navigation and footer as
 * every Thymeleaf page, from the same message bundles, in the visitor's language, in clean UTF-8.
 */
class ErrorPagesIT {

    @RegisterExtension
    static PortalFixture portal = PortalFixture.builder().build();

    private static List<String> links(HtmlPage page, String container) {
        DomNode node = page.querySelector(container);
        return node.querySelectorAll("a").stream()
                .map(a -> ((HtmlAnchor) a).getHrefAttribute() + " " + a.asNormalizedText()).toList();
    }

    @Test
    void errorPagesCarryTheSameNavigationAndFooterAsLayoutInBothLanguages() throws Exception {
        for (String lang : List.of("ko", "en")) {
            try (WebClient browser = portal.browser()) {
                HtmlPage home = browser.getPage(portal.url("/" + lang + "/"));
                HtmlPage missing = browser.getPage(portal.url("/" + lang + "/no-such-page"));

                assertThat(missing.getWebResponse().getStatusCode()).isEqualTo(404);
                assertThat(links(missing, "nav.site-nav")).as(lang).isNotEmpty()
                        .isEqualTo(links(home, "nav.site-nav"));
                assertThat(links(missing, "footer")).as(lang).isEqualTo(links(home, "footer"));
                assertThat(missing.querySelector(".skip-link").asNormalizedText())
                        .isEqualTo(home.querySelector(".skip-link").asNormalizedText());
                assertThat(missing.querySelector(".brand").asNormalizedText())
                        .isEqualTo(home.querySelector(".brand").asNormalizedText());
                assertThat(missing.getDocumentElement().getAttribute("lang")).isEqualTo(lang);
            }
        }
    }

    @Test
    void anErrorInTheDashboardKeepsTheStaffFrameAndLeadsBackToTheDashboard() throws Exception {
        try (WebClient browser = new StaffAccounts(portal).signedIn(Role.PRIVACY_MANAGER)) {
            browser.getOptions().setThrowExceptionOnFailingStatusCode(false);
            HtmlPage dashboard = browser.getPage(portal.url("/manager"));
            HtmlPage missing = browser.getPage(portal.url("/manager/no-such-page"));

            assertThat(missing.getWebResponse().getStatusCode()).isEqualTo(404);
            assertThat(missing.querySelector("body").getAttributes().getNamedItem("class").getNodeValue()).isEqualTo("staff");
            assertThat(missing.querySelector(".staff-brand").asNormalizedText())
                    .isEqualTo(dashboard.querySelector(".staff-brand").asNormalizedText());
            assertThat((DomNode) missing.querySelector("nav.site-nav")).as("no public navigation in the dashboard").isNull();
            assertThat((DomNode) missing.querySelector("footer")).isNull();
            assertThat(missing.querySelectorAll("link[rel=stylesheet]").stream()
                    .map(l -> l.getAttributes().getNamedItem("href").getNodeValue()))
                    .containsExactly("/static/css/staff.css");
            assertThat(((HtmlAnchor) missing.querySelector(".error-home a")).getHrefAttribute()).isEqualTo("/manager");
            assertThat(missing.querySelector("h1").asNormalizedText()).isIn("페이지를 찾을 수 없습니다", "Page not found");
        }
    }

    @Test
    void koreanErrorPagesAreCleanUtf8NotMojibake() throws Exception {
        try (WebClient browser = portal.browser()) {
            HtmlPage missing = browser.getPage(portal.url("/ko/no-such-page"));
            String text = missing.asNormalizedText();

            assertThat(missing.getWebResponse().getContentType()).isEqualTo("text/html");
            assertThat(missing.getWebResponse().getContentCharset().name()).isEqualTo("UTF-8");
            assertThat(text).contains("페이지를 찾을 수 없습니다", "홈으로 가기", "jsoft · 스마트콜백", "이메일로 공지 받기");
            // UTF-8 bytes read as Latin-1 show up as these letters.
            assertThat(text).doesNotContain("Ã", "Â", "ì", "ê");
        }
    }

    @Test
    void anAddressWithoutALanguageGetsTheVisitorsPreferredLanguage() {
        var english = portal.get("/no-such-page", "Accept-Language", "en-GB,en;q=0.9");
        var korean = portal.get("/no-such-page", "Accept-Language", "ko-KR,ko;q=0.9");

        assertThat(english.statusCode()).isEqualTo(404);
        assertThat(english.body()).contains("<html lang=\"en\">", "Page not found");
        assertThat(korean.body()).contains("<html lang=\"ko\">", "페이지를 찾을 수 없습니다");
    }

    @Test
    void theFaviconIsServedSoNoPageLogsA404ForIt() {
        var icon = portal.get("/favicon.ico");

        assertThat(icon.statusCode()).isEqualTo(200);
        assertThat(icon.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("image/"));
    }
}
