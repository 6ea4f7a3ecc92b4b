package kr.jsoft.privacyportal.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkdownTest {
    private final Markdown markdown = new Markdown();

    @Test
    void aListNumberedWithCircledNumbersGetsNoBulletsButAnOrdinaryListKeepsThem() {
        String html = markdown.html("- ① 개인정보분쟁조정위원회\n- ② 개인정보침해 신고센터\n\n텍스트\n\n- 연락처\n- 통화 기록\n");

        assertThat(html).contains("<ul class=\"circled-numbers\">\n<li>① 개인정보분쟁조정위원회</li>")
                .contains("<ul>\n<li>연락처</li>");
    }

    @Test
    void aListWhereOnlySomeItemsHaveCircledNumbersKeepsItsBullets() {
        assertThat(markdown.html("- ① 첫째\n- 둘째\n")).startsWith("<ul>\n");
    }

    @Test
    void rawHtmlIsEscapedNeverPassedThrough() {
        String html = markdown.render("# Title\n\n<script>alert(1)</script>\n\nText with <b onclick=\"x()\">bold</b>.\n")
                .html();

        assertThat(html).doesNotContain("<script", "<b onclick").contains("&lt;script&gt;", "&lt;b onclick=");
    }

    @Test
    void unsafeLinkTargetsAreDropped() {
        String html = markdown.render("[click](javascript:alert(1)) and [mail](mailto:support@jsoft.kr)").html();

        assertThat(html).doesNotContain("javascript:").contains("href=\"mailto:support@jsoft.kr\"");
    }

    @Test
    void numberedSectionsGetTheSameIdInEveryLanguage() {
        Markdown.Rendered english = markdown.render("# Privacy policy\n\n## 3. Retention\n\ntext\n\n## Notes\n");
        Markdown.Rendered korean = markdown.render("# 개인정보처리방침\n\n## 3. 보유기간\n\n내용\n");

        assertThat(english.html()).contains("<h2 id=\"section-3\">3. Retention</h2>", "<h2 id=\"notes\">Notes</h2>");
        assertThat(korean.html()).contains("<h2 id=\"section-3\">3. 보유기간</h2>");
        assertThat(english.toc()).containsExactly(new Markdown.TocEntry("section-3", "3. Retention"),
                new Markdown.TocEntry("notes", "Notes"));
    }

    @Test
    void firstLevelOneHeadingBecomesTheTitleSoThePageHasOneH1() {
        Markdown.Rendered rendered = markdown.render("# Privacy policy\n\nIntro\n\n# Another top heading\n");

        assertThat(rendered.title()).isEqualTo("Privacy policy");
        assertThat(rendered.html()).doesNotContain("<h1").contains("<h2 id=\"another-top-heading\">");
    }

    @Test
    void tablesAndListsRender() {
        String html = markdown.render("| a | b |\n|---|---|\n| 1 | 2 |\n\n- one\n- two\n").html();

        assertThat(html).contains("<table>", "<td>1</td>", "<li>one</li>");
    }

    @Test
    void noticeBodiesKeepTheirHeadings() {
        assertThat(markdown.html("# Heading\n\nbody")).contains("<h2 id=\"heading\">Heading</h2>", "<p>body</p>");
    }
}
