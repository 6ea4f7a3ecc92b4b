package kr.jsoft.privacyportal.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.http.HttpResponse;
import java.util.List;
import kr.jsoft.privacyportal.testing.PortalFixture;
import org.eclipse.jetty.ee11.servlet.ServletHolder;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The skeleton end to end: home page, error pages, problem bodies and headers on a real server. */
class SkeletonIT {

    @RegisterExtension
    static PortalFixture portal = PortalFixture.builder()
            .extraRoutes(context -> {
                context.addServlet(new ServletHolder(new Failing()), "/en/test/boom");
                context.addServlet(new ServletHolder(new Failing()), "/api/test/boom");
                context.addServlet(new ServletHolder(new Starved()), "/en/test/starved");
                context.addServlet(new ServletHolder(new Starved()), "/api/test/starved");
                context.addServlet(new ServletHolder(new Picky()), "/en/test/picky");
                context.addServlet(new ServletHolder(new Picky()), "/api/test/picky");
            })
            .build();

    /** Fails the way a bug would. */
    static final class Failing extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) {
            throw new IllegalStateException("secret internal detail at kr.jsoft.Example");
        }
    }

    /** What a service throws when the pool has no connection for it within the timeout. */
    static final class Starved extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) {
            throw new jakarta.persistence.PersistenceException("could not obtain a connection",
                    new java.sql.SQLTransientConnectionException("portal-pool - Connection is not available, "
                            + "request timed out after 5000ms"));
        }
    }

    /** Refuses a bad parameter the way every servlet does. */
    static final class Picky extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) {
            throw new BadRequestException("Parameter 'from': no version is labelled '<b>nope</b>'.");
        }
    }

    @Test
    void bareAddressRedirectsToTheVisitorsLanguage() {
        HttpResponse<String> english = portal.get("/", "Accept-Language", "en-US,en;q=0.8");
        HttpResponse<String> korean = portal.get("/");

        assertThat(english.statusCode()).isEqualTo(302);
        assertThat(english.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/en/"));
        assertThat(korean.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/ko/"));
    }

    @Test
    void homePageHasLanguageSkipLinkAndLandmarks() throws Exception {
        try (WebClient browser = portal.browser()) {
            HtmlPage page = browser.getPage(portal.url("/en/"));

            assertThat(page.getWebResponse().getStatusCode()).isEqualTo(200);
            assertThat(page.getDocumentElement().getAttribute("lang")).isEqualTo("en");
            assertThat(page.getAnchors()).anySatisfy(a -> assertThat(a.getHrefAttribute()).isEqualTo("#main"));
            for (String landmark : List.of("header", "nav", "main#main", "footer")) {
                assertThat(page.querySelectorAll(landmark)).as(landmark).hasSize(1);
            }
            assertThat(page.querySelectorAll("[style]")).isEmpty();
            assertThat(page.getAnchors()).as("every public feature is reachable from home")
                    .extracting(a -> a.getHrefAttribute())
                    .contains("/en/policy", "/en/notices", "/en/contact", "/en/complaints/new");
            assertThat(page.querySelectorAll("script")).isEmpty();
        }
    }

    @Test
    void koreanHomePageIsInKorean() throws Exception {
        try (WebClient browser = portal.browser()) {
            HtmlPage page = browser.getPage(portal.url("/ko/"));

            assertThat(page.getDocumentElement().getAttribute("lang")).isEqualTo("ko");
            assertThat(page.asNormalizedText()).contains("개인정보");
        }
    }

    @Test
    void unknownAddressGetsThe404Page() throws Exception {
        try (WebClient browser = portal.browser()) {
            HtmlPage page = browser.getPage(portal.url("/en/no-such-page"));

            assertThat(page.getWebResponse().getStatusCode()).isEqualTo(404);
            assertThat(page.getTitleText()).startsWith("Page not found");
            assertThat(page.querySelector("h1").asNormalizedText()).isEqualTo("Page not found");
        }
    }

    @Test
    void badParameterGetsThe400PageSayingWhatWasWrongEscaped() throws Exception {
        HttpResponse<String> response = portal.get("/en/test/picky");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(response.body()).contains("Parameter &#039;from&#039;: no version is labelled &#039;&lt;b&gt;nope&lt;/b&gt;&#039;.");
        assertThat(response.body()).doesNotContain("<b>nope</b>");
    }

    @Test
    void failureGetsThe500PageWithAnIncidentIdAndNoStackTrace() {
        HttpResponse<String> response = portal.get("/en/test/boom");

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).containsPattern("Error reference: <code>[0-9a-f]{8}</code>");
        assertThat(response.body()).doesNotContain("IllegalStateException", "secret internal detail", "at kr.jsoft");
    }

    @Test
    void aStarvedConnectionPoolGivesTheBusyPageWithRetryAfterNotAnIncident() {
        HttpResponse<String> page = portal.get("/en/test/starved");
        HttpResponse<String> api = portal.get("/api/test/starved");

        assertThat(page.statusCode()).isEqualTo(503);
        assertThat(page.headers().firstValue("Retry-After")).contains("5");
        assertThat(page.body()).contains("Busy right now").doesNotContain("Incident", "portal-pool");
        assertThat(api.statusCode()).isEqualTo(503);
        assertThat(api.headers().firstValue("Retry-After")).contains("5");
        assertThat(api.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
    }

    @Test
    void apiErrorsAreProblemJson() {
        HttpResponse<String> unknown = portal.get("/api/v1/no-such-route");
        HttpResponse<String> bad = portal.get("/api/test/picky");
        HttpResponse<String> broken = portal.get("/api/test/boom");

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(unknown.body()).contains("\"status\":404", "\"title\":\"Not Found\"");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("\"detail\":\"Parameter 'from': no version is labelled '<b>nope</b>'.\"");
        assertThat(broken.statusCode()).isEqualTo(500);
        assertThat(broken.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(broken.body()).doesNotContain("IllegalStateException", "secret internal detail");
    }

    @Test
    void everyResponseCarriesTheSecurityHeadersAndNoServerBanner() {
        for (String path : List.of("/en/", "/en/no-such-page", "/en/test/boom", "/api/v1/nothing", "/static/css/site.css",
                "/healthz")) {
            HttpResponse<String> response = portal.get(path);
            var headers = response.headers();
            assertThat(headers.firstValue("Content-Security-Policy")).as(path)
                    .hasValueSatisfying(csp -> assertThat(csp).contains("frame-ancestors 'none'", "default-src 'self'")
                            .doesNotContain("unsafe-inline"));
            assertThat(headers.firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
            assertThat(headers.firstValue("Referrer-Policy")).as(path).hasValue("same-origin");
            assertThat(headers.firstValue("Server")).as(path).isEmpty();
            assertThat(headers.firstValue("X-Powered-By")).as(path).isEmpty();
            assertThat(headers.firstValue("Strict-Transport-Security")).as(path).isEmpty();
        }
    }

    @Test
    void staticFolderIsNotListed() {
        assertThat(portal.get("/static/").statusCode()).isIn(403, 404);
        assertThat(portal.get("/WEB-INF/jsp/404.jsp").statusCode()).isEqualTo(404);
    }

    @Test
    void livenessAndReadinessAnswerWithTheVersion() {
        HttpResponse<String> live = portal.get("/healthz");
        HttpResponse<String> ready = portal.get("/readyz");

        assertThat(live.statusCode()).isEqualTo(200);
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.body()).contains("\"status\":\"ready\"", "\"database\":\"reachable\"",
                "\"migrations\":\"applied\"", "\"version\":");
    }

    @Test
    void postWithoutCsrfTokenGetsThe403Page() {
        HttpResponse<String> response = portal.send(java.net.http.HttpRequest.newBuilder(portal.uri("/en/"))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("x=1"))
                .header("Content-Type", "application/x-www-form-urlencoded").build());

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("<h1>Not allowed</h1>", "did not come from this site");
    }

    @Test
    void errorPagesRenderForEveryMethodNotOnlyGetAndPost() {
        HttpResponse<String> response = portal.send(java.net.http.HttpRequest.newBuilder(portal.uri("/healthz"))
                .DELETE().build());

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("<main id=\"main\"", "<p class=\"error-code\">오류 코드 403</p>");
    }
}
