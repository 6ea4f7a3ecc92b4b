package kr.jsoft.privacyportal.manager;

import kr.jsoft.privacyportal.staff.ManagerArea;
import kr.jsoft.privacyportal.staff.Role;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import kr.jsoft.privacyportal.testing.PortalFixture;
import kr.jsoft.privacyportal.testing.StaffAccounts;
import org.htmlunit.HttpMethod;
import org.htmlunit.Page;
import org.htmlunit.WebClient;
import org.htmlunit.WebRequest;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.util.NameValuePair;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Collects every route registered in {@link ManagerArea} (this feature's and every later
 * feature's) and proves the gate: anonymous visitors are refused everywhere, and every role
 * is refused every view and action its route does not grant it.
 */
class ManagerRoutesIT {
    @RegisterExtension
    static PortalFixture portal = PortalFixture.builder().build();
    static final Map<Role, WebClient> browsers = new EnumMap<>(Role.class);

    @BeforeAll
    static void signInAsEveryRole() {
        StaffAccounts staff = new StaffAccounts(portal);
        for (Role role : Role.values()) {
            browsers.put(role, staff.signedIn(role));
        }
    }

    @AfterAll
    static void closeBrowsers() {
        browsers.values().forEach(WebClient::close);
    }

    static List<ManagerArea.Route> routes() {
        return portal.server().cores().staffArea().routes();
    }

    @Test
    void theDashboardRegistersItsOwnRoutes() {
        assertThat(routes()).extracting(ManagerArea.Route::path)
                .contains("/manager", "/manager/sign-out", "/manager/accounts/*", "/manager/audit/*");
    }

    @Test
    void everyRouteSendsAnAnonymousVisitorToSignInAndRefusesTheirChanges() throws Exception {
        try (WebClient anonymous = portal.browser()) {
            anonymous.getOptions().setRedirectEnabled(false);
            String csrf = StaffAccounts.csrf(anonymous.getPage(portal.url("/manager/sign-in")));
            for (ManagerArea.Route route : routes()) {
                Page view = anonymous.getPage(portal.url(route.samplePath()));
                assertThat(view.getWebResponse().getStatusCode()).as("GET " + route.path()).isEqualTo(302);
                assertThat(view.getWebResponse().getResponseHeaderValue("Location")).as(route.path())
                        .endsWith("/manager/sign-in");
                assertThat(post(anonymous, route, csrf)).as("POST " + route.path()).isEqualTo(403);
            }
        }
    }

    @Test
    void everyRoleIsRefusedWhatItsRouteDoesNotGrant() throws Exception {
        int refusalsChecked = 0;
        for (Role role : Role.values()) {
            WebClient browser = browsers.get(role);
            String csrf = StaffAccounts.csrf(browser.getPage(portal.url("/manager")));
            for (ManagerArea.Route route : routes()) {
                if (route.path().equals("/manager/sign-out")) {
                    continue; // allowed for every role; posting it would end this browser's session
                }
                int view = status(browser, route, HttpMethod.GET, csrf);
                if (route.access().mayView(role)) {
                    assertThat(view).as(role + " GET " + route.path()).isNotIn(401, 403);
                } else {
                    assertThat(view).as(role + " GET " + route.path()).isEqualTo(403);
                    refusalsChecked++;
                }
                if (!route.access().mayAct(role)) {
                    assertThat(post(browser, route, csrf)).as(role + " POST " + route.path()).isEqualTo(403);
                    refusalsChecked++;
                }
            }
        }
        assertThat(refusalsChecked).isPositive();
    }

    @Test
    void unknownDashboardAddressIs404EvenWhenSignedIn() throws Exception {
        Page page = browsers.get(Role.PRIVACY_MANAGER).getPage(portal.url("/manager/no-such-page"));
        assertThat(page.getWebResponse().getStatusCode()).isEqualTo(404);
    }

    @Test
    void navigationShowsOnlyWhatTheRoleMayView() throws Exception {
        HtmlPage staffHome = browsers.get(Role.STAFF).getPage(portal.url("/manager"));
        HtmlPage auditorHome = browsers.get(Role.AUDITOR).getPage(portal.url("/manager"));

        assertThat(staffHome.querySelectorAll(".manager-nav a")).extracting(a -> a.getAttributes().getNamedItem("href")
                .getNodeValue()).doesNotContain("/manager/accounts", "/manager/audit");
        assertThat(auditorHome.querySelectorAll(".manager-nav a")).extracting(a -> a.getAttributes()
                .getNamedItem("href").getNodeValue()).contains("/manager/audit").doesNotContain("/manager/accounts");
    }

    private static int post(WebClient browser, ManagerArea.Route route, String csrf) throws Exception {
        return status(browser, route, HttpMethod.POST, csrf);
    }

    private static int status(WebClient browser, ManagerArea.Route route, HttpMethod method, String csrf)
            throws Exception {
        boolean redirects = browser.getOptions().isRedirectEnabled();
        browser.getOptions().setRedirectEnabled(false);
        try {
            WebRequest request = new WebRequest(new URL(portal.url(route.samplePath())), method);
            if (method == HttpMethod.POST) {
                request.setRequestParameters(List.of(new NameValuePair("_csrf", csrf),
                        new NameValuePair("action", "disable")));
            }
            return browser.getPage(request).getWebResponse().getStatusCode();
        } finally {
            browser.getOptions().setRedirectEnabled(redirects);
        }
    }
}
