package kr.jsoft.privacyportal.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
    private static final String BASE64 = "base64";
    /** RFC 2045 base64: lines of 76 characters ending in CRLF, as Jakarta Mail's own encoder writes them. */
    private static final Base64.Encoder MIME_BASE64 = Base64.getMimeEncoder();
    private final View view;
    private final MailSettings settings;
    private final Supplier<URI> baseUrl;
    private final Clock clock;
    private final SharedRenderings shared;
    /** The parts (template, language, subtype) for which Jakarta Mail chose base64. */
    private final Set<String> base64Parts = ConcurrentHashMap.newKeySet();
    private final Map<String, String> encodedSubjects = new ConcurrentHashMap<>();
    private static final int ENCODED_SUBJECTS = 64;

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
        message.setHeader("Subject", encodedSubject(rendered.subject()));
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
        MimeBodyPart text = part(mail, "plain", rendered.text());
        MimeBodyPart html = part(mail, "html", rendered.html());
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(text);
        alternative.addBodyPart(html);
        message.setContent(alternative);
        message.saveChanges();
        return message;
    }

    /**
     * The subject as {@code setSubject(subject, "UTF-8")} writes it (RFC 2047 words, folded), encoded once
     * per distinct subject: a fan-out's mails all have the same one. Bounded; emptied when full.
     */
    private String encodedSubject(String subject) throws MessagingException {
        String encoded = encodedSubjects.get(subject);
        if (encoded == null) {
            try {
                encoded = MimeUtility.fold(9, MimeUtility.encodeText(subject, "UTF-8", null));
            } catch (java.io.UnsupportedEncodingException e) {
                throw new MessagingException("cannot encode the subject", e);
            }
            if (encodedSubjects.size() >= ENCODED_SUBJECTS) {
                encodedSubjects.clear();
            }
            encodedSubjects.put(subject, encoded);
        }
        return encoded;
    }

    /**
     * A text part, encoded here rather than by Jakarta Mail while the message is written: its encoder
     * goes through three filter streams a byte at a time, and choosing the encoding reads the whole
     * text once more; both were a fifth of the CPU per mail in the fan-out benchmark's profile. The
     * encoding is Jakarta Mail's own choice (base64 for a Korean text, quoted-printable or 7bit for a
     * mostly ASCII one); once it chose base64 for a template's part, later mails of that part skip the
     * choice (base64 carries any text, so a mail that would have been given another encoding is only a
     * little larger), and the base64 itself is the JDK's RFC 2045 encoder, which writes the same lines.
     */
    private MimeBodyPart part(ClaimedMail mail, String subtype, String content) throws MessagingException {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        String type = "text/" + subtype + "; charset=UTF-8";
        String key = mail.template() + '|' + mail.lang().code() + '|' + subtype;
        String encoding;
        if (base64Parts.contains(key)) {
            encoding = BASE64;
        } else {
            encoding = MimeUtility.getEncoding(new ByteArrayDataSource(bytes, type));
            if (BASE64.equalsIgnoreCase(encoding)) {
                base64Parts.add(key);
            }
        }
        InternetHeaders headers = new InternetHeaders();
        headers.setHeader("Content-Type", type);
        headers.setHeader("Content-Transfer-Encoding", encoding);
        // A part built from its headers and encoded bytes is written out as those bytes.
        return new MimeBodyPart(headers, encode(bytes, encoding));
    }

    private static byte[] encode(byte[] bytes, String encoding) throws MessagingException {
        if (BASE64.equalsIgnoreCase(encoding)) {
            return MIME_BASE64.encode(bytes);
        }
        ByteArrayOutputStream encoded = new ByteArrayOutputStream(bytes.length + bytes.length / 4);
        try (OutputStream encoder = MimeUtility.encode(encoded, encoding)) {
            encoder.write(bytes);
        } catch (IOException e) {
            throw new MessagingException("cannot encode the mail's " + encoding + " part", e);
        }
        return encoded.toByteArray();
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
