package kr.jsoft.privacyportal.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import kr.jsoft.privacyportal.web.Lang;
import kr.jsoft.privacyportal.web.Messages;
import kr.jsoft.privacyportal.web.View;
import org.junit.jupiter.api.Test;

/**
 * Every mail template through the portal's own engine: each mail's HTML part comes in the shared
 * frame (mail/frame.html) and its text part ends with the shared footer (mail/footer.txt), in both
 * languages, with no message key left unresolved; the three answers to a complaint are one template
 * that differs by its kind only.
 */
class MailTemplatesTest {
    private static final String BASE_URL = "https://privacy.example.kr";
    private final View view = new View(false);

    /** Every {@code <feature>/mail/<name>} and {@code mail/<name>} that has both parts and is a mail of its own. */
    private static List<String> mailTemplates() throws IOException, URISyntaxException {
        Path root = Path.of(View.class.getResource("/webapp/WEB-INF/templates").toURI());
        try (Stream<Path> files = Files.walk(root)) {
            return files.map(root::relativize).map(Path::toString).map(p -> p.replace('\\', '/'))
                    .filter(p -> p.endsWith(".txt") && (p.startsWith("mail/") || p.contains("/mail/")))
                    .filter(p -> !p.equals("mail/footer.txt"))
                    .map(p -> p.substring(0, p.length() - ".txt".length()))
                    .filter(p -> Files.exists(root.resolve(p + ".html")) && !isSharedPart(root.resolve(p + ".html")))
                    .sorted().toList();
        }
    }

    /** A template other mails include with a parameter (complaint/mail/answer), not a mail of its own. */
    private static boolean isSharedPart(Path html) {
        try {
            return Files.readString(html).contains("th:fragment=");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Map<String, Object> model(String template, Lang lang) {
        Map<String, Object> model = new HashMap<>();
        for (String name : List.of("reference", "body", "linkUrl", "statusUrl", "caseUrl", "queueUrl", "requestUrl",
                "verifyUrl", "confirmUrl", "textUrl", "redlineUrl", "dueDate", "completedAt", "approvedAt",
                "certificate", "grounds", "day", "lastSeq", "lastHash", "signedHead", "revisionTitle",
                "effectiveDate", "summary", "validHours", "devices", "wiped", "outcome", "noticeTitle", "noticeUrl")) {
            model.put(name, "[" + name + "]");
        }
        model.put("organisations", "Korea Internet & Security Agency");
        model.put("overdue", "C-2027-0001");
        model.put("dueSoon", "");
        model.put("category", "complaint.category.infringement");
        model.put("baseUrl", BASE_URL);
        model.put("lang", lang.code());
        if (isListMail(template)) {
            model.put("unsubscribeUrl", "/unsubscribe/token");
        }
        return model;
    }

    /** Mails sent to every notice subscriber: only they carry an unsubscribe link. */
    private static boolean isListMail(String template) {
        return template.startsWith("mail/notice-revision") || template.equals("mail/notice-general");
    }

    private String html(String template, Lang lang) {
        return view.renderToString(template, lang.locale(), model(template, lang));
    }

    private String text(String template, Lang lang) {
        return view.renderToString(template + ".txt", lang.locale(), model(template, lang));
    }

    private static String signature(Lang lang) {
        return lang == Lang.KO ? "jsoft · 스마트콜백 개인정보 포털" : "jsoft · Smart Callback privacy portal";
    }

    @Test
    void everyMailHasTheSharedFrameAndFooterInBothLanguages() throws Exception {
        List<String> templates = mailTemplates();
        assertThat(templates).as("the mails found").hasSizeGreaterThanOrEqualTo(17)
                .contains("complaint/mail/reply", "destruction/mail/certificate", "mail/subscription-confirm");
        for (String template : templates) {
            for (Lang lang : Lang.values()) {
                String html = html(template, lang);
                String where = template + " (" + lang.code() + ")";
                assertThat(html).as(where).startsWith("<!DOCTYPE html>")
                        .contains("<html lang=\"" + lang.code() + "\">", "<meta charset=\"UTF-8\">")
                        .doesNotContain("??", "th:");
                assertThat(html.split("<p>" + signature(lang) + "</p>", -1)).as(where + ": one signature").hasSize(2);
                String text = text(template, lang);
                assertThat(text).as(where).contains("\n\n-- \n").endsWith("\n" + signature(lang) + "\n")
                        .doesNotContain("??", "[#", "[(", "/*[-");
                assertThat(text.lines().findFirst().orElseThrow()).as(where + ": the subject line").isNotBlank();
            }
        }
    }

    @Test
    void onlyListMailsCarryTheUnsubscribeLinkInBothParts() throws Exception {
        for (String template : mailTemplates()) {
            boolean list = isListMail(template);
            String link = BASE_URL + "/unsubscribe/token";
            assertThat(html(template, Lang.EN).contains("<a href=\"" + link + "\">Unsubscribe</a>")).as(template)
                    .isEqualTo(list);
            String footer = list ? "-- \nYou get this mail because you subscribed to privacy policy notices.\n"
                    + "Unsubscribe: " + link + "\n" : "-- \n";
            assertThat(text(template, Lang.EN)).as(template).endsWith("\n" + footer + signature(Lang.EN) + "\n");
        }
    }

    @Test
    void theThreeAnswersToAComplaintDifferOnlyByTheirSubjectAndIntro() {
        for (Lang lang : Lang.values()) {
            Map<String, String> intros = Map.of("reply", "complaint.mail.reply", "resolved", "complaint.mail.resolved",
                    "refused", "complaint.mail.refused");
            String replyText = text("complaint/mail/reply", lang);
            String replyHtml = html("complaint/mail/reply", lang);
            for (var kind : intros.entrySet()) {
                String subject = Messages.resolve(lang.locale(), kind.getValue() + ".subject",
                        "[reference]");
                String intro = Messages.resolve(lang.locale(), kind.getValue() + ".intro",
                        "[reference]");
                String text = text("complaint/mail/" + kind.getKey(), lang);
                assertThat(text).startsWith(subject + "\n\n" + intro + "\n");
                assertThat(withoutFirstLines(text)).isEqualTo(withoutFirstLines(replyText));
                String html = html("complaint/mail/" + kind.getKey(), lang);
                assertThat(html).contains("<p>" + escape(intro) + "</p>");
                assertThat(html.replace(escape(intro), "")).isEqualTo(replyHtml.replace(escape(
                        Messages.resolve(lang.locale(), "complaint.mail.reply.intro",
                                "[reference]")), ""));
            }
        }
    }

    private static String withoutFirstLines(String text) {
        return text.lines().skip(3).reduce("", (a, b) -> a + b + "\n");
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&#39;");
    }

    @Test
    void koreanMailsNeedNoParticleFallbacks() {
        for (String template : List.of("complaint/mail/resolved", "complaint/mail/refused", "complaint/mail/receipt",
                "destruction/mail/certificate")) {
            assertThat(text(template, Lang.KO)).as(template)
                    .doesNotContain("을(를)", "를(을)", "이(가)", "가(이)", "은(는)", "는(은)", "(으)로", "과(와)");
        }
        assertThat(text("complaint/mail/resolved", Lang.KO)).contains("민원 [reference]에 대한 처리를 마치고 종결했습니다:");
        assertThat(text("destruction/mail/certificate", Lang.KO)).contains("[completedAt]에 파기 요청 [reference]의 처리를 완료했습니다.");
    }
}
