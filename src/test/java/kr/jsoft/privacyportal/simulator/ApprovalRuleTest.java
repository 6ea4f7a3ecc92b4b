package kr.jsoft.privacyportal.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** How the reference device's unattended user answers the portal's two kinds of prompt. */
class ApprovalRuleTest {
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

    private ApprovalRule parse(String rule, String input) {
        return ApprovalRule.parse(rule, new BufferedReader(new StringReader(input)), out);
    }

    @Test
    void autoApprovesADestructionRequestButKeepsAnAnnouncedDeletion() {
        ApprovalRule auto = parse("auto", "");

        assertThat(auto.approves("destruction-request", "Delete?", "42")).isTrue();
        assertThat(auto.approves(ApprovalRule.CANCEL_ACTION, "Cancel the pending deletion?", "42")).isFalse();
    }

    @Test
    void cancelLostMakesAutoCancelAnnouncedDeletions() {
        ApprovalRule auto = parse("auto", "").cancellingLost();

        assertThat(auto.approves(ApprovalRule.CANCEL_ACTION, "Cancel the pending deletion?", "42")).isTrue();
        assertThat(auto.approves("destruction-request", "Delete?", "42")).isTrue();
    }

    @Test
    void approveSaysYesToEveryPrompt() {
        assertThat(parse("approve", "").approves(ApprovalRule.CANCEL_ACTION, "Cancel?", "42")).isTrue();
    }

    @Test
    void askWithClosedInputRefusesAndSaysWhy() {
        assertThat(parse("ask", "").approves("destruction-request", "Delete?", "42")).isFalse();
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("input is closed");
    }
}
