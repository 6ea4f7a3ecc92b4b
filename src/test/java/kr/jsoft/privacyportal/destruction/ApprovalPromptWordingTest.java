package kr.jsoft.privacyportal.destruction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import kr.jsoft.privacyportal.command.ApprovalPrompt;
import kr.jsoft.privacyportal.web.Messages;
import org.junit.jupiter.api.Test;

/** The phone's approval prompt tells the person exactly what to compare: the number the status page labels. */
class ApprovalPromptWordingTest {

    @Test
    void thePhonePromptNamesTheLabelOfTheNumberOnTheStatusPageInBothLanguages() {
        assertThat(DestructionProcess.bothLanguages(DestructionProcess.PROMPT))
                .contains("'" + Messages.resolve(Locale.KOREAN, "destruction.approval.label") + "'")
                .contains("'" + Messages.resolve(Locale.ENGLISH, "destruction.approval.label") + "'")
                .contains("두 자리", "two-digit", "거절", "refuse");
    }

    @Test
    void thePromptFitsWhatTheCommandChannelCarries() {
        assertThat(new ApprovalPrompt("destruction-request", DestructionProcess.bothLanguages(DestructionProcess.PROMPT), "42").message())
                .isEqualTo(DestructionProcess.bothLanguages(DestructionProcess.PROMPT));
    }
}
