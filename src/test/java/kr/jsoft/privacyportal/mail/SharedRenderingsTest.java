package kr.jsoft.privacyportal.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import kr.jsoft.privacyportal.web.Lang;
import org.junit.jupiter.api.Test;

class SharedRenderingsTest {
    private static final UUID CONTEXT = UUID.randomUUID();
    private final AtomicInteger renderings = new AtomicInteger();

    /** Stands for the two templates: the subject line, a text body and an HTML body using the values. */
    private MailComposer.Rendered notice(String template, Lang lang, Map<String, String> model) {
        renderings.incrementAndGet();
        String link = "https://privacy.example.kr" + model.get("unsubscribeUrl");
        return new MailComposer.Rendered("Notice: " + model.get("title"),
                model.get("summary") + "\nUnsubscribe: " + link + "\n",
                "<p>" + model.get("summary") + "</p><a href=\"" + link + "\">unsubscribe</a> " + link);
    }

    private static ClaimedMail mail(String unsubscribeUrl) {
        return new ClaimedMail(UUID.randomUUID(), "mail/notice", Lang.EN, "someone@example.com",
                Map.of("title", "January 2027", "summary", "Records are kept shorter.", "unsubscribeUrl", unsubscribeUrl),
                Set.of("unsubscribeUrl"), Optional.of(unsubscribeUrl), 0, Optional.of(CONTEXT), Set.of("unsubscribeUrl"));
    }

    @Test
    void theMailsOfOneFanOutShareOneRenderingAndEachGetsItsOwnLink() {
        SharedRenderings shared = new SharedRenderings(this::notice);
        for (int i = 0; i < 100; i++) {
            ClaimedMail mail = mail("/unsubscribe/token-" + i);
            MailComposer.Rendered rendered = shared.render(mail, "https://privacy.example.kr");
            assertThat(rendered).isEqualTo(notice(mail.template(), mail.lang(), mail.model()));
        }
        // 100 renderings for the comparisons above, plus the first mail's full and marked rendering.
        assertThat(renderings.get()).isEqualTo(100 + 2);
    }

    @Test
    void aTemplateThatDoesMoreWithAnOwnValueThanPrintItIsRenderedMailByMail() {
        SharedRenderings.Renderer shouting = (template, lang, model) -> {
            renderings.incrementAndGet();
            return new MailComposer.Rendered("s", model.get("unsubscribeUrl").toUpperCase(), "h");
        };
        SharedRenderings shared = new SharedRenderings(shouting);

        assertThat(shared.render(mail("/unsubscribe/abc"), "https://x").text()).isEqualTo("/UNSUBSCRIBE/ABC");
        assertThat(shared.render(mail("/unsubscribe/def"), "https://x").text()).isEqualTo("/UNSUBSCRIBE/DEF");
        assertThat(renderings.get()).as("full, marked, then full again").isEqualTo(3);
    }

    @Test
    void aValueThatEscapingWouldChangeIsRenderedInFull() {
        SharedRenderings shared = new SharedRenderings(this::notice);
        shared.render(mail("/unsubscribe/plain"), "https://privacy.example.kr");
        renderings.set(0);

        ClaimedMail odd = mail("/unsubscribe/a&b<c>");
        assertThat(shared.render(odd, "https://privacy.example.kr"))
                .isEqualTo(new SharedRenderings(this::notice).render(odd, "https://privacy.example.kr"));
        assertThat(renderings.get()).isEqualTo(2);
    }

    @Test
    void aMailWithoutASharedContextIsRenderedInFull() {
        SharedRenderings shared = new SharedRenderings(this::notice);
        ClaimedMail receipt = new ClaimedMail(UUID.randomUUID(), "mail/receipt", Lang.KO, "someone@example.com",
                Map.of("title", "t", "summary", "s", "unsubscribeUrl", "/u"), Set.of(), Optional.empty(), 0,
                Optional.empty(), Set.of("title", "summary", "unsubscribeUrl"));

        shared.render(receipt, "https://x");
        shared.render(receipt, "https://x");

        assertThat(renderings.get()).isEqualTo(2);
    }
}
