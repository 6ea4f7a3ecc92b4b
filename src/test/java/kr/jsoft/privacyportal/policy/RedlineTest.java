package kr.jsoft.privacyportal.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import org.junit.jupiter.api.Test;

class RedlineTest {
    private static final Redline.Words KOREAN = new Redline.Words("추가:", "삭제:", "바뀌지 않은 부분 {0}개 보기");
    private static final String ADDED = "<span class=\"visually-hidden\">added: </span>";
    private static final String REMOVED = "<span class=\"visually-hidden\">removed: </span>";

    @Test
    void changedWordsAreMarkedInsideTheirRenderedParagraphWithAWordForScreenReaders() {
        Redline redline = Redline.between(
                "# Policy\n\nIntro.\n\n## 3. Retention\n\nKept for the duration of app use.\n",
                "# Policy\n\nIntro.\n\n## 3. Retention\n\nKept for 30 days after app use.\n");

        assertThat(redline.sections()).extracting(Redline.Section::change)
                .containsExactly(Redline.Change.UNCHANGED, Redline.Change.CHANGED);
        assertThat(redline.sections().get(1).html()).isEqualTo("<p>Kept for <del>" + REMOVED + "the duration of</del><ins>"
                + ADDED + "30 days after</ins> app use.</p>");
    }

    @Test
    void markdownIsRenderedNeverShownRaw() {
        Redline redline = Redline.between(
                "## 7. Contact\n\n**Privacy manager**: [Kim](mailto:privacy@jsoft.kr)\n\n- calls\n- contacts\n",
                "## 7. Contact\n\n**Privacy manager**: [Kim](mailto:privacy@jsoft.kr)\n\n- calls\n- contacts\n- cards\n");

        String html = redline.sections().get(0).html();
        assertThat(html).contains("<strong>Privacy manager</strong>", "href=\"mailto:privacy@jsoft.kr\">Kim</a>")
                .contains("<ul>\n<li>calls</li>\n<li>contacts</li>\n<li><ins>" + ADDED + "cards</ins></li>\n</ul>")
                .doesNotContain("**", "](", "## ");
        assertThat(redline.sections().get(0).heading()).isEqualTo("7. Contact");
    }

    @Test
    void sectionsAreMatchedByNumberAndAddedOrRemovedWholeAndRendered() {
        Redline redline = Redline.between(
                "## 1. Items\n\nA\n\n## 2. Old\n\nB\n",
                "## 1. Items\n\nA\n\n## 3. New\n\n*C*\n");

        assertThat(redline.sections()).extracting(Redline.Section::id, Redline.Section::heading, Redline.Section::change)
                .containsExactly(
                        tuple("section-1", "1. Items", Redline.Change.UNCHANGED),
                        tuple("section-2", "2. Old", Redline.Change.REMOVED),
                        tuple("section-3", "3. New", Redline.Change.ADDED));
        assertThat(redline.sections().get(1).html()).isEqualTo("<p><del>" + REMOVED + "B</del></p>");
        assertThat(redline.sections().get(2).html()).isEqualTo("<p><ins>" + ADDED + "<em>C</em></ins></p>");
        assertThat(redline.changedSections()).extracting(Redline.Section::id).containsExactly("section-2", "section-3");
        assertThat(redline.unchangedSections()).extracting(Redline.Section::id).containsExactly("section-1");
    }

    @Test
    void anInsertedAndADeletedParagraphAreMarkedWholeInTheirOwnElements() {
        Redline redline = Redline.between("## 1. A\n\nfirst\n\nsecond\n", "## 1. A\n\nsecond\n\nthird\n");

        assertThat(redline.sections().get(0).html()).isEqualTo("<p><del>" + REMOVED + "first</del></p>\n"
                + "<p>second</p>\n<p><ins>" + ADDED + "third</ins></p>");
    }

    @Test
    void longRunsOfUnchangedParagraphsAreFoldedKeepingOneOfContextEachSide() {
        StringBuilder before = new StringBuilder("## 1. A\n\n");
        StringBuilder after = new StringBuilder("## 1. A\n\n");
        for (int n = 1; n <= 6; n++) {
            before.append("p").append(n).append("\n\n");
            after.append(n == 6 ? "p6 changed" : "p" + n).append("\n\n");
        }

        String html = Redline.between(before.toString(), after.toString(), KOREAN).sections().get(0).html();

        assertThat(html).startsWith("<details class=\"redline-folded\"><summary>바뀌지 않은 부분 4개 보기</summary>\n"
                + "<p>p1</p>\n<p>p2</p>\n<p>p3</p>\n<p>p4</p>\n</details>\n<p>p5</p>\n<p>p6<ins>");
        assertThat(html).endsWith("<span class=\"visually-hidden\">추가: </span> changed</ins></p>");
    }

    @Test
    void markupInEitherTextIsEscaped() {
        Redline redline = Redline.between("## 1. A\n\nsafe text\n", "## 1. A\n\nsafe <script>alert('x')</script> text\n");

        String html = redline.sections().get(0).html();
        assertThat(html).doesNotContain("<script").contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
    }

    @Test
    void koreanWordsAreComparedWordByWord() {
        Redline redline = Redline.between("## 3. 보유기간\n\n앱 이용기간 동안 보유합니다.\n",
                "## 3. 보유기간\n\n앱 삭제 후 30일까지 보유합니다.\n", KOREAN);

        assertThat(redline.sections().get(0).html().replaceAll("<span class=\"visually-hidden\">[^<]*</span>", ""))
                .isEqualTo("<p>앱 <del>이용기간 동안</del><ins>삭제 후 30일까지</ins> 보유합니다.</p>");
    }

    @Test
    void circledNumberListsKeepTheirOwnMarksWithoutBullets() {
        Redline redline = Redline.between("## 9. 구제\n\n- ① 위원회\n", "## 9. 구제\n\n- ① 위원회\n- ② 센터\n");

        assertThat(redline.sections().get(0).html()).startsWith("<ul class=\"circled-numbers\">\n<li>① 위원회</li>");
    }

    @Test
    void identicalTextsHaveNoChanges() {
        Redline same = Redline.between("## 1. A\n\nx\n", "## 1. A\n\nx\n");

        assertThat(same.hasChanges()).isFalse();
        assertThat(same.sections().get(0).html()).isEqualTo("<p>x</p>");
    }
}
