package kr.jsoft.privacyportal.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import kr.jsoft.privacyportal.testing.PortalFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The default limits: five complaints per client address and three per email address an hour. */
class ComplaintRateLimitIT {
    static final ComplaintMails mails = new ComplaintMails();

    @RegisterExtension
    static PortalFixture portal = mails.portal().build();

    @AfterAll
    static void stopSmtp() {
        mails.stop();
    }

    private static HtmlPage submit(WebClient browser, String email) throws Exception {
        HtmlPage page = browser.getPage(portal.url("/en/complaints/new"));
        HtmlForm form = page.querySelector("form.complaint-form");
        form.getSelectByName("category").setSelectedAttribute("OTHER", true);
        form.getTextAreaByName("description").setText("Please stop calling.");
        form.getInputByName("name").setValue("Jung");
        form.getInputByName("email").setValue(email);
        return ((HtmlElement) page.querySelector("form.complaint-form button[type=submit]")).click();
    }

    private static String email() {
        return "limit-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    @Test
    void theSixthComplaintFromOneAddressWithinAnHourGetsA429SayingWhenToTryAgain() throws Exception {
        try (WebClient browser = portal.browser()) {
            String sameEmail = email();
            for (int i = 0; i < 3; i++) {
                assertThat(submit(browser, sameEmail).getWebResponse().getStatusCode()).isEqualTo(200);
            }
            HtmlPage perEmail = submit(browser, sameEmail);
            assertThat(perEmail.getWebResponse().getStatusCode()).as("fourth from one email").isEqualTo(429);
            for (int i = 0; i < 1; i++) {
                assertThat(submit(browser, email()).getWebResponse().getStatusCode()).isEqualTo(200);
            }
            // Five have been filed from this address (the refused one counted too): the next is refused.
            HtmlPage refused = submit(browser, email());
            assertThat(refused.getWebResponse().getStatusCode()).isEqualTo(429);
            long retryAfter = Long.parseLong(refused.getWebResponse().getResponseHeaderValue("Retry-After"));
            assertThat(retryAfter).isBetween(1L, 3600L);
            assertThat(refused.querySelector("main").asNormalizedText()).containsPattern("try again in \\d+ minutes?");

            portal.clock().advance(java.time.Duration.ofHours(1).plusSeconds(1));
            assertThat(submit(browser, email()).getWebResponse().getStatusCode()).as("after the hour").isEqualTo(200);
        }
    }

    @Test
    void statusLinkRequestsAreLimitedPerEmailAddressToo() throws Exception {
        String email = email();
        for (int i = 0; i < 3; i++) {
            assertThat(resend(email)).isEqualTo(200);
        }
        assertThat(resend(email)).isEqualTo(429);
    }

    private static int resend(String email) throws Exception {
        try (WebClient browser = portal.browser()) {
            HtmlPage page = browser.getPage(portal.url("/en/complaints/status-link"));
            HtmlForm form = page.querySelector("form.status-link-form");
            form.getInputByName("reference").setValue("C-2026-000001");
            form.getInputByName("email").setValue(email);
            return ((HtmlElement) form.querySelector("button")).click().getWebResponse().getStatusCode();
        }
    }
}
