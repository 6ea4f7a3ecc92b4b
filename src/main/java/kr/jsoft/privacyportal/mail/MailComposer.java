package kr.jsoft.privacyportal.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.URI;
import java.time.Clock;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import kr.jsoft.privacyportal.web.Lang;
import kr.jsoft.privacyportal.web.View;

/**
 * Renders an outbox mail into a MIME message: multipart/alternative with a plain-text part
 * ({@code <template>.txt}, whose first line is the subject) and an HTML part
 * ({@code <template>.html}), in the recipient's language, with {@code ${baseUrl}} for
 * absolute links, and a Message-ID that stays the same on every attempt.
 */
final class MailComposer {
    private final View view;
    private final MailSettings settings;
    private final Supplier<URI> baseUrl;
    private final Clock clock;
    private final SharedRenderings shared;

    MailComposer(View view, MailSettings settings, Supplier<URI> baseUrl, Clock clock) {
        this.view = view;
        this.settings = settings;
        this.baseUrl = baseUrl;
        this.clock = clock;
        this.shared = new SharedRenderings(this::render);
    }

    record Rendered(String subject, String text, String html) {
    }

    /** Renders one mail in full (previews). */
    Rendered render(ClaimedMail mail) {
        return render(mail.template(), mail.lang(), mail.model());
    }

    private Rendered render(String template, Lang lang, Map<String, String> values) {
        Map<String, Object> model = new HashMap<>(values);
        model.put("baseUrl", baseUrl.get().toString());
        model.put("lang", lang.code());
        String text = view.renderToString(template + ".txt", lang.locale(), model);
        String html = view.renderToString(template, lang.locale(), model);
        // The text template's first line is the subject; the body starts after the blank line.
        String stripped = text.stripLeading();
        int end = stripped.indexOf('\n');
        String subject = (end < 0 ? stripped : stripped.substring(0, end)).strip();
        String body = end < 0 ? "" : stripped.substring(end + 1).stripLeading();
        return new Rendered(subject, body, html);
    }

    MimeMessage compose(Session session, ClaimedMail mail) throws MessagingException {
        // A fan-out's mails share one rendering (they differ only by their unsubscribe links).
        Rendered rendered = shared.render(mail, baseUrl.get().toString());
        MimeMessage message = new StableIdMessage(session, "<" + mail.id() + "@" + messageIdHost() + ">");
        message.setFrom(settings.from());
        settings.replyTo().ifPresent(replyTo -> {
            try {
                message.setReplyTo(new InternetAddress[] {replyTo});
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        });
        message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(mail.recipient(), false));
        message.setSubject(rendered.subject(), "UTF-8");
        message.setSentDate(Date.from(clock.instant()));
        message.setHeader("Content-Language", mail.lang().code());
        // RFC 3834: no auto-replies (vacation notices) to machine-sent mail.
        message.setHeader("Auto-Submitted", "auto-generated");
        if (mail.listUnsubscribe().isPresent()) {
            // RFC 8058 one-click unsubscribe; the URL carries the opaque token, no address.
            String url = mail.listUnsubscribe().get();
            message.setHeader("List-Unsubscribe", "<" + (url.startsWith("/") ? baseUrl.get() + url : url) + ">");
            message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        MimeBodyPart text = new MimeBodyPart();
        text.setText(rendered.text(), "UTF-8", "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(rendered.html(), "UTF-8", "html");
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(text);
        alternative.addBodyPart(html);
        message.setContent(alternative);
        message.saveChanges();
        return message;
    }

    private String messageIdHost() {
        String host = baseUrl.get().getHost();
        return host == null ? "localhost" : host;
    }

    /** Keeps the outbox id as Message-ID, so a resend after a crash is recognisable as the same mail. */
    private static final class StableIdMessage extends MimeMessage {
        private final String messageId;

        StableIdMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
