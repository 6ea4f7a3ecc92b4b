package kr.jsoft.privacyportal.manager;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.util.List;
import kr.jsoft.privacyportal.staff.Role;
import kr.jsoft.privacyportal.testing.PortalFixture;
import kr.jsoft.privacyportal.testing.StaffAccounts;
import org.htmlunit.HttpMethod;
import org.htmlunit.WebClient;
import org.htmlunit.WebRequest;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.util.NameValuePair;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Signing in replaces the form token: a token known before sign-in (the anonymous visitor's,
 * or the half-signed-in session's, which someone may have planted or read) cannot act for the
 * signed-in member.
 */
class CsrfRotationIT {
    @RegisterExtension
    static PortalFixture portal = PortalFixture.builder().build();
    final StaffAccounts staff = new StaffAccounts(portal);

    @Test
    void tokensFromBeforeSignInAreRefusedAfterIt() throws Exception {
        StaffAccounts.Login login = staff.create(Role.PRIVACY_MANAGER);
        try (WebClient browser = portal.browser()) {
            String anonymous = StaffAccounts.csrf(browser.getPage(portal.url("/manager/sign-in")));
            HtmlPage codeStep = staff.signIn(browser, login.email(), login.password(), "000000");
            String halfSignedIn = StaffAccounts.csrf(codeStep);
            HtmlPage home = staff.signIn(browser, login.email(), login.password(), staff.nextCode(login));
            assertThat(home.getUrl().getPath()).isEqualTo("/manager");
            String signedIn = StaffAccounts.csrf(home);

            assertThat(signedIn).isNotEqualTo(anonymous).isNotEqualTo(halfSignedIn);
            assertThat(signOut(browser, anonymous)).as("the anonymous token").isEqualTo(403);
            assertThat(signOut(browser, halfSignedIn)).as("the half-signed-in token").isEqualTo(403);
            assertThat(browser.getPage(portal.url("/manager")).getWebResponse().getStatusCode())
                    .as("still signed in").isEqualTo(200);
            assertThat(signOut(browser, signedIn)).as("the signed-in token").isIn(302, 303);
        }
    }

    private static int signOut(WebClient browser, String csrf) throws Exception {
        browser.getOptions().setRedirectEnabled(false);
        try {
            WebRequest request = new WebRequest(new URL(portal.url("/manager/sign-out")), HttpMethod.POST);
            request.setRequestParameters(List.of(new NameValuePair("_csrf", csrf)));
            return browser.getPage(request).getWebResponse().getStatusCode();
        } finally {
            browser.getOptions().setRedirectEnabled(true);
        }
    }
}
