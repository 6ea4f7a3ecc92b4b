package kr.jsoft.privacyportal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kr.jsoft.privacyportal.testing.PortalFixture;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Anonymous visitors cost the session store nothing: their form tokens are a signed double
 * submit (a cookie nonce and its HMAC in the form), so neither viewing a form nor sending one
 * writes a {@code jetty_session} row, and a token works only with the cookie it was made for.
 */
class AnonymousVisitorsIT {
    @RegisterExtension
    static PortalFixture portal = PortalFixture.builder().build();

    static final List<String> FORM_PAGES = List.of("/ko/complaints/new", "/en/complaints/new",
            "/en/complaints/status-link", "/ko/notices/subscribe", "/en/notices/subscribe/stop", "/en/destruction",
            "/ko/destruction/lost", "/en/destruction/verify", "/manager/sign-in");
    private static final Pattern TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern COOKIE = Pattern.compile("(" + CsrfTokens.COOKIE + "=[^;]+)");

    long storedSessions() {
        return portal.server().database().fromTransaction(s -> ((Number) s.createNativeQuery(
                "select count(*) from jetty_session", Long.class).getSingleResult()).longValue());
    }

    @Test
    void manyAnonymousViewsOfEveryFormPageStoreNoSession() {
        for (int visitor = 0; visitor < 20; visitor++) {
            for (String page : FORM_PAGES) {
                HttpResponse<String> answer = portal.get(page);
                assertThat(answer.statusCode()).as(page).isEqualTo(200);
                assertThat(answer.body()).as(page).containsPattern(TOKEN);
                List<String> cookies = answer.headers().allValues("Set-Cookie");
                assertThat(cookies).as(page).noneMatch(c -> c.startsWith("portal_session="));
                assertThat(cookies).as(page).anyMatch(c -> c.startsWith(CsrfTokens.COOKIE + "=")
                        && c.contains("HttpOnly") && c.contains("SameSite=Strict") && c.contains("Path=/"));
            }
        }
        assertThat(storedSessions()).isZero();
    }

    @Test
    void pagesWithoutAFormSetNoCookieAtAll() {
        for (String page : List.of("/ko/", "/en/policy", "/ko/notices", "/en/contact")) {
            HttpResponse<String> answer = portal.get(page);
            assertThat(answer.statusCode()).as(page).isEqualTo(200);
            assertThat(answer.headers().allValues("Set-Cookie")).as(page).isEmpty();
        }
    }

    @Test
    void sendingAComplaintASubscriptionAndADestructionRequestStoresNoSession() throws Exception {
        try (WebClient browser = portal.browser()) {
            HtmlPage complaint = browser.getPage(portal.url("/en/complaints/new"));
            HtmlForm form = complaint.querySelector("form.complaint-form");
            form.getSelectByName("category").setSelectedIndex(1);
            form.getTextAreaByName("description").setText("Please tell me what you keep about me.");
            form.getInputByName("name").setValue("Anonymous Visitor");
            form.getInputByName("email").setValue("visitor-csrf@example.com");
            HtmlPage receipt = ((HtmlElement) complaint.querySelector("form.complaint-form button[type=submit]")).click();
            assertThat(receipt.getWebResponse().getStatusCode()).isEqualTo(200);
            assertThat(receipt.getElementById("receipt-reference")).isNotNull();

            HtmlPage subscribe = browser.getPage(portal.url("/en/notices/subscribe"));
            subscribe.getForms().get(0).getInputByName("email").setValue("visitor-csrf@example.com");
            HtmlPage sent = ((HtmlElement) subscribe.querySelector("main form button[type=submit]")).click();
            assertThat(sent.getUrl().getPath()).isEqualTo("/en/notices/subscribe/sent");

            HtmlPage destruction = browser.getPage(portal.url("/en/destruction"));
            HtmlForm request = destruction.getForms().stream()
                    .filter(f -> f.getActionAttribute().endsWith("/destruction")).findFirst().orElseThrow();
            request.getInputByName("phone").setValue("010-5555-0101");
            HtmlPage requested = request.getOneHtmlElementByAttribute("button", "type", "submit").click();
            assertThat(requested.getWebResponse().getStatusCode()).isEqualTo(200);

            assertThat(browser.getCookieManager().getCookie("portal_session")).isNull();
        }
        assertThat(storedSessions()).isZero();
    }

    @Test
    void aTokenCountsOnlyWithTheCookieItWasMadeFor() {
        Visitor alice = Visitor.arrive();
        Visitor bob = Visitor.arrive();
        assertThat(alice.token()).isNotEqualTo(bob.token());

        assertThat(post(alice.cookie(), alice.token())).as("own cookie and token").isNotEqualTo(403);
        assertThat(post(alice.cookie(), bob.token())).as("another visitor's token").isEqualTo(403);
        assertThat(post(null, alice.token())).as("token without its cookie").isEqualTo(403);
        assertThat(post(alice.cookie(), null)).as("cookie without a token").isEqualTo(403);
        assertThat(post(alice.cookie(), "0".repeat(64))).as("forged token").isEqualTo(403);
        String nonce = alice.cookie().substring(alice.cookie().indexOf('=') + 1);
        assertThat(post(alice.cookie(), nonce)).as("the cookie's own value as the token").isEqualTo(403);
        assertThat(storedSessions()).isZero();
    }

    record Visitor(String cookie, String token) {
        static Visitor arrive() {
            HttpResponse<String> form = portal.get("/en/complaints/status-link");
            Matcher token = TOKEN.matcher(form.body());
            Matcher cookie = COOKIE.matcher(String.join("\n", form.headers().allValues("Set-Cookie")));
            assertThat(token.find()).isTrue();
            assertThat(cookie.find()).isTrue();
            return new Visitor(cookie.group(1), token.group(1));
        }
    }

    static int post(String cookie, String token) {
        String body = "reference=C-2026-000001&email=visitor%40example.com"
                + (token == null ? "" : "&_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(portal.uri("/en/complaints/status-link"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return portal.send(request.build()).statusCode();
    }
}
