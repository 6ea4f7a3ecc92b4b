package kr.jsoft.privacyportal.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kr.jsoft.privacyportal.testing.MailTestbed;
import kr.jsoft.privacyportal.testing.PortalFixture;
import kr.jsoft.privacyportal.web.Lang;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The public subscription pages and the mails they cause, on a real portal with a real SMTP server. */
class SubscriptionIT {
    static final int SMTP_PORT = MailTestbed.freePort();
    static final GreenMail smtp = started();

    @RegisterExtension
    static PortalFixture portal = PortalFixture.builder()
            .setting("PORTAL_SMTP_HOST", "127.0.0.1")
            .setting("PORTAL_SMTP_PORT", Integer.toString(SMTP_PORT))
            .setting("PORTAL_SMTP_SECURITY", "none")
            .build();

    private static GreenMail started() {
        GreenMail greenMail = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        return greenMail;
    }

    @AfterAll
    static void stopSmtp() {
        smtp.stop();
    }

    private HtmlPage subscribe(WebClient browser, String lang, String email, String language) throws Exception {
        HtmlPage form = browser.getPage(portal.url("/" + lang + "/notices/subscribe"));
        HtmlForm htmlForm = form.getForms().get(0);
        htmlForm.getInputByName("email").setValue(email);
        htmlForm.getSelectByName("language").setSelectedAttribute(language, true);
        return button(form, "main form button[type=submit]").click();
    }

    private static HtmlElement button(HtmlPage page, String selector) {
        return (HtmlElement) page.querySelector(selector);
    }

    private static MimeMessage[] mailsTo(String address) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> NoticeFanOutIT.recipient(m).equals(address))
                .toArray(MimeMessage[]::new);
    }

    private static MimeMessage awaitMailTo(String address, int count) {
        for (int expected = smtp.getReceivedMessages().length + 1; mailsTo(address).length < count; expected++) {
            assertThat(smtp.waitForIncomingEmail(15_000, expected)).as("mail to arrive").isTrue();
        }
        return mailsTo(address)[count - 1];
    }

    private long outboxMails() {
        return portal.server().database().fromTransaction(s -> s.createSelectionQuery(
                "select count(m) from OutboxMail m", Long.class).getSingleResult());
    }

    private long subscribers() {
        return portal.server().database().fromTransaction(s -> s.createSelectionQuery(
                "select count(s) from NoticeSubscriber s where s.confirmedAt is not null", Long.class).getSingleResult());
    }

    @Test
    void doubleOptInSendsOnlyTheConfirmationAndTheSameAnswerWhenAlreadySubscribed() throws Exception {
        try (WebClient browser = portal.browser()) {
            HtmlPage sent = subscribe(browser, "en", "Double.OptIn@Example.com", "ko");
            assertThat(sent.getUrl().getPath()).isEqualTo("/en/notices/subscribe/sent");
            String answer = sent.querySelector("main").asNormalizedText();

            MimeMessage confirmation = awaitMailTo("double.optin@example.com", 1);
            assertThat(confirmation.getSubject()).isEqualTo("개인정보 처리방침 공지 구독을 확인해 주세요");
            Matcher link = Pattern.compile("http://localhost:\\d+(/ko/notices/subscribe/confirm/[A-Za-z0-9_-]+)")
                    .matcher(MailTestbed.parts(confirmation).get("text"));
            assertThat(link.find()).isTrue();
            assertThat(subscribers()).as("not before confirming").isZero();

            HtmlPage confirm = browser.getPage(portal.url(link.group(1)));
            assertThat(subscribers()).as("opening the link alone does not confirm").isZero();
            HtmlPage confirmed = button(confirm, "main form button").click();
            assertThat(confirmed.getUrl().getPath()).isEqualTo("/ko/notices/subscribe/confirmed");
            assertThat(subscribers()).isEqualTo(1);
            assertThat(browser.getPage(portal.url(link.group(1))).getWebResponse().getStatusCode())
                    .as("a used link").isEqualTo(410);

            long before = outboxMails();
            HtmlPage again = subscribe(browser, "en", "double.optin@example.com", "en");
            assertThat(again.querySelector("main").asNormalizedText()).isEqualTo(answer);
            assertThat(outboxMails()).as("nothing sent to a confirmed address").isEqualTo(before);
        }
    }

    @Test
    void badInputIsShownAgainWithAMessageAndAFormWithoutTokenIsRefused() throws Exception {
        try (WebClient browser = portal.browser()) {
            HtmlPage page = subscribe(browser, "en", "not-an-address", "en");
            assertThat(page.getWebResponse().getStatusCode()).isEqualTo(422);
            assertThat(page.querySelector(".field-error").asNormalizedText()).contains("name@example.com");
            assertThat(page.getForms().get(0).getInputByName("email").getValue()).isEqualTo("not-an-address");
        }
        HttpResponse<String> forged = portal.send(HttpRequest.newBuilder(portal.uri("/en/notices/subscribe"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("email=victim%40example.com&language=en")).build());
        assertThat(forged.statusCode()).isEqualTo(403);
    }

    @Test
    void subscribingTheSameAddressTooOftenIsRefusedWithRetryAfter() throws Exception {
        try (WebClient browser = portal.browser()) {
            for (int i = 0; i < NoticeSubscriptions.PER_EMAIL.max(); i++) {
                assertThat(subscribe(browser, "en", "eager@example.com", "en").getWebResponse().getStatusCode())
                        .isEqualTo(200);
            }
            HtmlPage refused = subscribe(browser, "en", "eager@example.com", "en");
            assertThat(refused.getWebResponse().getStatusCode()).isEqualTo(429);
            assertThat(refused.getWebResponse().getResponseHeaderValue("Retry-After")).isNotBlank();
        }
    }

    @Test
    void oneClickUnsubscribeFromANoticeMailDeletesTheAddressWithoutACsrfToken() throws Exception {
        String address = "oneclick@example.com";
        try (WebClient browser = portal.browser()) {
            subscribe(browser, "en", address, "en");
            Matcher link = Pattern.compile("http://localhost:\\d+(/en/notices/subscribe/confirm/[A-Za-z0-9_-]+)")
                    .matcher(MailTestbed.parts(awaitMailTo(address, 1)).get("text"));
            assertThat(link.find()).isTrue();
            button(browser.getPage(portal.url(link.group(1))), "main form button").click();
        }
        portal.server().database().inTransaction(s -> portal.server().subscriptions().noticeMailer().revisionScheduled(s,
                new RevisionNotice("one-click-test", LocalDate.of(2027, 3, 1),
                        Map.of(Lang.KO, "개정", Lang.EN, "Revision"), Map.of(Lang.KO, "요약", Lang.EN, "Summary"),
                        Map.of(Lang.KO, "/ko/policy/x", Lang.EN, "/en/policy/x"),
                        Map.of(Lang.KO, "/ko/policy/x/changes", Lang.EN, "/en/policy/x/changes"))));
        MimeMessage notice = awaitMailTo(address, 2);
        String header = notice.getHeader("List-Unsubscribe")[0];
        URI unsubscribe = URI.create(header.substring(1, header.length() - 1));
        long before = subscribers();

        HttpResponse<String> page = portal.get(unsubscribe.getPath());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(subscribers()).as("GET only asks").isEqualTo(before);
        HttpResponse<String> oneClick = portal.send(HttpRequest.newBuilder(portal.uri(unsubscribe.getPath()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(notice.getHeader("List-Unsubscribe-Post")[0])).build());

        assertThat(oneClick.statusCode()).isEqualTo(200);
        assertThat(subscribers()).isEqualTo(before - 1);
    }
}
