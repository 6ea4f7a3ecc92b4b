package kr.jsoft.privacyportal.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import kr.jsoft.privacyportal.testing.Browser;
import kr.jsoft.privacyportal.testing.PortalFixture;
import kr.jsoft.privacyportal.testing.PublicWording;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The public site as a person sees it in Chromium, on a 360 px phone and a 1280 px desktop, in
 * Korean and English: every public page (error pages included) readable without sideways
 * scrolling, with body text of at least 16 px, free of internal words, and without a WCAG 2.1 AA
 * violation that axe-core can find. Screenshots land in {@code target/screenshots/PublicSiteBrowserIT/}.
 */
class PublicSiteBrowserIT {
    static final Path POLICIES = PolicySiteIT.revisedPolicies();

    @RegisterExtension
    static PortalFixture portal = PortalFixture.builder().setting("PORTAL_POLICIES_DIR", POLICIES.toString()).build();

    @RegisterExtension
    static Browser browser = new Browser();

    @BeforeAll
    static void publishTheRevision() throws Exception {
        PolicySiteIT.publishTheRevision(portal);
    }

    /** A page of the site: its address under the language, and a name for its screenshot. */
    record Page(String name, String path) {
    }

    static final List<Page> PAGES = List.of(
            new Page("home", "/"),
            new Page("policy", "/policy"),
            new Page("policy-baseline", "/policy/2023-09-01"),
            new Page("versions", "/policy/versions"),
            new Page("compare", "/policy/compare?from=2023-09-01&to=2026-10-01"),
            new Page("notices", "/notices"),
            new Page("contact", "/contact"),
            new Page("subscribe", "/notices/subscribe"),
            new Page("unsubscribe-by-mail", "/notices/subscribe/stop"),
            new Page("complaint", "/complaints/new"),
            new Page("destruction", "/destruction"),
            new Page("destruction-lost", "/destruction/lost"),
            new Page("destruction-verify", "/destruction/verify"),
            new Page("not-found", "/no-such-page"));

    private static void looksRight(Browser.View view, Page page) {
        String where = page.path() + " " + view;
        assertThat(browser.findAll("h1")).as(where).hasSize(1);
        assertThat(browser.find("h1").isDisplayed()).as(where).isTrue();
        assertThat(browser.scrollsSideways()).as(where + ": wider than the window").isFalse();
        assertThat(browser.css("main p", "font-size")).as(where + ": body text").isIn("16px", "18px");
        PublicWording.assertNoInternalTerms(where, browser.text());
        browser.screenshot(page.name());
        browser.assertAccessible();
    }

    @ParameterizedTest
    @MethodSource("kr.jsoft.privacyportal.testing.Browser#views")
    void everyPublicPageReadsWellAndPassesAxe(Browser.View view) {
        browser.use(view);
        for (Page page : PAGES) {
            browser.open(portal.url("/" + view.lang() + page.path()));
            looksRight(view, page);
        }
    }

    @ParameterizedTest
    @MethodSource("kr.jsoft.privacyportal.testing.Browser#views")
    void theRedlineShowsTheChangedSectionFirstAndFoldsTheRest(Browser.View view) {
        browser.use(view).open(portal.url("/" + view.lang() + "/policy/compare?from=2023-09-01&to=2026-10-01"));

        assertThat(browser.find("#compare-summary").getText()).contains("3.");
        assertThat(browser.find("article.redline-section").getText()).contains("3.");
        assertThat(browser.find("article.redline-section del").getCssValue("text-decoration-line"))
                .isEqualTo("line-through");
        assertThat(browser.find("article.redline-section ins").getCssValue("text-decoration-line"))
                .isEqualTo("underline");
        assertThat(browser.find("#unchanged-sections article").isDisplayed()).as("folded").isFalse();
        assertThat(browser.text()).doesNotContain("## ", "**");
    }

    @ParameterizedTest
    @MethodSource("kr.jsoft.privacyportal.testing.Browser#views")
    void aPersonCanFindTheSubscriptionFromTheNoticesAndAskForIt(Browser.View view) {
        browser.use(view).open(portal.url("/" + view.lang() + "/notices"));
        browser.click("#subscribe-link");
        assertThat(browser.driver().getCurrentUrl()).endsWith("/" + view.lang() + "/notices/subscribe");

        browser.type("email", "browser-" + view + "@example.com");
        browser.click("main form button[type=submit]");

        assertThat(browser.driver().getCurrentUrl()).endsWith("/notices/subscribe/sent");
        browser.screenshot("subscribe-sent");
        browser.assertAccessible();
    }

    @ParameterizedTest
    @MethodSource("kr.jsoft.privacyportal.testing.Browser#views")
    void aWrongEmailIsShownAgainWithTheMessageAndTheInputKept(Browser.View view) {
        browser.use(view).open(portal.url("/" + view.lang() + "/notices/subscribe/stop"));
        browser.type("email", "not an address");
        browser.click("main form button[type=submit]");

        assertThat(browser.find(".field-error").getText()).contains("name@example.com");
        assertThat(browser.find("#email").getAttribute("value")).isEqualTo("not an address");
        browser.screenshot("unsubscribe-by-mail-error");
        browser.assertAccessible();
    }
}
