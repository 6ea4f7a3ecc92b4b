package kr.jsoft.privacyportal.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import kr.jsoft.privacyportal.testing.PortalFixture;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Behind a trusted proxy, IPv6 clients are counted per /64: a fresh address from the same network is no fresh allowance. */
class ComplaintsPerNetworkIT {
    static final ComplaintMails mails = new ComplaintMails();

    @RegisterExtension
    static PortalFixture portal = mails.portal().setting("PORTAL_TRUSTED_PROXIES", "127.0.0.1,::1").build();

    @AfterAll
    static void stopSmtp() {
        mails.stop();
    }

    @Test
    void twoAddressesOfOneSlash64ShareOneBucketWhileTheNextNetworkHasItsOwn() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertThat(submitFrom("2001:db8:77:1::" + (i + 1))).as("complaint %d", i + 1).isEqualTo(200);
        }
        assertThat(submitFrom("2001:db8:77:1:a5b3:91ff:fe00:7")).as("another address of the same /64").isEqualTo(429);
        assertThat(submitFrom("2001:db8:77:2::1")).as("the neighbouring /64").isEqualTo(200);
    }

    private static int submitFrom(String clientAddress) throws Exception {
        try (WebClient browser = portal.browser()) {
            browser.addRequestHeader("X-Forwarded-For", clientAddress);
            HtmlPage page = browser.getPage(portal.url("/en/complaints/new"));
            HtmlForm form = page.querySelector("form.complaint-form");
            form.getSelectByName("category").setSelectedAttribute("OTHER", true);
            form.getTextAreaByName("description").setText("Please stop calling.");
            form.getInputByName("name").setValue("Jung");
            form.getInputByName("email").setValue("net-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com");
            return ((HtmlElement) page.querySelector("form.complaint-form button[type=submit]")).click()
                    .getWebResponse().getStatusCode();
        }
    }
}
