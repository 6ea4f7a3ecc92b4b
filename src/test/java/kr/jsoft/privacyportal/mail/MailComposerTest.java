package kr.jsoft.privacyportal.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.BodyPart;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import kr.jsoft.privacyportal.web.Lang;
import kr.jsoft.privacyportal.web.View;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The composer encodes the text parts itself (faster than Jakarta Mail does while writing): the
 * parts must come out as Jakarta Mail's own {@code setText} and {@code setSubject} would write them.
 */
class MailComposerTest {
    private static final String TEMPLATE = "mail/audit-chain-head";
    private final Session session = Session.getInstance(new Properties());
    private final MailComposer composer = new MailComposer(new View(false), settings(),
            () -> URI.create("https://privacy.example.kr"), Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"),
                    ZoneOffset.UTC));

    @ParameterizedTest
    @EnumSource(Lang.class)
    void textPartsAndSubjectAreWrittenAsJakartaMailWouldWriteThem(Lang lang) throws Exception {
        ClaimedMail mail = mail(lang, "12");
        MailComposer.Rendered rendered = composer.render(mail);

        MimeMessage composed = composer.compose(session, mail);

        MimeMessage reference = new MimeMessage(session);
        reference.setSubject(rendered.subject(), "UTF-8");
        assertThat(composed.getHeader("Subject", null)).isEqualTo(reference.getHeader("Subject", null));
        MimeMultipart parts = (MimeMultipart) composed.getContent();
        assertThat(written(parts.getBodyPart(0))).isEqualTo(written(referencePart(rendered.text(), "plain")));
        assertThat(written(parts.getBodyPart(1))).isEqualTo(written(referencePart(rendered.html(), "html")));
    }

    @Test
    void aPartOnceGivenBase64KeepsItAndStillCarriesEachMailsOwnText() throws Exception {
        MimeMessage first = composer.compose(session, mail(Lang.KO, "1"));
        MimeMessage later = composer.compose(session, mail(Lang.KO, "2"));

        for (MimeMessage message : new MimeMessage[] {first, later}) {
            MimeMultipart parts = (MimeMultipart) message.getContent();
            assertThat(((MimeBodyPart) parts.getBodyPart(0)).getEncoding()).isEqualTo("base64");
        }
        // Read back through a parser, as a recipient's client would.
        MimeMessage received = new MimeMessage(session, new java.io.ByteArrayInputStream(bytes(later)));
        String text = (String) ((MimeMultipart) received.getContent()).getBodyPart(0).getContent();
        assertThat(text).isEqualTo(composer.render(mail(Lang.KO, "2")).text());
    }

    private static MimeBodyPart referencePart(String text, String subtype) throws Exception {
        MimeBodyPart part = new MimeBodyPart();
        part.setText(text, "UTF-8", subtype);
        // What saveChanges does to a part before it is written.
        MimeMultipart holder = new MimeMultipart("alternative");
        holder.addBodyPart(part);
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
        message.setContent(holder);
        message.saveChanges();
        return part;
    }

    private static byte[] written(BodyPart part) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        part.writeTo(out);
        return out.toByteArray();
    }

    private static byte[] bytes(MimeMessage message) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        return out.toByteArray();
    }

    private static ClaimedMail mail(Lang lang, String lastSeq) {
        Map<String, String> model = Map.of("lastSeq", lastSeq, "lastHash", "ab".repeat(32),
                "signedHead", "eyJhbGciOiJFUzI1NiJ9.e30.c2ln", "day", "2026-12-01");
        return new ClaimedMail(UUID.randomUUID(), TEMPLATE, lang, "manager@example.kr", model, Set.of(),
                Optional.empty(), 0, Optional.empty(), model.keySet());
    }

    private static MailSettings settings() {
        try {
            InternetAddress from = new InternetAddress("privacy@privacy.example.kr");
            return new MailSettings(Optional.empty(), 25, MailSettings.Security.NONE, Optional.empty(),
                    Optional.empty(), from, Optional.empty(), new InternetAddress("manager@example.kr"),
                    Duration.ofDays(30), 5, 1, Optional.empty());
        } catch (jakarta.mail.internet.AddressException e) {
            throw new IllegalStateException(e);
        }
    }
}
