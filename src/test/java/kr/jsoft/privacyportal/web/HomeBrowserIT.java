package kr.jsoft.privacyportal.web;

import static org.assertj.core.api.Assertions.assertThat;

import kr.jsoft.privacyportal.testing.Browser;
import kr.jsoft.privacyportal.testing.PortalFixture;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The home page as a person sees it in a real browser, on a phone and a desktop, in both languages. */
class HomeBrowserIT {

    @RegisterExtension
    static PortalFixture portal = PortalFixture.builder().build();

    @RegisterExtension
    static Browser browser = new Browser();

    @ParameterizedTest
    @MethodSource("kr.jsoft.privacyportal.testing.Browser#views")
    void homePageShowsTheWayToEachJourneyWithoutSidewaysScrolling(Browser.View view) {
        browser.use(view).open(portal.url("/" + view.lang() + "/"));

        assertThat(browser.find("h1").getText()).isNotBlank();
        assertThat(browser.findAll("main a[href$='/policy']")).isNotEmpty();
        assertThat(browser.scrollsSideways()).as("page wider than a %d px window", view.width()).isFalse();
        browser.screenshot("home");
        browser.assertAccessible();
    }
}
