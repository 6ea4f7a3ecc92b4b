package kr.jsoft.privacyportal.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kr.jsoft.privacyportal.crypto.PortalKeys;
import kr.jsoft.privacyportal.PortalServer;
import kr.jsoft.privacyportal.testing.PortalFixture;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;

/** A subscriber's steps through the public pages, for tests of other features (operations, restore). */
public final class SubscriptionSteps {
    private static final Pattern CONFIRM_LINK = Pattern.compile("https?://[^/\\s]+(/(?:ko|en)/notices/subscribe/confirm/[A-Za-z0-9_-]+)");

    private SubscriptionSteps() {
    }

    /**
     * Subscribes {@code email} through the form and confirms through the mailed link.
     *
     * @param mailText waits for the confirmation mail to an address and returns its text part
     * @return the confirmation link's path (secret), for tests that look for it in logs
     */
    public static String subscribeAndConfirm(PortalFixture portal, String email, Function<String, String> mailText)
            throws Exception {
        try (WebClient browser = portal.browser()) {
            HtmlPage form = browser.getPage(portal.url("/ko/notices/subscribe"));
            HtmlForm htmlForm = form.getForms().get(0);
            htmlForm.getInputByName("email").setValue(email);
            htmlForm.getSelectByName("language").setSelectedAttribute("ko", true);
            HtmlPage sent = ((HtmlElement) form.querySelector("main form button[type=submit]")).click();
            assertThat(sent.getUrl().getPath()).isEqualTo("/ko/notices/subscribe/sent");
            Matcher link = CONFIRM_LINK.matcher(mailText.apply(email.toLowerCase(java.util.Locale.ROOT)));
            assertThat(link.find()).as("confirmation link in the mail").isTrue();
            HtmlPage confirm = browser.getPage(portal.url(link.group(1)));
            HtmlPage confirmed = ((HtmlElement) confirm.querySelector("main form button")).click();
            assertThat(confirmed.getUrl().getPath()).isEqualTo("/ko/notices/subscribe/confirmed");
            return link.group(1);
        }
    }

    /** The one-click unsubscribe path of a subscriber (as every notice mail carries it). */
    public static String unsubscribePath(PortalServer server, long subscriberId) {
        return "/unsubscribe/" + new SubscriberKeys(server.cores().keys().secretKey(PortalKeys.PHONE_HASH, "HmacSHA256"))
                .unsubscribeToken(subscriberId);
    }
}
