package kr.jsoft.privacyportal.policy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedlineTest {

    @Test
    void changedWordsAreMarkedInsideTheirSection() {
        Redline redline = Redline.between(
                "# Policy\n\nIntro.\n\n## 3. Retention\n\nKept for the duration of app use.\n",
                "# Policy\n\nIntro.\n\n## 3. Retention\n\nKept for 30 days after app use.\n");

        assertThat(redline.sections()).extracting(Redline.Section::change)
                .containsExactly(Redline.Change.UNCHANGED, Redline.Change.CHANGED);
        assertThat(redline.sections().get(1).html())
                .contains("Kept for <del>the duration of</del><ins>30 days after</ins> app use.");
    }

    @Test
    void sectionsAreMatchedByNumberAndAddedOrRemovedWhole() {
        Redline redline = Redline.between(
                "## 1. Items\n\nA\n\n## 2. Old\n\nB\n",
                "## 1. Items\n\nA\n\n## 3. New\n\nC\n");

        assertThat(redline.sections()).extracting(Redline.Section::heading, Redline.Section::change)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("1. Items", Redline.Change.UNCHANGED),
                        org.assertj.core.groups.Tuple.tuple("2. Old", Redline.Change.REMOVED),
                        org.assertj.core.groups.Tuple.tuple("3. New", Redline.Change.ADDED));
        assertThat(redline.sections().get(2).html()).isEqualTo("<ins>## 3. New\n\nC</ins>");
        assertThat(redline.hasChanges()).isTrue();
    }

    @Test
    void markupInEitherTextIsEscaped() {
        Redline redline = Redline.between("## 1. A\n\nsafe text\n", "## 1. A\n\nsafe <script>alert('x')</script> text\n");

        String html = redline.sections().get(0).html();
        assertThat(html).doesNotContain("<script").contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
        assertThat(html.replaceAll("</?(ins|del)>", "")).doesNotContain("<", ">");
    }

    @Test
    void koreanWordsAreComparedWordByWord() {
        Redline redline = Redline.between("## 3. 보유기간\n\n앱 이용기간 동안 보유합니다.\n",
                "## 3. 보유기간\n\n앱 삭제 후 30일까지 보유합니다.\n");

        assertThat(redline.sections().get(0).html()).contains("앱 <del>이용기간 동안</del><ins>삭제 후 30일까지</ins> 보유합니다.");
    }

    @Test
    void identicalTextsHaveNoChanges() {
        assertThat(Redline.between("## 1. A\n\nx\n", "## 1. A\n\nx\n").hasChanges()).isFalse();
    }
}
